import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HostSpec } from '../../suites/suite-model.ts';
import { checkHostKey, fingerprintHostKey } from './host-key.ts';
import { HostKeyMismatchError } from './ssh-errors.ts';
import { generateEd25519KeyPair } from '../../test/support/ed25519-keys.ts';

const keys = generateEd25519KeyPair();
// Independent of ssh2: the blob is the base64 field of the OpenSSH public key line.
const blob = Buffer.from(keys.public.split(' ')[1]!, 'base64');
const expected = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;

const host = (hostKey: string): HostSpec => ({
  name: 'mq-a',
  address: '127.0.0.1',
  port: 2222,
  user: 'mqm',
  credential: { env: 'X' },
  hostKey,
});

describe('fingerprintHostKey', () => {
  it('fingerprintHostKey - OpenSSH SHA256 form without padding', () => {
    const fingerprint = fingerprintHostKey(blob);
    expect(fingerprint).toBe(expected);
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});

describe('checkHostKey', () => {
  it('checkHostKey - exact pin is accepted', () => {
    expect(checkHostKey(host(expected), expected)).toBeUndefined();
  });

  it('checkHostKey - pin with trailing padding is not the same pin', () => {
    const err = checkHostKey(host(`${expected}=`), expected);
    expect(err).toBeInstanceOf(HostKeyMismatchError);
    expect(err?.reason).toBe('invalid-pin');
  });

  it('checkHostKey - another key is refused as changed', () => {
    const other = `SHA256:${'B'.repeat(43)}`;
    const err = checkHostKey(host(other), expected);
    expect(err).toBeInstanceOf(HostKeyMismatchError);
    expect(err?.message).toBe(`refusing SSH connection to mq-a (127.0.0.1:2222): host key changed — expected ${other}, presented ${expected}`);
    expect(err?.details()).toEqual({
      code: 'SSH_HOST_KEY_MISMATCH',
      permanent: true,
      host: 'mq-a',
      endpoint: '127.0.0.1:2222',
      expected: other,
      presented: expected,
      reason: 'changed',
    });
  });

  it('checkHostKey - IPv6 endpoint is bracketed', () => {
    const err = checkHostKey({ ...host(''), address: '::1' }, expected);
    expect(err?.message).toMatch(/^refusing SSH connection to mq-a \(\[::1\]:2222\): no host key is pinned/);
  });
});
