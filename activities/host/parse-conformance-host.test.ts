import { describe, expect, it } from 'vitest';
import { isHardMount, nfsVersionOf, parseFindmntMount } from './parse-findmnt.ts';
import { parseId } from './parse-id.ts';
import { parseListeningPorts } from './parse-ss.ts';
import { isGroupWritable, parseStatLines } from './parse-stat.ts';
import { parseUnitFileState, startsAtBoot } from './parse-systemctl.ts';

// Fixtures: coreutils id/stat, util-linux findmnt (mount options of the EFS transcript, mq-reference.md §1.4), iproute2 ss and systemctl(1).
describe('host parsers - the facts conformance checks read', () => {
  it('parseId - uid, primary group and every group; an error line is null', () => {
    expect(parseId('uid=501(mqm) gid=501(mqm) groups=501(mqm),1001(mqadmin)\n')).toEqual({
      uid: 501, user: 'mqm', gid: 501, group: 'mqm', groups: [{ gid: 501, name: 'mqm' }, { gid: 1001, name: 'mqadmin' }],
    });
    expect(parseId("id: 'mqm': no such user\n")).toBeNull();
  });

  it('parseStatLines - owner, group, mode, type, name (names may hold colons); group-writable from the mode', () => {
    expect(parseStatLines('mqm:mqm:2775:directory:/var/mqm/qmgrs/QM1\nroot:root:755:directory:/MQHA/a:b\n')).toEqual([
      { owner: 'mqm', group: 'mqm', mode: '2775', type: 'directory', path: '/var/mqm/qmgrs/QM1' },
      { owner: 'root', group: 'root', mode: '755', type: 'directory', path: '/MQHA/a:b' },
    ]);
    expect(isGroupWritable('2775')).toBe(true);
    expect(isGroupWritable('755')).toBe(false);
  });

  it('parseFindmntMount - the mount of a path; hard unless soft; the NFS version from vers=', () => {
    const efs = parseFindmntMount('/MQHA fs-1.efs.us-east-1.amazonaws.com:/ nfs4 rw,relatime,vers=4.1,rsize=1048576,wsize=1048576,namlen=255,hard,noresvport,proto=tcp,timeo=600,retrans=2,sec=sys\n')!;
    expect(efs.target).toBe('/MQHA');
    expect(isHardMount(efs)).toBe(true);
    expect(nfsVersionOf(efs)).toBe('4.1');
    const soft = parseFindmntMount('/var/mqm/qmgrs 10.0.0.5:/export nfs rw,vers=3,soft,proto=tcp\n')!;
    expect([isHardMount(soft), nfsVersionOf(soft)]).toEqual([false, '3']);
    expect(isHardMount(parseFindmntMount('/ /dev/sda1 ext4 rw,relatime')!)).toBeNull();
    expect(parseFindmntMount('')).toBeNull();
  });

  it('parseListeningPorts - LISTEN lines of ss -ltn, IPv4, IPv6 and wildcard forms', () => {
    const ss = [
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess',
      'LISTEN 0      128          0.0.0.0:22         0.0.0.0:*',
      'LISTEN 0      100          0.0.0.0:1414       0.0.0.0:*',
      'LISTEN 0      100             [::]:1414          [::]:*',
      'LISTEN 0      4096               *:9443             *:*',
    ].join('\n');
    expect(parseListeningPorts(ss)).toEqual([22, 1414, 9443]);
  });

  it('parseUnitFileState - enabled starts at boot, disabled and an unknown unit do not', () => {
    expect(parseUnitFileState('enabled\n', '')).toBe('enabled');
    expect(parseUnitFileState('', 'Failed to get unit file state for mq@QM1.service: No such file or directory\n')).toBeNull();
    expect(startsAtBoot('enabled')).toBe(true);
    expect(startsAtBoot('disabled')).toBe(false);
    expect(startsAtBoot('masked')).toBe(false);
  });
});
