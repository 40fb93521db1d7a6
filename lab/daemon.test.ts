import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { labStatus, startLab, type LabHandle } from '../cli/lab-control.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { positionOfEvent, readTruthLog, waitForTruthEvent, type TruthEvent } from './truth-log.ts';

interface EstateHost {
  address: string;
  port: number;
  user: string;
  credential: { keyFile: string };
  hostKey: string;
}

interface ExecResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

const DEMO_TOPOLOGY = join(packageRoot, 'lab', 'topologies', 'demo.yaml');

function readEstateHosts(estateFile: string): Record<string, EstateHost> {
  return (parseYaml(readFileSync(estateFile, 'utf8')) as { hosts: Record<string, EstateHost> }).hosts;
}

function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** One exec over a fresh connection that pins the host key from the estate file. */
function sshExec(host: EstateHost, command: string, auth: { password: string } | { privateKey: string }): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client
      .on('ready', () => {
        client.exec(command, (error, stream) => {
          if (error) return reject(error);
          let stdout = '';
          let stderr = '';
          let code: number | null = null;
          stream.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          stream.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          stream.on('exit', (exitCode: number | null) => (code = exitCode));
          stream.on('close', () => {
            client.end();
            resolve({ stdout, stderr, code });
          });
        });
      })
      .on('error', reject)
      .connect({
        host: host.address,
        port: host.port,
        username: host.user,
        ...auth,
        hostVerifier: (key: Buffer) => fingerprint(key) === host.hostKey,
      });
  });
}

describe('lab daemon over SSH', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'mqchaos-lab-'));
  const env = { ...process.env, MQCHAOS_LAB_PASSWORD: '' };
  let lab: LabHandle;
  let hosts: Record<string, EstateHost>;
  let clientKey: string;

  const on = (name: string): EstateHost => {
    const host = hosts[name];
    if (!host) throw new Error(`estate file has no host ${name}`);
    return host;
  };

  beforeAll(async () => {
    lab = await startLab({ topologyFile: DEMO_TOPOLOGY, stateDir, env });
    hosts = readEstateHosts(lab.estateFile);
    clientKey = readFileSync(on('mq1').credential.keyFile, 'utf8');
  });

  afterAll(async () => {
    await lab?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('lab daemon - dspmq -x on mq1 shows QM1 active on mq1 and standby on mq2', async () => {
    const result = await sshExec(on('mq1'), 'dspmq -x -m QM1', { privateKey: clientKey });
    expect(result).toEqual({
      stdout: `${'QMNAME(QM1)'.padEnd(58)}STATUS(Running)\n    INSTANCE(mq1) MODE(Active)\n    INSTANCE(mq2) MODE(Standby)\n`,
      stderr: '',
      code: 0,
    });
  });

  it('lab daemon - kill -9 of the execution controller found with pgrep makes mq2 active', async () => {
    const found = await sshExec(on('mq1'), "pgrep -f 'amqzxma0 -m QM1'", { privateKey: clientKey });
    expect(found.code).toBe(0);
    const pids = found.stdout.trim().split('\n');
    expect(pids).toHaveLength(1);
    const killed = await sshExec(on('mq1'), `kill -9 ${pids[0]}`, { privateKey: clientKey });
    expect(killed).toEqual({ stdout: '', stderr: '', code: 0 });

    const isMq2Active = (e: TruthEvent): boolean =>
      e.event === 'instance-state' && e.qm === 'QM1' && e.host === 'mq2' && e.to === 'active';
    const { events } = await waitForTruthEvent(lab.truthLogFile, isMq2Active);
    const killEvent = events.find((e) => e.event === 'process-killed' && e.pid === Number(pids[0]));
    expect(killEvent).toMatchObject({ host: 'mq1', signal: 'KILL', command: '/opt/mqm/bin/amqzxma0 -m QM1 -x -u mqm' });
    const order = [
      killEvent,
      events.find((e) => e.event === 'lock-released' && e.host === 'mq1'),
      events.find((e) => e.event === 'lock-acquired' && e.host === 'mq2'),
      events.find(isMq2Active),
    ].map((e) => positionOfEvent(events, e));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const afterwards = await sshExec(on('mq2'), 'dspmq -m QM1', { privateKey: clientKey });
    expect(afterwards.stdout).toBe(`${'QMNAME(QM1)'.padEnd(58)}STATUS(Running)\n`);
  });

  it('lab daemon - every exec is in the truth log with its exit code', () => {
    const commands = readTruthLog(lab.truthLogFile).filter((e) => e.event === 'command');
    expect(commands[0]).toMatchObject({ host: 'mq1', command: 'dspmq -x -m QM1', exitCode: 0 });
  });

  it('lab daemon - an unknown command exits 127 with the sh message', async () => {
    const result = await sshExec(on('nfs1'), 'frobnicate --now', { privateKey: clientKey });
    expect(result).toEqual({ stdout: '', stderr: 'sh: 1: frobnicate: not found\n', code: 127 });
  });

  it('lab daemon - the generated password logs in and a wrong one is refused', async () => {
    const password = readFileSync(join(stateDir, 'ssh-password'), 'utf8').trim();
    await expect(sshExec(on('mq2'), 'hostname', { password })).resolves.toEqual({ stdout: 'mq2\n', stderr: '', code: 0 });
    await expect(sshExec(on('mq2'), 'hostname', { password: `${password}x` })).rejects.toThrow(/authentication/i);
  });

  it('lab daemon - a restart in the same state directory keeps every host key fingerprint', async () => {
    const before = Object.fromEntries(Object.entries(hosts).map(([name, host]) => [name, host.hostKey]));
    await lab.stop();
    expect(labStatus(stateDir)).toBeUndefined();
    lab = await startLab({ topologyFile: DEMO_TOPOLOGY, stateDir, env });
    expect(lab.reused).toBe(false);
    hosts = readEstateHosts(lab.estateFile);
    expect(Object.fromEntries(Object.entries(hosts).map(([name, host]) => [name, host.hostKey]))).toEqual(before);
    const result = await sshExec(on('mq1'), 'hostname', { privateKey: clientKey });
    expect(result.stdout).toBe('mq1\n');
    expect((await startLab({ topologyFile: DEMO_TOPOLOGY, stateDir, env })).reused).toBe(true);
  });
});
