/**
 * What an `amqmfsck` run said (mq-reference.md §7). [U] Its message texts are believed, not
 * confirmed: the success line and the -w lock messages are matched as written there, and
 * anything else is reported as the run's own words.
 */
export interface AmqmfsckOutcome {
  /** Exit 0 and the success line (basic and -c), or the lock taken and released (-w). */
  passed: boolean;
  /** -w: the copy printed that it waited for the other copy's lock. */
  waitedForLock: boolean;
  lockAcquired: boolean;
  /** The last line of standard error, or of standard output when it did not pass. */
  problem: string | null;
}

const SUCCESS = 'The tests on the directory completed successfully.';
const WAITING = 'Waiting for the file lock.';
const ACQUIRED = 'File lock acquired.';
const RELEASED = 'File lock released.';

export function parseAmqmfsck(mode: 'basic' | 'concurrent' | 'wait', exitCode: number | null, stdout: string, stderr: string): AmqmfsckOutcome {
  const lines = stdout.split('\n').map((l) => l.trim());
  const lockAcquired = lines.includes(ACQUIRED);
  const passed = exitCode === 0 && (mode === 'wait' ? lockAcquired && lines.includes(RELEASED) : lines.includes(SUCCESS));
  const said = [...stderr.split('\n'), ...(passed ? [] : lines)].map((l) => l.trim()).filter((l) => l !== '');
  const problem = passed ? null : (said.find((l) => /^AMQ\d{4}/.test(l)) ?? said.at(-1) ?? `exit ${exitCode}`);
  return { passed, waitedForLock: lines.includes(WAITING), lockAcquired, problem };
}
