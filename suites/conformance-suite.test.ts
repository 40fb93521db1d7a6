import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../cli/state-paths.ts';
import { loadSuite } from './load-suite.ts';

describe('conformance suites - loading', () => {
  it('loadSuite - the lab conformance suite has no scenarios and its settings over the defaults', async () => {
    const loaded = await loadSuite(join(packageRoot, 'suites/lab/conformance.yaml'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.suite.scenarios).toEqual([]);
    expect(loaded.suite.conformance).toMatchObject({
      mqUser: 'mqm',
      healthQueue: 'MQCHAOS.HEALTH',
      sharedDirectory: '/var/mqm/qmgrs',
      autoStart: { systemdUnit: 'mq@{qm}.service' },
      clusters: [],
      applications: [{ name: 'orders-app', queueManager: 'QM1', connectionName: 'mq1,mq2', reconnect: 'reconnect' }],
    });
  });

  it('loadSuite - an application of a queue manager the estate does not declare is bad input at its line', async () => {
    const loaded = await loadSuite(join(packageRoot, 'suites/fixtures/invalid/conformance-unknown-qmgr.yaml'));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors).toEqual([
      expect.objectContaining({ code: 'MQC-SUITE-UNDECLARED-QMGR', line: 7, pointer: '/conformance/applications/0/queueManager', message: expect.stringContaining('names queue manager "QM9"') }),
    ]);
  });
});

describe('conformance suites - expectations of a check', () => {
  it('loadSuite - conformance.expect replaces a check default, with its source line', async () => {
    const loaded = await loadSuite(join(packageRoot, 'test/suites/conformance-two-listeners.yaml'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(Object.keys(loaded.suite.conformance!.expect)).toEqual(['listener']);
    expect(loaded.suite.conformance!.expect.listener!.schema).toMatchObject({ properties: { runningListenerPorts: { maxItems: 2 } } });
    expect(loaded.suite.conformance!.expect.listener!.source).toMatch(/conformance-two-listeners\.yaml:8$/);
  });

  it('loadSuite - a conformance expectation may only constrain the facts its check reads', async () => {
    const loaded = await loadSuite(join(packageRoot, 'suites/fixtures/invalid/conformance-unknown-fact.yaml'));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]).toMatchObject({ line: 8, pointer: '/conformance/expect/listener/properties/runningListenerPortz' });
    expect(`${loaded.errors[0]!.message} ${loaded.errors[0]!.hint ?? ''}`).toContain('runningListenerPorts');
  });
});
