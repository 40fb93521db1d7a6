/**
 * The processes of a queue-manager instance as `ps -ef` shows them on MQ 9.3+ for Linux.
 * A standby runs the execution controller, amqzfuma, amqzmgr0 and amqzmuc0; only the
 * active adds amqzmur0, the agent amqzlaa0 and the repository manager amqrrmfa
 * (IBM technote "Which MQ process indicates the active instance").
 */
export const MQ_BIN = '/opt/mqm/bin';

export interface MqProcessSpec {
  command: string;
  /** Whether the execution controller is its parent (the others hang off amqzmur0). */
  childOfController: boolean;
  /**
   * Restarted by MQ when it dies instead of ending the queue manager. [U] IBM does not
   * list which processes are critical; the repository manager runs under the restartable
   * process manager, so it is the one treated as restartable here.
   */
  restartable: boolean;
}

export function formatControllerCommand(qm: string, permitsStandby: boolean): string {
  return `${MQ_BIN}/amqzxma0 -m ${qm}${permitsStandby ? ' -x' : ''} -u mqm`;
}

/** Processes started with the execution controller, on standby and active alike. */
export function listCoreProcesses(qm: string): MqProcessSpec[] {
  return ['amqzfuma', 'amqzmgr0', 'amqzmuc0'].map((program) => ({
    command: `${MQ_BIN}/${program} -m ${qm}`,
    childOfController: true,
    restartable: false,
  }));
}

/** Processes an instance starts when it becomes active, in start order. */
export function listActiveOnlyProcesses(qm: string): MqProcessSpec[] {
  return [
    { command: `${MQ_BIN}/amqzmur0 -m ${qm}`, childOfController: true, restartable: false },
    { command: `${MQ_BIN}/amqzlaa0 -m${qm} -fip0`, childOfController: true, restartable: false },
    {
      command: `${MQ_BIN}/amqrrmfa -m ${qm} -t2332800 -s2592000 -p2592000 -g5184000 -c3600`,
      childOfController: false,
      restartable: true,
    },
  ];
}
