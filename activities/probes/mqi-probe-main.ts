import type { MqiModule } from '../mq/mqi-module.ts';
import { loadMqiModule } from '../mq/mqi-module.ts';
import { attemptClientConnect, PutGetProbe } from './mqi-probe-attempts.ts';
import type { FromProbe, MqiAttemptPlan, ToProbe } from './mqi-probe-ipc.ts';

/**
 * Entry point of a health probe's MQI process, forked once per health-check activity with
 * LD_LIBRARY_PATH naming the MQ client library directory (mqi-probe-process.ts). It answers
 * one attempt at a time and ends when the activity goes away (the IPC channel closes).
 */

// The ibmmq package builds an error with a stack on every call; nothing here reads them.
Error.stackTraceLimit = 0;

let mq: MqiModule | undefined;
const putGetProbes = new Map<string, PutGetProbe>();

function send(message: FromProbe): void {
  if (process.connected) process.send!(message);
}

function runAttempt(module: MqiModule, plan: MqiAttemptPlan) {
  if (plan.kind === 'client-connect') return attemptClientConnect(module, plan.connect);
  const key = JSON.stringify([plan.connect, plan.queue]);
  const probe = putGetProbes.get(key) ?? new PutGetProbe(module, plan.connect, plan.queue);
  putGetProbes.set(key, probe);
  return probe.attempt(plan.answerByMs);
}

process.on('message', (message: ToProbe) => {
  if (message.type === 'start') {
    loadMqiModule(message.libraryDir).then(
      (loaded) => {
        mq = loaded;
        send({ type: 'ready' });
      },
      (error: unknown) => {
        send({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
        process.disconnect?.();
      },
    );
    return;
  }
  if (!mq) {
    send({ type: 'result', id: message.id, outcome: { ok: false, error: 'the probe process has not loaded the MQ client library' } });
    return;
  }
  try {
    send({ type: 'result', id: message.id, outcome: runAttempt(mq, message.plan) });
  } catch (error) {
    send({ type: 'result', id: message.id, outcome: { ok: false, error: error instanceof Error ? error.message : String(error) } });
  }
});
process.on('disconnect', () => process.exit(0));
