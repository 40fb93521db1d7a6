import { describe, expect, it } from 'vitest';
import { describeSchemaErrors } from './schema-errors.ts';
import { loadSuiteSchemas } from './suite-schemas.ts';

const HOST_KEY = 'SHA256:MqLG02Ll+pZ5lSBttxsUlh4iKjGUHVfkMPs6eK+rsmM';

function describeEstate(estate: unknown): { pointer: string; message: string; code: string }[] {
  const { validateEstate } = loadSuiteSchemas();
  if (validateEstate(estate)) return [];
  return describeSchemaErrors(validateEstate.errors ?? [], { code: 'MQC-SUITE-SCHEMA' }).map(({ pointer, message, code }) => ({ pointer, message, code }));
}

function host(extra: Record<string, unknown>): Record<string, unknown> {
  return { address: 'mq1', user: 'mqm', credential: { env: 'MQ_PW' }, hostKey: HOST_KEY, ...extra };
}

describe('describeSchemaErrors', () => {
  it('describeSchemaErrors - a valid estate has nothing to say', () => {
    expect(describeEstate({ hosts: { mq1: host({}) }, queueManagers: { QM1: { instances: ['mq1'] } } })).toEqual([]);
  });

  it('describeSchemaErrors - missing fields, empty maps and lists in words', () => {
    expect(describeEstate({ hosts: {}, queueManagers: { QM1: { instances: [] } } })).toEqual([
      { code: 'MQC-SUITE-SCHEMA', pointer: '/hosts', message: 'must have at least 1 entry' },
      { code: 'MQC-SUITE-SCHEMA', pointer: '/queueManagers/QM1/instances', message: 'must list at least 1 item' },
    ]);
    expect(describeEstate({ hosts: { mq1: { address: 'mq1' } } })).toEqual([
      { code: 'MQC-SUITE-SCHEMA', pointer: '', message: 'missing required field "queueManagers"' },
      { code: 'MQC-SUITE-SCHEMA', pointer: '/hosts/mq1', message: 'missing required field "user"' },
      { code: 'MQC-SUITE-SCHEMA', pointer: '/hosts/mq1', message: 'missing required field "credential"' },
      { code: 'MQC-SUITE-SCHEMA', pointer: '/hosts/mq1', message: 'missing required field "hostKey"' },
    ]);
  });

  it('describeSchemaErrors - credential alternatives collapse into one sentence', () => {
    const estate = (credential: unknown) => ({ hosts: { mq1: host({ credential }) }, queueManagers: { QM1: { instances: ['mq1'] } } });
    expect(describeEstate(estate({}))).toEqual([{ code: 'MQC-SUITE-SCHEMA', pointer: '/hosts/mq1/credential', message: 'must have one of env, keyFile' }]);
    expect(describeEstate(estate({ env: 'A', passphraseEnv: 'B' }))).toEqual([
      { code: 'MQC-SUITE-SCHEMA', pointer: '/hosts/mq1/credential/passphraseEnv', message: '"passphraseEnv" needs "keyFile" alongside it' },
    ]);
  });

  it('describeSchemaErrors - values beneath a credential are never echoed', () => {
    const estate = { hosts: { mq1: host({ credential: { env: 12345678 } }) }, queueManagers: { QM1: { instances: ['mq1'] } } };
    expect(describeEstate(estate)).toEqual([{ code: 'MQC-SUITE-SCHEMA', pointer: '/hosts/mq1/credential/env', message: 'must be a string, got a number' }]);
  });

  it('describeSchemaErrors - a bad map key is blamed on the key, as a naming error', () => {
    expect(describeEstate({ hosts: { 'mq1 ': host({}) }, queueManagers: { QM1: { instances: ['mq1'] } } })).toEqual([
      { code: 'MQC-SUITE-MQ-NAME', pointer: '/hosts/mq1 ', message: 'host name "mq1 " contains " ": lower-case letters, digits and inner hyphens, at most 63 characters (e.g. mq1)' },
    ]);
  });

  it('describeSchemaErrors - a path with ~ says it is not expanded', () => {
    const estate = { hosts: { mq1: host({ credential: { keyFile: '~/.ssh/id' } }) }, queueManagers: { QM1: { instances: ['mq1'] } } };
    expect(describeEstate(estate)).toEqual([
      { code: 'MQC-SUITE-SCHEMA', pointer: '/hosts/mq1/credential/keyFile', message: 'must be a key file path (~ and $VARIABLES are not expanded), got a string' },
    ]);
  });
});
