import type { Issue } from './definition-error.ts';
import { appendPointer } from './json-pointer.ts';

/**
 * Suites and estates travel into workflow history, reports and version control, so a
 * secret must never be written in them: a credential names an environment variable or a
 * key file instead. Any key that looks like it holds a secret, a credential given as a
 * plain value, or a private key pasted into a string is an error wherever it appears.
 */

const SECRET_KEYS = new Set(['password', 'passwd', 'passphrase', 'secret', 'privatekey', 'clientsecret', 'apikey']);
const PRIVATE_KEY_TEXT = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
/** An option of a command line that takes a secret: `--password=x`, `--password x`, `-password x`, `--api-key x`, `--token x`. */
const SECRET_OPTION = /^--?(password|passwd|pass|passphrase|secret|client-?secret|token|api-?key|apikey)(=(.*))?$/i;
/** A user:password in a URL (`https://u:p@host/…`) or an Authorization header's credentials. */
const SECRET_IN_ARGUMENT = /:\/\/[^/\s:@]+:[^/\s@]+@|^\s*authorization\s*:\s*(basic|bearer)\s+\S+/i;

const REFERENCE_HINT =
  'reference the secret instead: `credential: { env: VAR }` reads a password from environment variable VAR; ' +
  '`credential: { keyFile: path, passphraseEnv: VAR }` uses a private key file (passphrase, if any, in VAR)';

export function findInlineSecrets(data: unknown, pointer = ''): Issue[] {
  if (typeof data === 'string') return PRIVATE_KEY_TEXT.test(data) ? [pastedKey(pointer)] : [];
  if (data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((item, index) => findInlineSecrets(item, appendPointer(pointer, index)));
  return Object.entries(data as Record<string, unknown>).flatMap(([key, value]) => {
    const at = appendPointer(pointer, key);
    if (isSecretKey(key) && value !== null && value !== undefined) return [secretField(at, key)];
    if (key === 'credential' && value !== null && typeof value !== 'object') return [plainCredential(at)];
    if (key === 'run' && pointer.endsWith('/command') && Array.isArray(value)) return findSecretsInArgv(value, at);
    return findInlineSecrets(value, at);
  });
}

/**
 * A health command's argument vector: an option that carries a secret, the argument after a
 * secret-taking option or curl's `-u user:password`, a URL with a password, an Authorization header.
 */
function findSecretsInArgv(argv: unknown[], pointer: string): Issue[] {
  const issues: Issue[] = [];
  argv.forEach((argument, index) => {
    const at = appendPointer(pointer, index);
    if (typeof argument !== 'string') return;
    if (PRIVATE_KEY_TEXT.test(argument)) return void issues.push(pastedKey(at));
    const option = SECRET_OPTION.exec(argument);
    const previous = index > 0 ? argv[index - 1] : undefined;
    const afterSecretOption = typeof previous === 'string' && SECRET_OPTION.test(previous) && !previous.includes('=');
    const afterCurlUser = (previous === '-u' || previous === '--user') && argument.includes(':');
    if ((option && option[3]) || afterSecretOption || afterCurlUser || SECRET_IN_ARGUMENT.test(argument)) issues.push(secretArgument(at));
  });
  return issues;
}

function secretArgument(pointer: string): Issue {
  return {
    code: 'MQC-SUITE-INLINE-SECRET',
    pointer,
    message: 'inline secret: a health command carries a secret on its command line (it would be stored in history, reports and the host\'s process table)',
    hint: 'let the command read its secret on the host (a file only the SSH user can read, or a credential store the command knows), not from its arguments',
  };
}

function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));
}

function secretField(pointer: string, key: string): Issue {
  return {
    code: 'MQC-SUITE-INLINE-SECRET',
    pointer,
    at: 'key',
    message: `inline secret: "${key}" holds a secret written into the file; secrets are never stored in suites or estates`,
    hint: REFERENCE_HINT,
  };
}

function plainCredential(pointer: string): Issue {
  return {
    code: 'MQC-SUITE-INLINE-SECRET',
    pointer,
    message: 'inline secret: credential is a plain value; it must reference the secret, not contain it',
    hint: REFERENCE_HINT,
  };
}

function pastedKey(pointer: string): Issue {
  return {
    code: 'MQC-SUITE-INLINE-SECRET',
    pointer,
    message: 'inline secret: a private key is pasted into the file',
    hint: REFERENCE_HINT,
  };
}
