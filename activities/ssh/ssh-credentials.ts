import { readFile } from 'node:fs/promises';
import ssh2 from 'ssh2';
import type { HostSpec } from '../../suites/suite-model.ts';
import { SshCredentialError } from './ssh-errors.ts';

/** A secret ready for ssh2, resolved at connect time and never stored in a spec or a result. */
export type ResolvedCredential =
  | { method: 'password'; password: string }
  | { method: 'publickey'; privateKey: Buffer; passphrase?: string };

export type Environment = Readonly<Record<string, string | undefined>>;

function readEnv(host: HostSpec, env: Environment, variable: string): string {
  const value = env[variable];
  if (value === undefined || value === '') {
    throw new SshCredentialError(host.name, `environment variable ${variable}`, 'env-unset', 'is not set');
  }
  return value;
}

export async function resolveCredential(host: HostSpec, env: Environment = process.env): Promise<ResolvedCredential> {
  const ref = host.credential;
  if ('env' in ref) return { method: 'password', password: readEnv(host, env, ref.env) };

  const passphrase = ref.passphraseEnv === undefined ? undefined : readEnv(host, env, ref.passphraseEnv);
  let privateKey: Buffer;
  try {
    privateKey = await readFile(ref.keyFile);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new SshCredentialError(host.name, `key file ${ref.keyFile}`, 'key-file-unreadable', `cannot be read (${reason})`, {
      cause: err,
    });
  }
  // Parsing here turns a wrong passphrase or a corrupt file into a clear permanent error
  // instead of a generic failure thrown from inside the connection attempt.
  const parsed = ssh2.utils.parseKey(privateKey, passphrase);
  if (parsed instanceof Error) {
    throw new SshCredentialError(host.name, `key file ${ref.keyFile}`, 'key-unusable', `cannot be used: ${parsed.message}`, {
      cause: parsed,
    });
  }
  return passphrase === undefined ? { method: 'publickey', privateKey } : { method: 'publickey', privateKey, passphrase };
}
