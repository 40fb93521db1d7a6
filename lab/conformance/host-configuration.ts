import { MQ_LOG_DIR, QMGRS_DIR, queueManagerDirectory } from '../host-files.ts';
import type { LabEstate } from '../lab-estate.ts';
import type { LabHost } from '../lab-host.ts';
import type { PrerequisiteBreak } from './prerequisite-breaks.ts';

/**
 * What a lab host's configuration commands report: accounts (`id`), the ownership and mode of
 * the queue-manager directories (`stat`), mounts (`findmnt`, `df`), mqs.ini stanzas
 * (`dspmqinf`), the installed MQ (`dspmqver`) and service units (`systemctl`). A conforming
 * host has what IBM's multi-instance set-up asks for; `hosts.<name>.breaks` changes one fact.
 */

export interface Account {
  name: string;
  uid: number;
  /** Primary group. */
  gid: number;
  group: string;
  /** Every group, primary first: [gid, name]. */
  groups: Array<[number, string]>;
}

export interface PathAttributes {
  owner: string;
  group: string;
  uid: number;
  gid: number;
  /** Octal permission bits as `stat -c %a` prints them (2775). */
  mode: string;
  kind: 'directory' | 'regular file';
  onShare: boolean;
}

export interface Mount {
  target: string;
  source: string;
  fstype: string;
  options: string;
}

export interface QueueManagerStanza {
  name: string;
  directory: string;
  prefix: string;
  dataPath: string;
  installationName: string;
}

const MQM_ID = 501;
const BROKEN_ID = 502;
const STAFF_GID = 50;
const FIRST_USER_ID = 1001;
export const INSTALLED_VERSION_BROKEN = '9.3.0.0';
export const MQ_PREFIX = '/var/mqm';

export function breaksOf(estate: LabEstate, host: LabHost): readonly PrerequisiteBreak[] {
  return estate.topology.hosts.find((spec) => spec.name === host.name)?.breaks ?? [];
}

export function lookupAccount(estate: LabEstate, host: LabHost, name: string): Account | undefined {
  const breaks = breaksOf(estate, host);
  const mqmGid = breaks.includes('mqm-gid') ? BROKEN_ID : MQM_ID;
  if (name === 'root') return { name, uid: 0, gid: 0, group: 'root', groups: [[0, 'root']] };
  if (name === 'mqm') {
    const uid = breaks.includes('mqm-uid') ? BROKEN_ID : MQM_ID;
    if (breaks.includes('user-not-in-mqm')) return { name, uid, gid: STAFF_GID, group: 'staff', groups: [[STAFF_GID, 'staff']] };
    return { name, uid, gid: mqmGid, group: 'mqm', groups: [[mqmGid, 'mqm']] };
  }
  if (name === estate.topology.sshUser) {
    const groups: Array<[number, string]> = [[FIRST_USER_ID, name]];
    if (!breaks.includes('user-not-in-mqm')) groups.push([mqmGid, 'mqm']);
    return { name, uid: FIRST_USER_ID, gid: FIRST_USER_ID, group: name, groups };
  }
  return undefined;
}

/** Queue-manager data and log directories of the queue managers with a stanza on this host. */
export function lookupPathAttributes(estate: LabEstate, host: LabHost, path: string): PathAttributes | undefined {
  const clean = path.replace(/\/+$/, '') || '/';
  const breaks = breaksOf(estate, host);
  const onShare = host.nfs !== undefined && !breaks.includes('qmdir-local');
  const mqm = lookupAccount(estate, host, 'mqm')!;
  const mqmGroupGid = breaks.includes('mqm-gid') ? BROKEN_ID : MQM_ID;
  const mqmOwned = (mode: string, shared: boolean): PathAttributes => ({ owner: 'mqm', group: 'mqm', uid: mqm.uid, gid: mqmGroupGid, mode, kind: 'directory', onShare: shared });
  if (clean === '/' || clean === '/var') return { owner: 'root', group: 'root', uid: 0, gid: 0, mode: '755', kind: 'directory', onShare: false };
  if (!host.nfs) return undefined;
  if (clean === MQ_PREFIX) return mqmOwned('2775', false);
  if (clean === QMGRS_DIR || clean === MQ_LOG_DIR) return mqmOwned('2775', onShare);
  for (const qm of estate.queueManagersOn(host.name)) {
    const dir = queueManagerDirectory(qm.name);
    if (clean !== `${QMGRS_DIR}/${dir}` && clean !== `${MQ_LOG_DIR}/${dir}`) continue;
    if (breaks.includes('qmdir-owner')) return { owner: 'root', group: 'root', uid: 0, gid: 0, mode: '2775', kind: 'directory', onShare };
    return mqmOwned(breaks.includes('qmdir-mode') ? '755' : '2775', onShare);
  }
  return undefined;
}

/** The host's mounts: `/` and, on MQ hosts, the share with queue-manager data and logs (options as in the EFS transcripts). */
export function listMounts(estate: LabEstate, host: LabHost): Mount[] {
  const breaks = breaksOf(estate, host);
  const mounts: Mount[] = [{ target: '/', source: '/dev/sda1', fstype: 'ext4', options: 'rw,relatime' }];
  if (!host.nfs || breaks.includes('qmdir-local')) return mounts;
  const server = estate.topology.hosts.find((h) => h.name === estate.topology.nfs.server)?.address ?? '';
  const v3 = breaks.includes('nfs-v3');
  const options = [
    'rw', 'relatime', v3 ? 'vers=3' : 'vers=4.1', 'rsize=1048576', 'wsize=1048576', 'namlen=255',
    breaks.includes('nfs-soft') ? 'soft' : 'hard', 'proto=tcp', 'timeo=600', 'retrans=2', 'sec=sys',
    ...(v3 ? [`mountaddr=${server}`, 'mountvers=3', 'mountport=20048', 'mountproto=udp'] : [`clientaddr=${host.network.address}`]),
    breaks.includes('file-locking') ? 'local_lock=all' : 'local_lock=none', `addr=${server}`,
  ].join(',');
  const fstype = v3 ? 'nfs' : 'nfs4';
  return [
    ...mounts,
    { target: MQ_LOG_DIR, source: `${server}:/export/mqm/log`, fstype, options },
    { target: QMGRS_DIR, source: `${server}:/export/mqm/qmgrs`, fstype, options },
  ];
}

/** The mount a path lives on: the longest mount target that contains it. */
export function mountOf(mounts: readonly Mount[], path: string): Mount {
  const within = (target: string) => target === '/' || path === target || path.startsWith(`${target}/`);
  return [...mounts].filter((m) => within(m.target)).sort((a, b) => b.target.length - a.target.length)[0]!;
}

/** The mqs.ini QueueManager stanza of a queue manager on this host (created with `crtmqm -md /var/mqm/qmgrs`). */
export function lookupStanza(estate: LabEstate, host: LabHost, qmName: string): QueueManagerStanza | undefined {
  const breaks = breaksOf(estate, host);
  const qm = estate.queueManagers.get(qmName);
  if (!qm?.isConfiguredOn(host.name) || breaks.includes('stanza-missing')) return undefined;
  const directory = queueManagerDirectory(qm.name);
  const dataRoot = breaks.includes('stanza-datapath') ? '/var/mqm/qmgrs-local' : QMGRS_DIR;
  return { name: qm.name, directory, prefix: MQ_PREFIX, dataPath: `${dataRoot}/${directory}`, installationName: 'Installation1' };
}

/** V.R.M.F of the installation: the version of the host's queue managers. */
export function installedVersion(estate: LabEstate, host: LabHost): string {
  if (breaksOf(estate, host).includes('mq-version')) return INSTALLED_VERSION_BROKEN;
  return estate.queueManagersOn(host.name)[0]?.version ?? [...estate.queueManagers.values()][0]?.version ?? '9.3.1.0';
}

/** `mq@QM.service` for each queue manager on the host (IBM's systemd template unit [U]): disabled under an HA manager. */
export function unitFileState(estate: LabEstate, host: LabHost, unit: string): 'enabled' | 'disabled' | undefined {
  const match = /^mq@(.+)\.service$/.exec(unit);
  if (!match || !estate.queueManagersOn(host.name).some((qm) => qm.name === match[1])) return undefined;
  return breaksOf(estate, host).includes('autostart') ? 'enabled' : 'disabled';
}
