import { breaksOf, lookupPathAttributes } from '../conformance/host-configuration.ts';
import { fsckRendezvous } from '../conformance/fsck-rendezvous.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { parseOptions } from './parse-options.ts';

/** [U] amqmfsck's messages are not in the reference (mq-reference.md §7: believed texts). */
export const FSCK_TEXT = {
  success: 'The tests on the directory completed successfully.',
  startSecond: 'Start a second copy of this program with the same parameters on another server.',
  writing: 'Writing to test file. This will normally complete within about 60 seconds.',
  waiting: 'Waiting for the file lock.',
  acquired: 'File lock acquired.',
  pressEnter: 'Press Enter or terminate this process to release the lock.',
  released: 'File lock released.',
  noSecond: 'No second copy of the program was started within 60 seconds.',
  lockFailed: (file: string) => `AMQ6245E: Error executing system call 'fcntl(F_SETLK)' on file '${file}' errno 37 ('No locks available').`,
  noDirectory: (dir: string) => `The directory '${dir}' does not exist or cannot be accessed.`,
} as const;
const USAGE = 'Usage: amqmfsck [-v] [-c | -w | -f [-p pages] | -a | -i] DirectoryName';
const PARTNER_TIMEOUT_MS = 60_000;

/**
 * `amqmfsck [-v] [-c | -w] DIRECTORY`, IBM's shared-file-system checker (mq-reference.md §7):
 * without an option the basic tests; `-c` concurrent writes, run on two hosts at once (each
 * copy waits for the other); `-w` takes the test file's lock, waiting while the other host
 * holds it, and keeps it until Enter (end of standard input). A host whose mount does not
 * honour locks (local_lock=all, the file-locking break) fails the tests. The test files are
 * removed again: nothing on the estate changes. -f, -a and -i are not modelled.
 */
export const runAmqmfsck: CommandHandler = async (args, { estate, host, readStdin }) => {
  const parsed = parseOptions(args, { flags: 'vcwfai', valued: 'p' });
  if (!parsed.ok || parsed.options.operands.length !== 1) return makeCommandResult([], 1, [USAGE]);
  const modes = parsed.options.flags.filter((f) => f !== 'v');
  if (modes.length > 1 || modes.some((m) => m === 'f' || m === 'a' || m === 'i')) return makeCommandResult([], 1, [USAGE, 'The lab runs the basic, -c and -w tests only.']);
  const directory = parsed.options.operands[0]!.replace(/\/+$/, '');
  const attributes = lookupPathAttributes(estate, host, directory);
  if (!attributes || attributes.kind !== 'directory') return makeCommandResult([], 1, [FSCK_TEXT.noDirectory(directory)]);
  if (attributes.onShare && host.nfs) await host.nfs.whenReachable();
  const honoursLocks = !breaksOf(estate, host).includes('file-locking');
  // Two hosts meet through a shared directory; their locks only where the mount honours them.
  const locks = fsckRendezvous(estate, host.name, honoursLocks && attributes.onShare);
  const writers = fsckRendezvous(estate, host.name, attributes.onShare);
  const lockFailure = (file: string) => makeCommandResult([], 1, [FSCK_TEXT.lockFailed(`${directory}/${file}`)]);

  if (modes[0] === 'w') {
    const out: string[] = [];
    const lock = locks.acquireLock(directory, host.name);
    const { waited, release } = await lock;
    if (waited) out.push(FSCK_TEXT.waiting);
    out.push(FSCK_TEXT.acquired, FSCK_TEXT.pressEnter);
    await readStdin();
    release();
    out.push(FSCK_TEXT.released);
    return makeCommandResult(out);
  }
  if (modes[0] === 'c') {
    const met = await writers.meetWriter(directory, host.name, PARTNER_TIMEOUT_MS);
    if (!met) return makeCommandResult([FSCK_TEXT.startSecond], 1, [FSCK_TEXT.noSecond]);
    if (!honoursLocks) return { ...lockFailure('amqmfsck.fil'), stdout: `${FSCK_TEXT.startSecond}\n${FSCK_TEXT.writing}\n` };
    return makeCommandResult([FSCK_TEXT.startSecond, FSCK_TEXT.writing, FSCK_TEXT.success]);
  }
  if (!honoursLocks) return lockFailure('amqmfsck.lkw');
  return makeCommandResult([FSCK_TEXT.success]);
};
