import { describe, expect, it } from 'vitest';
import type { MqiModule } from '../mq/mqi-module.ts';
import type { ConnectOptions } from '../mq/mqi-session.ts';
import { TestQueueManager } from '../../test/support/test-mqi.ts';
import { attemptClientConnect, PutGetProbe } from './mqi-probe-attempts.ts';

const connect: ConnectOptions = { queueManager: 'QM1', channel: 'DEV.APP.SVRCONN', connectionNames: ['10.0.0.11(1414)', '10.0.0.12(1414)'], reconnect: 'disabled' };
const soon = (): number => Date.now() + 1_000;

/** A module whose MQCONNX is refused with `rc` while `refusing` says so. */
function refusingConnect(mq: MqiModule, rc: number, refusing: () => boolean): MqiModule {
  return {
    ...mq,
    ConnxSync: (queueManager, cno) => {
      if (refusing()) throw Object.assign(new Error(`CONNX: MQRC ${rc}`), { mqcc: 2, mqrc: rc });
      return mq.ConnxSync(queueManager, cno);
    },
  };
}

describe('MQI health checks - attempts in the probe process', () => {
  it('attemptClientConnect - healthy when MQCONNX is accepted; a refusal gives its reason code in words', () => {
    const qm = new TestQueueManager(['MQCHAOS.HEALTH']);
    expect(attemptClientConnect(qm.module(), connect)).toEqual({ ok: true });
    expect(attemptClientConnect(refusingConnect(qm.module(), 2538, () => true), connect)).toEqual({
      ok: false,
      error: 'MQCONNX failed with completion code 2, reason 2538 MQRC_HOST_NOT_AVAILABLE',
      reasonCode: 2538,
    });
  });

  it('PutGetProbe - a persistent message put and got back by its MsgId leaves the queue as it was', () => {
    const qm = new TestQueueManager(['MQCHAOS.HEALTH']);
    qm.queues.get('MQCHAOS.HEALTH')!.push({ body: Buffer.from('an application message'), msgId: Buffer.alloc(24, 9), correlId: Buffer.alloc(24), persistent: true });
    const probe = new PutGetProbe(qm.module(), connect, 'MQCHAOS.HEALTH');
    expect(probe.attempt(soon())).toEqual({ ok: true });
    expect(probe.attempt(soon())).toEqual({ ok: true });
    expect(qm.queues.get('MQCHAOS.HEALTH')!.map((m) => m.body.toString())).toEqual(['an application message']);
  });

  it('PutGetProbe - a missing test queue is MQOPEN 2085, said in words', () => {
    const qm = new TestQueueManager([]);
    expect(new PutGetProbe(qm.module(), connect, 'MQCHAOS.HEALTH').attempt(soon())).toEqual({
      ok: false,
      error: 'MQOPEN failed with completion code 2, reason 2085 MQRC_UNKNOWN_OBJECT_NAME (queue MQCHAOS.HEALTH is not defined)',
      reasonCode: 2085,
    });
  });

  it('PutGetProbe - a message that did not come back fails the attempt; the next success takes back what earlier attempts left', () => {
    const qm = new TestQueueManager(['MQCHAOS.HEALTH']);
    const probe = new PutGetProbe(qm.module(), connect, 'MQCHAOS.HEALTH');
    qm.script.push({ verb: 'GET', rc: 2033 });
    const lost = probe.attempt(soon());
    expect(lost.ok).toBe(false);
    expect(lost.error).toMatch(/^the message put with MsgId [0-9a-f]{48} did not come back within \d+ ms$/);
    qm.script.push({ verb: 'PUT', rc: 2009, afterEffect: true, breaksConnection: true });
    expect(probe.attempt(soon())).toMatchObject({ ok: false, reasonCode: 2009 });
    expect(qm.queues.get('MQCHAOS.HEALTH')).toHaveLength(2);
    expect(probe.attempt(soon())).toEqual({ ok: true });
    expect(qm.queues.get('MQCHAOS.HEALTH')).toEqual([]);
  });

  it('PutGetProbe - test messages of another probe (another CorrelId) are not taken', () => {
    const qm = new TestQueueManager(['MQCHAOS.HEALTH']);
    const other = new PutGetProbe(qm.module(), connect, 'MQCHAOS.HEALTH');
    qm.script.push({ verb: 'GET', rc: 2033 });
    expect(other.attempt(soon()).ok).toBe(false);
    expect(new PutGetProbe(qm.module(), connect, 'MQCHAOS.HEALTH').attempt(soon())).toEqual({ ok: true });
    expect(qm.queues.get('MQCHAOS.HEALTH')).toHaveLength(1);
  });
});
