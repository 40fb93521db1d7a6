import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn } from '../test-estate.ts';
import { filterEvents } from '../truth-log.ts';

describe('ip link - interfaces of a lab host', () => {
  it('ip link - -o prints one line per interface with the link line after a backslash', async () => {
    const lab = createTestEstate();
    const { stdout } = await runOn(lab, 'mq1', 'ip -o link');
    expect(stdout.split('\n')[1]).toBe(
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000\\    link/ether 52:54:00:00:00:10 brd ff:ff:ff:ff:ff:ff',
    );
  });

  it('ip link - setting eth0 down needs root, cuts NFS and the address; up restores both', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'ip link set eth0 down')).toEqual({ stdout: '', stderr: 'RTNETLINK answers: Operation not permitted\n', exitCode: 2 });
    expect((await runOn(lab, 'mq1', 'hostname -I')).stdout).toBe('10.0.0.11 \n');
    expect((await runOn(lab, 'mq1', 'sudo -n ip link set dev eth0 down')).exitCode).toBe(0);
    expect(lab.estate.host('mq1').nfs?.canReachServer()).toBe(false);
    expect((await runOn(lab, 'mq1', 'hostname -I')).stdout).toBe('\n');
    expect((await runOn(lab, 'mq1', 'ip link show eth0')).stdout).toContain('<BROADCAST,MULTICAST> mtu 1500 qdisc fq_codel state DOWN');
    await runOn(lab, 'mq1', 'sudo -n ip link set eth0 up');
    expect(lab.estate.host('mq1').nfs?.canReachServer()).toBe(true);
    expect(filterEvents(lab.events, 'link-state').map((e) => e.up)).toEqual([false, true]);
  });

  it('ip link - an unknown device is named', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'sudo ip link set eth9 down')).toEqual({ stdout: '', stderr: 'Cannot find device "eth9"\n', exitCode: 1 });
    expect(await runOn(lab, 'mq1', 'ip link show eth9')).toEqual({ stdout: '', stderr: 'Device "eth9" does not exist.\n', exitCode: 1 });
  });
});
