import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultContext, FaultEvent } from '../../activities/faults/fault-module.ts';
import { SshPool } from '../../activities/ssh/ssh-pool.ts';
import { startTestSshServer, type ExecReply, type TestSshServer } from './test-ssh-server.ts';
import type { HostSpec } from '../../suites/suite-model.ts';

/**
 * A multi-instance queue manager on scripted SSH hosts, for the fault modules' unit tests:
 * each host is a test SSH server answering the commands the faults send (`dspmq -x`,
 * `ps -ef`, `kill`, `strmqm -x`, `endmqm`, `iptables -S/-I/-D`, `findmnt`, `ip link`, `tail`)
 * from a small model: each instance is active, standby or ended; killing or ending the active
 * promotes the standby; a DROP rule to the NFS server on the active host ends it likewise.
 * `quirks` make a host misbehave the way a fault's verify must notice.
 */

export type InstanceRole = 'active' | 'standby' | 'ended';

export interface FakeHost {
  name: string;
  role: InstanceRole;
  pid: number;
  rules: { server: string; tag: string }[];
  linkUp: boolean;
  /** Transient timer units (`systemd-run --on-active`) not yet fired or stopped: unit → the command it runs. */
  timers: Map<string, string[]>;
  quirks: { ignoresKill?: boolean; iptablesInsertIsLost?: boolean; noSystemd?: boolean };
}

export interface FakeInstanceHosts {
  queueManager: string;
  hosts: HostSpec[];
  ssh: SshPool;
  state(name: string): FakeHost;
  /** Every command each host received, as `host: command`. */
  commands(): string[];
  /** Runs a timer unit's command now, as its deadline would. */
  fireTimer(host: string, unit: string): void;
  /** A fault context on these hosts for run `runId`; its recorded events land in `events`. */
  context(runId?: string): FaultContext & { events: FaultEvent[] };
  stop(): Promise<void>;
}

const PASSWORD_VAR = 'MQCHAOS_FAKE_HOSTS_PASSWORD';
const NFS_SERVER = '10.0.0.5';

/** Splits a command line built by buildCommandLine (single-quoted words) back into argv. */
function splitCommand(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)) words.push(match[1] !== undefined ? match[1].replaceAll(`'\\''`, "'") : match[2]!);
  return words;
}

export async function startFakeInstanceHosts(options: { queueManager?: string; names?: string[] } = {}): Promise<FakeInstanceHosts> {
  const queueManager = options.queueManager ?? 'QM1';
  const names = options.names ?? ['mq1', 'mq2'];
  let nextPid = 2310;
  const model = new Map<string, FakeHost>(
    names.map((name, index) => [name, { name, role: index === 0 ? 'active' : 'standby', pid: nextPid++, rules: [], linkUp: true, timers: new Map(), quirks: {} }]),
  );
  const received: string[] = [];

  const others = (host: FakeHost) => [...model.values()].filter((h) => h !== host);
  const end = (host: FakeHost) => {
    const promoted = host.role === 'active';
    host.role = 'ended';
    const standby = others(host).find((h) => h.role === 'standby');
    if (promoted && standby) standby.role = 'active';
  };
  const status = (host: FakeHost): string => {
    if (host.role === 'active') return 'Running';
    if (host.role === 'standby') return 'Running as standby';
    return others(host).some((h) => h.role === 'active') ? 'Running elsewhere' : 'Ended immediately';
  };

  const answer = (host: FakeHost, argv: string[]): ExecReply => {
    const [program, ...args] = argv[0] === 'sudo' ? argv.slice(2) : argv;
    const line = args.join(' ');
    switch (program) {
      case 'dspmq':
        return { stdout: `QMNAME(${queueManager})${' '.repeat(40)}STATUS(${status(host)})\n` };
      case 'ps': {
        const controller = host.role === 'ended' ? '' : `mqm ${String(host.pid).padStart(11)}       1  0 Nov21 ?        00:00:12 /opt/mqm/bin/amqzxma0 -m ${queueManager} -x -u mqm\n`;
        return { stdout: `UID          PID    PPID  C STIME TTY          TIME CMD\nroot           1       0  0 Nov21 ?        00:00:04 /sbin/init\n${controller}` };
      }
      case 'kill':
        if (host.role !== 'ended' && args[1] === String(host.pid) && !host.quirks.ignoresKill) end(host);
        return {};
      case 'strmqm':
        if (host.role !== 'ended') return { stderr: `AMQ8023E: queue manager '${queueManager}' is already running.\n`, exitCode: 5 };
        host.pid = nextPid++;
        if (others(host).some((h) => h.role === 'active')) {
          host.role = 'standby';
          return { stdout: `A standby instance of queue manager '${queueManager}' has been started.\n`, exitCode: 30 };
        }
        host.role = 'active';
        return { stdout: `IBM MQ queue manager '${queueManager}' started.\n` };
      case 'endmqm': {
        const flags = args[0] ?? '';
        if (host.role === 'ended') return { stderr: `AMQ8146E: queue manager '${queueManager}' is not available.\n`, exitCode: 16 };
        if (flags === '-x' && host.role !== 'standby') return { stderr: 'AMQ7276E: not a standby instance.\n', exitCode: 61 };
        const switchover = flags.endsWith('s');
        if (switchover || flags === '-x') end(host);
        else {
          host.role = 'ended';
          for (const other of others(host)) if (other.role === 'standby') other.role = 'ended';
        }
        return { stdout: `Quiesce request accepted. The queue manager will stop when all outstanding work\nis complete${switchover ? ', permitting switchover to a standby instance' : ''}.\n` };
      }
      case 'findmnt':
        return { stdout: `${NFS_SERVER}:/export/mq\n` };
      case 'iptables': {
        const action = args[1];
        if (action === '-S') {
          const rules = host.rules.map((r) => `-A OUTPUT -d ${r.server}/32 -p tcp -m tcp --dport 2049 -m comment --comment "${r.tag}" -j DROP\n`);
          return { stdout: `-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n${rules.join('')}` };
        }
        const server = args[args.indexOf('-d') + 1]!.replace(/\/32$/, '');
        const tag = args[args.indexOf('--comment') + 1]!;
        if (action === '-I') {
          if (!host.quirks.iptablesInsertIsLost) host.rules.push({ server, tag });
          if (server === NFS_SERVER && !host.quirks.iptablesInsertIsLost && host.role === 'active') end(host);
          return {};
        }
        const index = host.rules.findIndex((r) => r.server === server && r.tag === tag);
        if (index < 0) return { stderr: 'iptables: Bad rule (does a matching rule exist in that chain?).\n', exitCode: 1 };
        host.rules.splice(index, 1);
        return {};
      }
      case 'ip':
        if (args[0] === '-o') return { stdout: `2: ${args[3]}: <BROADCAST,MULTICAST${host.linkUp ? ',UP,LOWER_UP' : ''}> mtu 1500 qdisc mq state ${host.linkUp ? 'UP' : 'DOWN'}\n` };
        host.linkUp = args[3] === 'up';
        if (!host.linkUp && host.role === 'active') end(host);
        return {};
      case 'tail':
        return { stdout: '' };
      case 'systemd-run': {
        if (host.quirks.noSystemd) return { stderr: 'sh: 1: systemd-run: not found\n', exitCode: 127 };
        // systemd-run --unit NAME --on-active SPAN --collect COMMAND...
        const unit = args[args.indexOf('--unit') + 1]!;
        host.timers.set(`${unit}.timer`, args.slice(args.indexOf('--collect') + 1));
        return { stderr: `Running timer as unit: ${unit}.timer\nWill run service as unit: ${unit}.service\n` };
      }
      case 'systemctl': {
        const missing = args.slice(1).filter((unit) => !host.timers.delete(unit));
        return missing.length === 0 ? {} : { stderr: missing.map((u) => `Failed to stop ${u}: Unit ${u} not loaded.\n`).join(''), exitCode: 5 };
      }
      default:
        return { stderr: `${program}: command not found (${line})\n`, exitCode: 127 };
    }
  };

  const servers = new Map<string, TestSshServer>();
  for (const name of names) {
    servers.set(
      name,
      await startTestSshServer({
        user: 'mqm',
        password: 'fake-hosts',
        exec: (command) => {
          received.push(`${name}: ${command}`);
          return answer(model.get(name)!, splitCommand(command));
        },
      }),
    );
  }
  const hosts = names.map((name) => servers.get(name)!.hostSpec({ env: PASSWORD_VAR }, { name }));
  const ssh = new SshPool({ env: { [PASSWORD_VAR]: 'fake-hosts' }, connectTimeoutMs: 10_000 });
  const scratch = await mkdtemp(join(tmpdir(), 'mqchaos-fault-'));
  const scenarioDir = join(scratch, 'scenarios', 'drill');
  return {
    queueManager,
    hosts,
    ssh,
    state: (name) => model.get(name)!,
    commands: () => [...received],
    fireTimer: (name, unit) => {
      const host = model.get(name)!;
      const command = host.timers.get(unit);
      if (!command) throw new Error(`no timer ${unit} on ${name}`);
      host.timers.delete(unit);
      answer(host, command);
    },
    context: (runId = 'run-1') => {
      const events: FaultEvent[] = [];
      const estate = { hosts: Object.fromEntries(hosts.map((h) => [h.name, h])), queueManagers: { [queueManager]: { name: queueManager, instances: hosts.map((h) => h.name) } } };
      return { ssh, queueManager, hosts, scenarioDir, runId, hostHealAfterMs: 180_000, estate, fault: { kind: 'test' }, events, record: async (event) => void events.push(event) };
    },
    stop: async () => {
      await rm(scratch, { recursive: true, force: true });
      await ssh.closeAll();
      for (const server of servers.values()) await server.stop();
    },
  };
}
