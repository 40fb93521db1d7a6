import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn } from '../test-estate.ts';
import { filterEvents } from '../truth-log.ts';

const RULE = '-d 10.0.0.5 -p tcp --dport 2049 -m comment --comment mqchaos:run-1 -j DROP';
const HEAL = `sudo -n systemd-run --unit mqchaos-heal-run-1 --on-active 30s --collect iptables -w -D OUTPUT ${RULE}`;

describe('systemd-run and systemctl stop - transient timers of a lab host', () => {
  it('systemd-run - runs the command as root at the deadline, and the truth log says the timer did it', async () => {
    const lab = createTestEstate();
    await runOn(lab, 'mq1', `sudo -n iptables -I OUTPUT ${RULE}`);
    expect(await runOn(lab, 'mq1', HEAL)).toEqual({
      stdout: '',
      stderr: 'Running timer as unit: mqchaos-heal-run-1.timer\nWill run service as unit: mqchaos-heal-run-1.service\n',
      exitCode: 0,
    });
    lab.clock.advanceBy(29_999);
    expect(filterEvents(lab.events, 'rule-removed')).toEqual([]);
    lab.clock.advanceBy(1);
    await Promise.resolve();
    expect((await runOn(lab, 'mq1', 'sudo iptables -S OUTPUT')).stdout).toBe('-P OUTPUT ACCEPT\n');
    expect(filterEvents(lab.events, 'timer-fired')).toEqual([expect.objectContaining({ host: 'mq1', unit: 'mqchaos-heal-run-1.timer' })]);
    expect(filterEvents(lab.events, 'command').filter((e) => e.by !== undefined)).toEqual([
      expect.objectContaining({ host: 'mq1', by: 'mqchaos-heal-run-1.timer', exitCode: 0, command: expect.stringContaining('iptables -w -D OUTPUT') }),
    ]);
  });

  it('systemctl stop - a stopped timer never fires; stopping it again exits 5 not loaded', async () => {
    const lab = createTestEstate();
    await runOn(lab, 'mq1', `sudo -n iptables -I OUTPUT ${RULE}`);
    await runOn(lab, 'mq1', HEAL);
    expect((await runOn(lab, 'mq1', 'sudo -n systemctl stop mqchaos-heal-run-1.timer')).exitCode).toBe(0);
    expect(await runOn(lab, 'mq1', 'sudo -n systemctl stop mqchaos-heal-run-1.timer')).toEqual({
      stdout: '',
      stderr: 'Failed to stop mqchaos-heal-run-1.timer: Unit mqchaos-heal-run-1.timer not loaded.\n',
      exitCode: 5,
    });
    lab.clock.advanceBy(60_000);
    expect(filterEvents(lab.events, 'timer-fired')).toEqual([]);
    expect(filterEvents(lab.events, 'timer-stopped')).toHaveLength(1);
    expect((await runOn(lab, 'mq1', 'sudo iptables -S OUTPUT')).stdout).toContain('mqchaos:run-1');
  });

  it('systemd-run - needs root, and refuses a second unit of the same name', async () => {
    const lab = createTestEstate();
    expect((await runOn(lab, 'mq1', HEAL.replace('sudo -n ', ''))).stderr).toBe('Failed to start transient timer unit: Access denied\n');
    await runOn(lab, 'mq1', HEAL);
    expect(await runOn(lab, 'mq1', HEAL)).toMatchObject({ exitCode: 1, stderr: 'Failed to start transient timer unit: Unit mqchaos-heal-run-1.timer already exists.\n' });
  });
});
