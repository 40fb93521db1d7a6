import { describe, expect, it } from 'vitest';
import { compileHealthChecks } from './health-compile.ts';

describe('compileHealthChecks - defaults applied, durations in milliseconds', () => {
  it('compileHealthChecks - putGet uses MQCHAOS.HEALTH and creates nothing unless told; clientConnect keeps its channel', () => {
    expect(compileHealthChecks([{ name: 'put-get', putGet: {} }, { name: 'connect', clientConnect: { channel: 'APP.SVRCONN' }, intervalMs: 100, timeoutSeconds: 1.5 }])).toEqual([
      { name: 'put-get', kind: 'put-get', queue: 'MQCHAOS.HEALTH', createQueue: false, intervalMs: 250, timeoutMs: 120_000, attemptTimeoutMs: 10_000 },
      { name: 'connect', kind: 'client-connect', channel: 'APP.SVRCONN', intervalMs: 100, timeoutMs: 1_500, attemptTimeoutMs: 10_000 },
    ]);
  });

  it('compileHealthChecks - a command keeps its program and arguments', () => {
    const [check] = compileHealthChecks([{ name: 'ping', command: { host: 'app1', run: ['ftePingAgent', 'AGENT1'], expect: 'BFGCL0213I' } }]);
    expect(check).toMatchObject({ kind: 'command', host: 'app1', argv: ['ftePingAgent', 'AGENT1'], expect: 'BFGCL0213I' });
  });
});
