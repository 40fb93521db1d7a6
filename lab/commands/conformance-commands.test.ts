import { describe, expect, it } from 'vitest';
import { startMqTestLab } from '../mq/mq-test-lab.ts';
import { createTestEstate, runOn } from '../test-estate.ts';
import { runCommand } from './run-command.ts';

describe('conformance commands - what a lab host reports about its HA prerequisites', () => {
  it('id - mqm has uid and gid 501 on a conforming host; the breaks change exactly that fact', async () => {
    const lab = createTestEstate({ breaks: { mq2: ['mqm-uid'], mq3: ['user-not-in-mqm'] } });
    expect(await runOn(lab, 'mq1', 'id mqm')).toEqual({ stdout: 'uid=501(mqm) gid=501(mqm) groups=501(mqm)\n', stderr: '', exitCode: 0 });
    expect((await runOn(lab, 'mq2', 'id mqm')).stdout).toBe('uid=502(mqm) gid=501(mqm) groups=501(mqm)\n');
    expect((await runOn(lab, 'mq3', 'id mqm')).stdout).toBe('uid=501(mqm) gid=50(staff) groups=50(staff)\n');
    expect(await runOn(lab, 'mq1', 'id nobody2')).toEqual({ stdout: '', stderr: "id: 'nobody2': no such user\n", exitCode: 1 });
  });

  it('stat and findmnt - the queue-manager directories are mqm:mqm 2775 on an NFSv4 hard mount; breaks show root ownership, 755, the local disk, soft and v3', async () => {
    const lab = createTestEstate({ breaks: { mq2: ['qmdir-owner', 'nfs-soft'], mq3: ['qmdir-mode', 'qmdir-local'] }, instances: ['mq1', 'mq2', 'mq3'] });
    const stat = "stat -L -c '%U:%G:%a:%A:%F:%n' /var/mqm/qmgrs/QM1 /var/mqm/log/QM1";
    expect((await runOn(lab, 'mq1', stat)).stdout).toBe('mqm:mqm:2775:drwxrwsr-x:directory:/var/mqm/qmgrs/QM1\nmqm:mqm:2775:drwxrwsr-x:directory:/var/mqm/log/QM1\n');
    expect((await runOn(lab, 'mq2', stat)).stdout).toContain('root:root:2775');
    expect((await runOn(lab, 'mq1', 'stat -c %n /var/mqm/qmgrs/QM9')).stderr).toBe("stat: cannot statx '/var/mqm/qmgrs/QM9': No such file or directory\n");
    const findmnt = 'findmnt -n -o FSTYPE,OPTIONS -T /var/mqm/qmgrs/QM1';
    expect((await runOn(lab, 'mq1', findmnt)).stdout).toMatch(/^nfs4 +rw,relatime,vers=4\.1,.*,hard,.*local_lock=none,addr=10\.0\.0\.5\n$/);
    expect((await runOn(lab, 'mq2', findmnt)).stdout).toContain(',soft,');
    expect((await runOn(lab, 'mq3', findmnt)).stdout).toBe('ext4 rw,relatime\n');
    expect((await runOn(lab, 'mq3', "stat -c '%a' /var/mqm/qmgrs/QM1")).stdout).toBe('755\n');
    expect((await runOn(lab, 'mq1', 'df -T /var/mqm/log/QM1')).stdout).toMatch(/^Filesystem +Type +1K-blocks +Used +Available +Use% +Mounted on\n10\.0\.0\.5:\/export\/mqm\/log +nfs4 +\d+ +\d+ +\d+ +2% \/var\/mqm\/log\n$/);
  });

  it('dspmqinf, dspmqver, systemctl - the stanza as an addmqinf command, the version, the unit state', async () => {
    const lab = createTestEstate({ breaks: { mq2: ['stanza-datapath', 'mq-version', 'autostart'], mq3: ['stanza-missing'] }, instances: ['mq1', 'mq2', 'mq3'] });
    expect((await runOn(lab, 'mq1', 'dspmqinf -o command QM1')).stdout).toBe('addmqinf -s QueueManager -v Name=QM1 -v Directory=QM1 -v Prefix=/var/mqm -v DataPath=/var/mqm/qmgrs/QM1\n');
    expect((await runOn(lab, 'mq1', 'dspmqinf QM1')).stdout).toBe('QueueManager:\n   Name=QM1\n   Directory=QM1\n   Prefix=/var/mqm\n   DataPath=/var/mqm/qmgrs/QM1\n   InstallationName=Installation1\n');
    expect((await runOn(lab, 'mq2', 'dspmqinf -o command QM1')).stdout).toContain('DataPath=/var/mqm/qmgrs-local/QM1');
    expect(await runOn(lab, 'mq3', 'dspmqinf -o command QM1')).toMatchObject({ exitCode: 72, stderr: 'AMQ7048E: The queue manager name is either not valid or not known.\n' });
    expect((await runOn(lab, 'mq1', 'dspmqver')).stdout).toMatch(/^Name: {8}IBM MQ\nVersion: {5}9\.3\.1\.0\n/);
    expect((await runOn(lab, 'mq2', 'dspmqver')).stdout).toContain('Version:     9.3.0.0\n');
    expect(await runOn(lab, 'mq1', 'systemctl is-enabled mq@QM1.service')).toEqual({ stdout: 'disabled\n', stderr: '', exitCode: 1 });
    expect(await runOn(lab, 'mq2', 'systemctl is-enabled mq@QM1.service')).toEqual({ stdout: 'enabled\n', stderr: '', exitCode: 0 });
    expect((await runOn(lab, 'mq1', 'systemctl is-enabled nosuch.service')).stderr).toBe('Failed to get unit file state for nosuch.service: No such file or directory\n');
  });

  it('amqmfsck - the basic test passes on the share and fails where locks are not honoured', async () => {
    const lab = createTestEstate({ breaks: { mq2: ['file-locking'] } });
    expect(await runOn(lab, 'mq1', 'amqmfsck /var/mqm/qmgrs')).toEqual({ stdout: 'The tests on the directory completed successfully.\n', stderr: '', exitCode: 0 });
    const broken = await runOn(lab, 'mq2', 'amqmfsck /var/mqm/qmgrs');
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toMatch(/^AMQ6245E: /);
  });

  it('amqmfsck -w - the second host waits for the lock until the first releases it (Enter); without lock support neither waits', async () => {
    const lab = createTestEstate();
    let enter!: (text: string) => void;
    const first = runOnWithStdin(lab, 'mq1', 'amqmfsck -w /var/mqm/qmgrs', new Promise((resolve) => (enter = resolve)));
    await Promise.resolve();
    const second = runOnWithStdin(lab, 'mq2', 'amqmfsck -w /var/mqm/qmgrs', Promise.resolve('\n'));
    enter('\n');
    expect((await first).stdout).toBe('File lock acquired.\nPress Enter or terminate this process to release the lock.\nFile lock released.\n');
    expect((await second).stdout).toBe('Waiting for the file lock.\nFile lock acquired.\nPress Enter or terminate this process to release the lock.\nFile lock released.\n');
  });

  it('amqmfsck -c - two copies meet and both succeed; a lone copy gives up after 60 s', async () => {
    const lab = createTestEstate();
    const [a, b] = await Promise.all([runOn(lab, 'mq1', 'amqmfsck -c /var/mqm/qmgrs'), runOn(lab, 'mq2', 'amqmfsck -c /var/mqm/qmgrs')]);
    expect(a.stdout).toContain('The tests on the directory completed successfully.');
    expect(b.exitCode).toBe(0);
    const running = runOn(lab, 'mq1', 'amqmfsck -c /var/mqm/qmgrs');
    await new Promise((resolve) => setImmediate(resolve));
    lab.clock.advanceBy(60_000);
    expect(await running).toMatchObject({ exitCode: 1, stderr: 'No second copy of the program was started within 60 seconds.\n' });
  });

  it('ss and DISPLAY LISTENER / LSSTATUS - the active runs one listener on its port; the standby none; the listener-port break opens a second', async () => {
    const lab = await startMqTestLab({}, { breaks: { mq2: ['listener-port'] } });
    try {
      const port = lab.mq.listenerPorts('QM1').mq1!;
      const run = (host: string, line: string, stdin = '') =>
        runCommand(lab.estate, { host, user: 'mqm', commandLine: line, parentPid: lab.estate.host(host).sshdPid, readStdin: () => Promise.resolve(stdin) });
      const ss = (await run('mq1', 'ss -ltn')).stdout.split('\n');
      expect(ss[0]).toMatch(/^State +Recv-Q +Send-Q +Local Address:Port +Peer Address:Port +Process$/);
      expect(ss.filter((line) => line.startsWith('LISTEN')).map((line) => line.split(/\s+/)[3])).toEqual(['0.0.0.0:22', `0.0.0.0:${port}`].sort());
      expect((await run('mq2', 'ss -ltn -H')).stdout).toBe(`LISTEN 0      128            0.0.0.0:22          0.0.0.0:*\n`);
      const mqsc = await run('mq1', 'runmqsc QM1', 'DISPLAY LISTENER(*) PORT CONTROL\nDISPLAY LSSTATUS(*) PORT\n');
      expect(mqsc.stdout).toContain(`AMQ8630I: Display listener information.\n   LISTENER(LISTENER.TCP)                  CONTROL(QMGR)\n   PORT(${port})\n`);
      expect(mqsc.stdout).toContain(`AMQ8631I: Display listener status details.\n   LISTENER(LISTENER.TCP)                  STATUS(RUNNING)\n   PORT(${port})\n`);
      expect(mqsc.stdout).not.toContain('LISTENER(SYSTEM.DEFAULT.LISTENER.TCP)                  STATUS');
      lab.killController('mq1');
      await lab.waitForEvent((e) => e.event === 'mq-listener' && e.host === 'mq2' && lab.mq.listenerOn('QM1', 'mq2')?.listening === true && lab.estate.queueManagers.get('QM1')!.instanceOn('mq2')?.state === 'active');
      const after = await run('mq2', 'runmqsc QM1', 'DISPLAY LSSTATUS(*) PORT\n');
      expect(after.stdout).toMatch(/LISTENER\(LISTENER\.TCP2\) +STATUS\(RUNNING\)/);
      expect((await run('mq2', 'ss -ltn -H')).stdout).toContain('0.0.0.0:1415');
    } finally {
      await lab.stop();
    }
  });
});

function runOnWithStdin(lab: ReturnType<typeof createTestEstate>, host: string, commandLine: string, stdin: Promise<string>) {
  return runCommand(lab.estate, { host, user: 'mqm', commandLine, parentPid: lab.estate.host(host).sshdPid, readStdin: () => stdin });
}
