import { assertValidName } from '../../suites/mq-names.ts';
import { OperationalError } from './operational-error.ts';

/**
 * Command lines for SSH exec. The remote side hands the string to the user's login shell,
 * so each argument must reach the program exactly as given: safe tokens pass unchanged,
 * anything else is single-quoted (POSIX sh rules; csh-family login shells are not supported).
 */

/** An argument that cannot be passed safely (NUL, line breaks) or an empty argv. */
export class UnsafeCommandArgumentError extends OperationalError {
  readonly code = 'COMMAND_ARGUMENT_UNSAFE';
  readonly permanent = true;

  constructor(
    readonly argv: readonly string[],
    readonly index: number,
    readonly reason: string,
  ) {
    super(`command argument ${index} ${JSON.stringify(argv[index] ?? '')} refused: ${reason}`);
  }
}

/**
 * MQ naming rule for queue managers (1–48 of A–Z a–z 0–9 . _ % /), from the shared rules in
 * suites/mq-names.ts; throws InvalidNameError, which the activity boundary makes non-retryable.
 */
export function assertQueueManagerName(name: string): string {
  return assertValidName('queueManager', name);
}

// No glob, expansion, redirection, separator or quote characters; `=` is excluded so a
// first argument can never turn into a variable assignment, `~` so it never expands.
const SAFE_TOKEN = /^[A-Za-z0-9_@%+:,./-]+$/;
const FORBIDDEN = /[\0\n\r]/;

export function quoteArgument(arg: string): string {
  if (SAFE_TOKEN.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Turns an argv into the string sent over SSH, checking every argument before quoting any. */
export function buildCommandLine(argv: readonly string[]): string {
  if (argv.length === 0) throw new UnsafeCommandArgumentError(argv, 0, 'the command is empty');
  argv.forEach((arg, index) => {
    if (typeof arg !== 'string') throw new UnsafeCommandArgumentError(argv, index, 'it is not a string');
    if (FORBIDDEN.test(arg)) throw new UnsafeCommandArgumentError(argv, index, 'it contains a NUL or line break');
  });
  if (argv[0] === '') throw new UnsafeCommandArgumentError(argv, 0, 'the program name is empty');
  return argv.map(quoteArgument).join(' ');
}
