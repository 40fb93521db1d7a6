import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LabControlError, labStatus, startLab, stopLab, topologyNameOf } from './lab-control.ts';
import { packageRoot } from './state-paths.ts';

describe('lab control - without a running lab', () => {
  let dir: string | undefined;
  const tempDir = (): string => (dir = mkdtempSync(join(tmpdir(), 'mqchaos-lab-control-')));
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lab control - topologyNameOf reads the name that keys the state directory', () => {
    expect(topologyNameOf(join(packageRoot, 'lab', 'topologies', 'demo.yaml'))).toBe('demo');
  });

  it('lab control - topologyNameOf rejects a file without a usable name', () => {
    const file = join(tempDir(), 'nameless.yaml');
    writeFileSync(file, 'hosts: {}\n');
    expect(() => topologyNameOf(file)).toThrow(LabControlError);
    expect(() => topologyNameOf(file)).toThrow(`${file}: name: must be lower-case letters, digits and -`);
  });

  it('lab control - a daemon that fails to start is reported with the tail of its log', async () => {
    const stateDir = tempDir();
    const topologyFile = join(stateDir, 'broken.yaml');
    writeFileSync(topologyFile, 'name: broken\nsshUser: mqm\nhosts: { mq1: {} }\nnfs: { server: mq1 }\nqueueManagers: {}\n');
    const error = await startLab({ topologyFile, stateDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabControlError);
    expect(error).toMatchObject({ code: 'LAB_START_FAILED' });
    expect((error as LabControlError).daemonLogTail).toMatch(/nfs\.server: must name a host with role nfs-server/);
    expect(labStatus(stateDir)).toBeUndefined();
  });

  it('lab control - stopLab with no lab running answers false and clears a stale lab.json', async () => {
    const stateDir = tempDir();
    writeFileSync(join(stateDir, 'lab.json'), JSON.stringify({ pid: 2 ** 22 + 7, estateFile: 'x', truthLog: 'y', hosts: {} }));
    expect(labStatus(stateDir)).toBeUndefined();
    await expect(stopLab(stateDir)).resolves.toBe(false);
    expect(existsSync(join(stateDir, 'lab.json'))).toBe(false);
  });
});
