import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMqTestLab, type MqTestLab } from '../lab/mq/mq-test-lab.ts';
import { buildStandInLibrary } from '../lab/native/stand-in-library.ts';
import type { ClientConnectHealthCheck, PutGetHealthCheck } from '../suites/suite-model.ts';
import type { ClientEndpoint } from '../activities/mq/client-endpoint.ts';
import type { HealthCheck } from '../activities/probes/health-check.ts';
import { createMqiHealthCheck } from '../activities/probes/mqi-health-check.ts';
import { MqiProbeProcess, MqiProbeStartError } from '../activities/probes/mqi-probe-process.ts';

/** The MQI health checks in their own probe process, through the unmodified ibmmq package and the lab's stand-in library. */

let libraryDir: string;
let lab: MqTestLab | undefined;
const checks: HealthCheck[] = [];
const cleanups: Array<() => void> = [];

beforeAll(() => {
  const built = buildStandInLibrary();
  if (!built.ok) throw new Error(built.error);
  libraryDir = built.libraryDir;
});

afterEach(async () => {
  await Promise.all(checks.splice(0).map((check) => check.close?.()));
  for (const cleanup of cleanups.splice(0)) cleanup();
  await lab?.stop();
  lab = undefined;
});

afterAll(async () => {
  await lab?.stop();
});

const timing = { intervalMs: 100, timeoutMs: 30_000, attemptTimeoutMs: 5_000 };
const signal = new AbortController().signal;

function endpointOf(connectionNames: string[]): ClientEndpoint {
  return { queueManager: 'QM1', channel: 'DEV.APP.SVRCONN', connectionNames, libraryDir };
}

function started(check: HealthCheck): HealthCheck {
  checks.push(check);
  return check;
}

/** A TCP server that accepts and never answers: an MQI call to it blocks. */
async function silentServer(): Promise<{ address: string; close: () => void }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = (): void => {
    for (const socket of sockets) socket.destroy();
    server.close();
  };
  cleanups.push(close);
  const { port } = server.address() as { port: number };
  return { address: `127.0.0.1(${port})`, close };
}

describe('MQI health checks through the stand-in client library', () => {
  it('client-connect and put-get - healthy on the active instance, 2538 while no instance is active, healthy again on the new active', async () => {
    // A long log replay keeps both listeners closed for a while after the kill.
    lab = await startMqTestLab({ logReplayMs: 2_000, queues: { 'MQCHAOS.HEALTH': { defpsist: 'YES' } } });
    const endpoint = endpointOf(lab.connectionName(['mq1', 'mq2']).split(','));
    const connect = started(createMqiHealthCheck({ ...timing, name: 'connect', kind: 'client-connect' } satisfies ClientConnectHealthCheck, endpoint));
    const putGet = started(createMqiHealthCheck({ ...timing, name: 'put-get', kind: 'put-get', queue: 'MQCHAOS.HEALTH', createQueue: false } satisfies PutGetHealthCheck, endpoint));
    await Promise.all([connect.start?.(signal), putGet.start?.(signal)]);
    expect(await connect.attempt(signal)).toEqual({ ok: true });
    expect(await putGet.attempt(signal)).toEqual({ ok: true });

    const fromMs = Date.now();
    lab.killController('mq1');
    await lab.waitForEvent((e) => e.event === 'mq-listener' && e.host === 'mq1' && !e.listening && e.t >= fromMs);
    expect(await connect.attempt(signal)).toEqual({ ok: false, error: 'MQCONNX failed with completion code 2, reason 2538 MQRC_HOST_NOT_AVAILABLE', reasonCode: 2538 });
    expect(await putGet.attempt(signal)).toMatchObject({ ok: false, reasonCode: 2538 });

    await lab.waitForEvent((e) => e.event === 'mq-listener' && e.host === 'mq2' && e.listening && e.t >= fromMs);
    expect(await connect.attempt(signal)).toEqual({ ok: true });
    expect(await putGet.attempt(signal)).toEqual({ ok: true });
    // Persistent test messages went to the queue and came back: nothing is left on it.
    expect(lab.mq.storeOf('QM1')!.queues.get('MQCHAOS.HEALTH')!.depth).toBe(0);
    expect(lab.events.filter((e) => e.event === 'message-put' && e.queue === 'MQCHAOS.HEALTH').every((e) => e.event === 'message-put' && e.persistent)).toBe(true);
  });

  it('put-get - without the test queue every attempt is MQOPEN 2085, in words', async () => {
    lab = await startMqTestLab();
    const putGet = started(createMqiHealthCheck({ ...timing, name: 'put-get', kind: 'put-get', queue: 'MQCHAOS.HEALTH', createQueue: false }, endpointOf([lab.connectionName(['mq1'])])));
    expect(await putGet.attempt(signal)).toEqual({
      ok: false,
      error: 'MQOPEN failed with completion code 2, reason 2085 MQRC_UNKNOWN_OBJECT_NAME (queue MQCHAOS.HEALTH is not defined)',
      reasonCode: 2085,
    });
  });

  it('an attempt that does not answer in time fails; its process is killed and the next attempt runs in a new one', async () => {
    lab = await startMqTestLab();
    const silent = await silentServer();
    const endpoint = endpointOf([silent.address, lab.connectionName(['mq1'])]);
    const connect = started(createMqiHealthCheck({ ...timing, attemptTimeoutMs: 300, name: 'connect', kind: 'client-connect' }, endpoint));
    expect(await connect.attempt(signal)).toEqual({ ok: false, error: 'no answer within 300 ms' });
    silent.close();
    expect(await connect.attempt(signal)).toEqual({ ok: true });
  });

  it('MqiProbeProcess - an abort during an attempt rejects with its reason and kills the process', async () => {
    const silent = await silentServer();
    const probe = await MqiProbeProcess.start(libraryDir, 30_000, signal);
    cleanups.push(() => probe.kill());
    const abort = new AbortController();
    const attempt = probe.attempt({ kind: 'client-connect', connect: { queueManager: 'QM1', channel: 'DEV.APP.SVRCONN', connectionNames: [silent.address], reconnect: 'disabled' } }, 30_000, abort.signal);
    abort.abort(new Error('cancelled by the test'));
    await expect(attempt).rejects.toThrow('cancelled by the test');
    await probe.whenEnded();
    expect(probe.usable).toBe(false);
  });

  it('MqiProbeProcess - without a client library the probe does not start, and says why', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'mqchaos-no-library-'));
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    const failure = await MqiProbeProcess.start(empty, 30_000, signal).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MqiProbeStartError);
    expect((failure as Error).message).toMatch(/^the MQ client library libmqm_r\.so could not be loaded from .*mqchaos-no-library-/);
  });
});
