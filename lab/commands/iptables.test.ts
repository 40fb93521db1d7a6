import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby } from '../test-estate.ts';
import { filterEvents } from '../truth-log.ts';

const RULE = '-d 10.0.0.5 -p tcp --dport 2049 -m comment --comment mqchaos:run-1 -j DROP';
const LISTED = '-A OUTPUT -d 10.0.0.5/32 -p tcp -m tcp --dport 2049 -m comment --comment "mqchaos:run-1" -j DROP';

describe('iptables - the filter table of a lab host', () => {
  it('iptables - needs root: without sudo it exits 4, with sudo -n it works', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', `iptables -I OUTPUT ${RULE}`)).toEqual({
      stdout: '',
      stderr: 'iptables v1.8.7 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n\n',
      exitCode: 4,
    });
    expect((await runOn(lab, 'mq1', `sudo -n iptables -w -I OUTPUT ${RULE}`)).exitCode).toBe(0);
  });

  it('iptables - -S lists policies then rules in the real format; -D with the same spec removes exactly that rule', async () => {
    const lab = createTestEstate();
    await runOn(lab, 'mq1', `sudo -n iptables -A OUTPUT -d 10.0.0.99 -j ACCEPT`);
    await runOn(lab, 'mq1', `sudo -n iptables -I OUTPUT ${RULE}`);
    expect((await runOn(lab, 'mq1', 'sudo iptables -S')).stdout).toBe(
      ['-P INPUT ACCEPT', '-P FORWARD ACCEPT', '-P OUTPUT ACCEPT', LISTED, '-A OUTPUT -d 10.0.0.99/32 -j ACCEPT', ''].join('\n'),
    );
    expect((await runOn(lab, 'mq1', `sudo iptables -C OUTPUT ${RULE}`)).exitCode).toBe(0);
    expect((await runOn(lab, 'mq1', `sudo iptables -D OUTPUT ${RULE}`)).exitCode).toBe(0);
    expect(await runOn(lab, 'mq1', `sudo iptables -D OUTPUT ${RULE}`)).toEqual({
      stdout: '',
      stderr: 'iptables: Bad rule (does a matching rule exist in that chain?).\n',
      exitCode: 1,
    });
    expect((await runOn(lab, 'mq1', 'sudo iptables -S OUTPUT')).stdout).toBe('-P OUTPUT ACCEPT\n-A OUTPUT -d 10.0.0.99/32 -j ACCEPT\n');
    expect(filterEvents(lab.events, 'rule-removed')).toEqual([expect.objectContaining({ host: 'mq1', rule: LISTED })]);
  });

  it('iptables - a drop of tcp/2049 to the NFS server cuts the host from NFS; deleting it restores the path', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    await runOn(lab, 'mq1', `sudo iptables -I OUTPUT ${RULE}`);
    expect(lab.estate.host('mq1').nfs?.canReachServer()).toBe(false);
    expect(lab.estate.host('mq2').nfs?.canReachServer()).toBe(true);
    await runOn(lab, 'mq1', `sudo iptables -D OUTPUT ${RULE}`);
    expect(lab.estate.host('mq1').nfs?.canReachServer()).toBe(true);
    expect(filterEvents(lab.events, 'nfs-reachability').map((e) => [e.host, e.reachable])).toEqual([['mq1', false], ['mq1', true]]);
  });

  it('iptables - a rule for another port or address leaves NFS alone', async () => {
    const lab = createTestEstate();
    await runOn(lab, 'mq1', 'sudo iptables -I OUTPUT -d 10.0.0.5 -p tcp --dport 1414 -j DROP');
    await runOn(lab, 'mq1', 'sudo iptables -I OUTPUT -d 10.0.0.6 -p tcp --dport 2049 -j DROP');
    expect(lab.estate.host('mq1').nfs?.canReachServer()).toBe(true);
  });

  it('iptables - bad usage exits 2 with the banner and the help hint', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'sudo iptables -I OUTPUT --dport 2049 -j DROP')).toEqual({
      stdout: '',
      stderr: "iptables v1.8.7 (nf_tables): unknown option \"--dport\"\nTry `iptables -h' or 'iptables --help' for more information.\n",
      exitCode: 2,
    });
  });
});
