import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ssh2 from 'ssh2';
import type { ParsedKey } from 'ssh2';

/**
 * The lab's secrets, generated once into its state directory and reused on every start so
 * that pinned host-key fingerprints and the client key stay valid across restarts.
 */
export interface KeyPair {
  privateKeyFile: string;
  privateKey: string;
  parsed: ParsedKey;
}

type GeneratedKeyPair = ReturnType<typeof ssh2.utils.generateKeyPairSync>;

/**
 * An ed25519 key pair that ssh2 can read back. ssh2's generator writes a malformed OpenSSH
 * private key about once in 250 tries (measured: 8 of 2000), so each one is parsed before use.
 */
export function generateEd25519KeyPair(options: Parameters<typeof ssh2.utils.generateKeyPairSync>[1] = {}): GeneratedKeyPair {
  for (let attempt = 1; ; attempt++) {
    const generated = ssh2.utils.generateKeyPairSync('ed25519', options);
    const parsed = ssh2.utils.parseKey(generated.private, 'passphrase' in options ? options.passphrase : undefined);
    if (!(parsed instanceof Error)) return generated;
    if (attempt === 20) throw new Error(`ssh2 generated 20 unreadable ed25519 keys in a row: ${parsed.message}`);
  }
}

/** Loads the ed25519 key in `file`, generating it (and `${file}.pub`) first if it does not exist. */
export function ensureKeyPair(file: string, comment: string): KeyPair {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const generated = generateEd25519KeyPair({ comment });
    writeFileSync(file, generated.private, { mode: 0o600 });
    writeFileSync(`${file}.pub`, `${generated.public}\n`, { mode: 0o644 });
  }
  const privateKey = readFileSync(file, 'utf8');
  return { privateKeyFile: file, privateKey, parsed: parsePrivateKey(privateKey, file) };
}

/** The password every host accepts: `MQCHAOS_LAB_PASSWORD`, else one generated into `file` (mode 600). */
export function ensureLabPassword(file: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.MQCHAOS_LAB_PASSWORD) return env.MQCHAOS_LAB_PASSWORD;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** OpenSSH fingerprint form: `SHA256:` + unpadded base64 of the SHA-256 of the public key blob. */
export function fingerprintHostKey(key: ParsedKey): string {
  return `SHA256:${createHash('sha256').update(key.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
}

function parsePrivateKey(text: string, file: string): ParsedKey {
  const parsed = ssh2.utils.parseKey(text);
  if (parsed instanceof Error) throw new Error(`${file}: not a usable private key: ${parsed.message}`);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key) throw new Error(`${file}: no key found`);
  return key;
}
