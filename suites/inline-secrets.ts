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
    return findInlineSecrets(value, at);
  });
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
