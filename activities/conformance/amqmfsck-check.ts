import type { CheckFacts, NodeFacts } from '../../checkers/conformance-facts.ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import { parseAmqmfsck, type AmqmfsckOutcome } from '../mq/parse-amqmfsck.ts';
import { instanceHosts, readNode, type CheckContext } from './check-context.ts';

const FSCK_TIMEOUT_MS = 120_000;
/** How long after the first `-w` copy the second is started, so the first holds the lock when it asks. */
const SECOND_COPY_DELAY_MS = 500;

/**
 * IBM's shared-file-system checks (mq-reference.md §7), as the multi-instance set-up procedure
 * runs them: the basic test on every node, then `-c` (concurrent writes) and `-w` (waiting for
 * and releasing locks) on the first two nodes at once. For `-w` the first copy holds the lock
 * for `lockHoldMs` while the second starts: exactly one of them must report that it waited.
 * amqmfsck writes and removes its own test files only.
 */
export async function checkAmqmfsck(context: CheckContext): Promise<CheckFacts> {
  const hosts = instanceHosts(context);
  const directory = context.config.sharedDirectory;
  const run = async (host: HostSpec, mode: 'basic' | 'concurrent' | 'wait', stdin?: Promise<string>): Promise<AmqmfsckOutcome> => {
    const flag = { basic: [], concurrent: ['-c'], wait: ['-w'] }[mode];
    const result = await context.ssh.run(host, ['amqmfsck', ...flag, directory], { timeoutMs: FSCK_TIMEOUT_MS, ...(stdin ? { stdin } : {}) });
    if (result.exitCode === 127) throw new Error(`amqmfsck is not installed on ${host.name}`);
    return parseAmqmfsck(mode, result.exitCode, result.stdout, result.stderr);
  };
  const basic = await Promise.all(hosts.map((host) => run(host, 'basic').then((o) => ({ ok: o }), (error: Error) => ({ error }))));
  // The two-node tests need both nodes: with one unreachable they cannot run (unknown), rather than fail waiting for it.
  const pair = hosts.slice(0, 2).every((_, index) => 'ok' in basic[index]!) ? hosts.slice(0, 2) : [];
  const concurrent = pair.length === 2 ? await settleAll(pair.map((host) => run(host, 'concurrent', Promise.resolve('')))) : [];
  const wait = pair.length === 2 ? await lockWaitPair(pair, context.config.lockHoldMs, (host, stdin) => run(host, 'wait', stdin)) : [];
  const waitedCount = wait.filter((w) => 'ok' in w && w.ok.waitedForLock).length;

  const nodes: NodeFacts[] = await Promise.all(
    hosts.map((host, index) =>
      readNode(host.name, async () => {
        const b = basic[index]!;
        if ('error' in b) throw b.error;
        const facts: NodeFacts['facts'] & object = { basicPassed: b.ok.passed };
        const words: Record<string, string> = { basicPassed: `amqmfsck ${directory} failed: ${b.ok.problem}` };
        const c = concurrent[index];
        const w = wait[index];
        const partner = pair[1 - index]?.name ?? 'a second node';
        facts.concurrentPassed = c === undefined ? null : 'ok' in c ? c.ok.passed : null;
        if (c && 'ok' in c) words.concurrentPassed = `amqmfsck -c ${directory} (with ${partner}) failed: ${c.ok.problem}`;
        facts.lockWaitPassed = w === undefined ? null : 'ok' in w ? w.ok.passed && waitedCount === 1 : null;
        if (w && 'ok' in w) {
          words.lockWaitPassed = !w.ok.passed
            ? `amqmfsck -w ${directory} failed: ${w.ok.problem}`
            : `amqmfsck -w ${directory} here and on ${partner}: ${waitedCount === 0 ? 'both held the file lock at once (locks are not honoured across nodes)' : 'both waited for the lock'}`;
        }
        return { facts, words };
      }),
    ),
  );
  return { check: 'amqmfsck', title: 'the shared file system passes amqmfsck (basic, -c, -w on two nodes at once)', queueManager: context.queueManager, nodes };
}

type Settled<T> = { ok: T } | { error: Error };

function settleAll<T>(promises: Promise<T>[]): Promise<Settled<T>[]> {
  return Promise.all(promises.map((p) => p.then((ok) => ({ ok }), (error: Error) => ({ error }))));
}

/** Starts the first copy, the second shortly after, and presses Enter on the first after `holdMs`, then on the second. */
async function lockWaitPair(pair: HostSpec[], holdMs: number, run: (host: HostSpec, stdin: Promise<string>) => Promise<AmqmfsckOutcome>): Promise<Settled<AmqmfsckOutcome>[]> {
  let releaseFirst!: () => void;
  const firstEnter = new Promise<string>((resolve) => (releaseFirst = () => resolve('\n')));
  const first = run(pair[0]!, firstEnter);
  await new Promise((resolve) => setTimeout(resolve, SECOND_COPY_DELAY_MS));
  const second = run(pair[1]!, Promise.resolve('\n'));
  const timer = setTimeout(releaseFirst, holdMs);
  try {
    return await settleAll([first, second]);
  } finally {
    clearTimeout(timer);
    releaseFirst();
  }
}
