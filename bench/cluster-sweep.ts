/**
 * How fast the harness can watch a large cluster. Prints figures; not a timed test.
 *   node --import tsx bench/cluster-sweep.ts [members] [sustain-seconds]
 *
 * Builds an N-member cluster (default 500) in the lab daemon, as its own process: every
 * member a single-instance queue manager on its own host with its own SSH endpoint; QM001
 * and QM002 the full repositories; APP.Q with instances on QM003-QM006. Every member starts
 * its CLUSSDRs to QM003 and QM004 (RUNNING) and, on every fifth member, to QM006, which is
 * stopped (RETRYING); so CHSTATUS answers have two or three records, as a member sending to a
 * few destinations would. Then the harness side — its SSH pool (one connection per host),
 * runmqsc over SSH and the pure parsers, exactly as a cluster observation samples — takes
 * every member's transmit-queue depth and channel statuses once (a sweep), and sweeps back to
 * back for the sustain time (bounded also by a sweep count).
 * Prints: lab memory (the daemon's RSS), setup times, the first sweep (connections already
 * open), the sustained sweep rate and the sweep time distribution.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runMqsc } from '../activities/mq/run-mqsc.ts';
import { sweepClusterMembers } from '../activities/probes/sample-cluster-member.ts';
import type { ClusterMemberSample } from '../checkers/cluster-samples.ts';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import { startLab } from '../cli/lab-control.ts';
import { loadEstateFile } from '../suites/estate-file.ts';

const members = Number(process.argv[2] ?? 500);
const sustainSeconds = Number(process.argv[3] ?? 20);
const MAX_SWEEPS = 200;
const COMMAND_TIMEOUT_MS = 60_000;

const qmName = (i: number): string => `QM${String(i).padStart(3, '0')}`;
const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-bench-cluster-'));
const topologyFile = join(scratch, 'cluster-sweep.yaml');
writeFileSync(topologyFile, stringify(topology(members)));

const started = performance.now();
const lab = await startLab({ topologyFile, stateDir: join(scratch, 'state'), readyTimeoutMs: 600_000 });
const labSeconds = (performance.now() - started) / 1000;
const pool = new SshPool();
try {
  const loaded = await loadEstateFile(lab.estateFile);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  const { estate } = loaded;
  const all = Object.values(estate.queueManagers).map((qm) => ({ queueManager: qm.name, host: estate.hosts[qm.instances[0]!]! }));
  console.log(`${members} cluster members, ${new Date().toISOString()}, ${process.platform} ${process.arch}, node ${process.version}`);
  console.log(`lab ready (daemon started, ${members} SSH endpoints, queue managers running): ${labSeconds.toFixed(1)} s`);

  const options = { timeoutMs: COMMAND_TIMEOUT_MS };
  let t = performance.now();
  await runOn(pool, all.find((m) => m.queueManager === qmName(6))!, ['endmqm', '-i', qmName(6)]);
  await Promise.all(
    all.map((m, i) => {
      const commands = [`START CHANNEL(BENCH.${qmName(3)})`, `START CHANNEL(BENCH.${qmName(4)})`];
      if (i % 5 === 0 && m.queueManager !== qmName(6)) commands.push(`START CHANNEL(BENCH.${qmName(6)})`);
      return m.queueManager === qmName(6) ? undefined : runMqsc(pool, m.host, m.queueManager, commands, options);
    }),
  );
  console.log(`setup (first SSH connection to every host, START CHANNEL on every member): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await settle(pool, all, options);

  t = performance.now();
  const first = await sweepClusterMembers(pool, all, options);
  const firstMs = performance.now() - t;
  console.log(`first sweep (connections open): ${firstMs.toFixed(0)} ms — ${describe(first)}`);

  const sweepMs: number[] = [];
  const until = performance.now() + sustainSeconds * 1000;
  const sustainStart = performance.now();
  while (performance.now() < until && sweepMs.length < MAX_SWEEPS) {
    const s = performance.now();
    const samples = await sweepClusterMembers(pool, all, options);
    sweepMs.push(performance.now() - s);
    if (samples.length !== all.length) throw new Error('a sweep lost members');
  }
  const sustainedSeconds = (performance.now() - sustainStart) / 1000;
  sweepMs.sort((a, b) => a - b);
  const pick = (q: number): number => sweepMs[Math.min(sweepMs.length - 1, Math.floor(q * sweepMs.length))]!;
  console.log(`sustained: ${sweepMs.length} sweeps in ${sustainedSeconds.toFixed(1)} s = ${(sweepMs.length / sustainedSeconds).toFixed(2)} sweeps/s (${((sweepMs.length * members) / sustainedSeconds).toFixed(0)} member samples/s)`);
  console.log(`sweep time: median ${pick(0.5).toFixed(0)} ms, p95 ${pick(0.95).toFixed(0)} ms, max ${sweepMs.at(-1)!.toFixed(0)} ms (goal: a full sweep <= 1000 ms)`);
  console.log(`lab daemon memory: RSS ${rssMiB(lab.pid)} MiB; harness (this process) RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
} finally {
  await pool.closeAll();
  await lab.stop();
  rmSync(scratch, { recursive: true, force: true });
}

function topology(count: number): Record<string, unknown> {
  const hosts: Record<string, unknown> = { nfs1: { role: 'nfs-server', address: '10.0.0.5' } };
  const queueManagers: Record<string, unknown> = {};
  for (let i = 1; i <= count; i++) {
    hosts[`m${i}`] = { address: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}` };
    queueManagers[qmName(i)] = { instances: [`m${i}`], logReplayMs: 50, shutdownMs: 50 };
  }
  return {
    name: 'cluster-sweep',
    sshUser: 'mqm',
    messageTruth: false,
    hosts,
    nfs: { server: 'nfs1', leaseSeconds: 90 },
    queueManagers,
    clusters: {
      BENCH: {
        repositories: [qmName(1), qmName(2)],
        channels: { shortRetry: 10, shortTimerMs: 5000, heartbeatMs: 5000, discIntMs: 3_600_000 },
        queues: { 'APP.Q': { instances: [qmName(3), qmName(4), qmName(5), qmName(6)] } },
      },
    },
  };
}

async function runOn(ssh: SshPool, member: { host: Parameters<SshPool['run']>[0] }, argv: string[]): Promise<void> {
  const result = await ssh.run(member.host, argv, { timeoutMs: COMMAND_TIMEOUT_MS });
  if (result.exitCode !== 0) throw new Error(`${argv.join(' ')}: exit ${result.exitCode}: ${result.stdout}${result.stderr}`);
}

/** Waits (bounded) until the started channels have left STARTING/BINDING, so sweeps see a steady cluster. */
async function settle(ssh: SshPool, all: { queueManager: string; host: Parameters<SshPool['run']>[0] }[], options: { timeoutMs: number }): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const samples = await sweepClusterMembers(ssh, all, options);
    const moving = samples.some((s) => s.ok && s.channels.some((c) => c.status === 'STARTING' || c.status === 'BINDING'));
    if (!moving) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function describe(samples: ClusterMemberSample[]): string {
  const answered = samples.filter((s): s is Extract<ClusterMemberSample, { ok: true }> => s.ok);
  const statuses = new Map<string, number>();
  for (const s of answered) for (const c of s.channels) statuses.set(c.status, (statuses.get(c.status) ?? 0) + 1);
  const channels = [...statuses].map(([status, n]) => `${n} ${status}`).join(', ');
  return `${answered.length} members answered, ${samples.length - answered.length} not running; channels: ${channels}`;
}

function rssMiB(pid: number): string {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return (kb / 1024).toFixed(0);
}
