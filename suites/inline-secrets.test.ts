import { describe, expect, it } from 'vitest';
import { findInlineSecrets } from './inline-secrets.ts';

describe('findInlineSecrets', () => {
  it('findInlineSecrets - secret-looking keys anywhere, whatever their spelling', () => {
    const data = { a: [{ Password: 'x' }], b: { private_key: 'x', 'client-secret': 'y', secret: null } };
    expect(findInlineSecrets(data).map((issue) => [issue.pointer, issue.at])).toEqual([
      ['/a/0/Password', 'key'],
      ['/b/private_key', 'key'],
      ['/b/client-secret', 'key'],
    ]);
  });

  it('findInlineSecrets - a credential given as a value, and a pasted private key', () => {
    const pasted = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    const issues = findInlineSecrets({ hosts: { mq1: { credential: 'hunter2' }, mq2: { credential: { keyFile: pasted } } } });
    expect(issues.map((issue) => [issue.pointer, issue.message])).toEqual([
      ['/hosts/mq1/credential', 'inline secret: credential is a plain value; it must reference the secret, not contain it'],
      ['/hosts/mq2/credential/keyFile', 'inline secret: a private key is pasted into the file'],
    ]);
    expect(issues.every((issue) => issue.code === 'MQC-SUITE-INLINE-SECRET')).toBe(true);
  });

  it('findInlineSecrets - references to secrets are not secrets', () => {
    expect(findInlineSecrets({ credential: { keyFile: 'k', passphraseEnv: 'MQ_KEY_PASSPHRASE' }, other: { env: 'MQ_PASSWORD' } })).toEqual([]);
  });
});
