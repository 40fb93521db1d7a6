import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type LabHandle } from '../../cli/lab-control.ts';
import { packageRoot } from '../../cli/state-paths.ts';
import { loadEstateFile } from '../../suites/estate-file.ts';
import type { EstateSpec } from '../../suites/suite-model.ts';
import { waitForTruthEvent } from '../truth-log.ts';
import { MQC } from './mq-constants.ts';
import { MqiTestClient } from './mqi-test-client.ts';

const DEMO_TOPOLOGY = join(packageRoot, 'lab', 'topologies', 'demo.yaml');

describe('lab daemon MQ clients', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'mqchaos-lab-mq-'));
  let lab: LabHandle;
  let estate: EstateSpec;

  beforeAll(async () => {
    lab = await startLab({ topologyFile: DEMO_TOPOLOGY, stateDir, env: { ...process.env, MQCHAOS_LAB_PASSWORD: '' } });
    const loaded = await loadEstateFile(lab.estateFile);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    estate = loaded.estate;
  });

  afterAll(async () => {
    await lab?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('lab daemon MQ clients - the estate file passes the estate schema and names channel, listener ports and the client library', () => {
    const qm = estate.queueManagers.QM1;
    expect(qm?.channel).toBe('DEV.APP.SVRCONN');
    expect(Object.keys(qm?.listeners ?? {})).toEqual(['mq1', 'mq2']);
    expect(estate.mqClient?.libraryDir).toBe(join(packageRoot, 'lab', 'native', 'build'));
  });

  it('lab daemon MQ clients - a client using only the estate file puts and gets, and truth.jsonl records the message', async () => {
    const qm = estate.queueManagers.QM1;
    const connectionName = (qm?.instances ?? []).map((host) => `${estate.hosts[host]?.address}(${qm?.listeners?.[host]})`).join(',');
    const client = new MqiTestClient();
    try {
      await client.ok({ op: 'connect', connectionName, channel: qm?.channel });
      const { handle } = await client.ok({ op: 'open', name: 'DEV.QUEUE.1', options: MQC.MQOO_OUTPUT | MQC.MQOO_INPUT_AS_Q_DEF });
      const put = await client.ok({ op: 'put', handle, body: 'through the daemon', persistence: MQC.MQPER_PERSISTENT });
      expect(await client.ok({ op: 'get', handle })).toMatchObject({ body: 'through the daemon', msgId: put.msgId });
      await waitForTruthEvent(lab.truthLogFile, (e) => e.event === 'message-delivered' && e.msgId === put.msgId);
    } finally {
      await client.stop();
    }
  });
});
