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

  it('findInlineSecrets - a health command\'s argv with a secret in it: option=value, the value after a secret option, curl -u, a URL, an Authorization header', () => {
    const run = [
      'probe', '--password=hunter2', '--token', 'abc123', '-u', 'admin:passw0rd',
      'https://admin:passw0rd@mqweb:9443/ibmmq/rest/v2', 'Authorization: Basic YWRtaW46cGFzc3cwcmQ=',
    ];
    const issues = findInlineSecrets({ scenarios: [{ health: [{ name: 'h', command: { host: 'app1', run } }] }] });
    expect(issues.map((issue) => issue.pointer)).toEqual([1, 3, 5, 6, 7].map((i) => `/scenarios/0/health/0/command/run/${i}`));
    expect(issues[0]!.message).toContain('a health command carries a secret on its command line');
  });

  it('findInlineSecrets - ordinary health commands are not secrets (options without values, ports, MQ names, a URL without a password)', () => {
    const run = ['ftePingAgent', '-m', 'QM1', '-w', '2', 'AGENT1', '--token-file', '/home/mqm/.token', '-p', '1414', 'https://mqweb:9443/ibmmq/rest/v2', 'host:1414'];
    expect(findInlineSecrets({ health: [{ command: { host: 'app1', run } }] })).toEqual([]);
    // `run` elsewhere than under a command is not an argv.
    expect(findInlineSecrets({ run: ['--password=x'] })).toEqual([]);
  });
});

