import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from './clock.ts';
import { renderEstateYaml, writeEstateFile } from './estate-file.ts';
import { LabCluster } from './cluster/lab-cluster.ts';
import { LabEstate } from './lab-estate.ts';
import { locateLabStateFiles, type LabInfo } from './lab-state-files.ts';
import { LabMqService } from './mq/lab-mq-service.ts';
import { buildStandInLibrary } from './native/stand-in-library.ts';
import { startHostSshServer, type HostSshServer } from './ssh/host-ssh-server.ts';
import { ensureKeyPair, ensureLabPassword, fingerprintHostKey } from './ssh/lab-credentials.ts';
import { loadTopology } from './topology.ts';
import { createTruthLogFile } from './truth-log-writer.ts';

/**
 * The lab daemon: `node --import tsx lab/daemon.ts --topology <file> --state-dir <dir>`.
 * Starts the model and one SSH endpoint per host, starts the queue managers as an
 * administrator would (active first, then the standby), writes estate.yaml and, last,
 * lab.json as the ready marker. SIGTERM or SIGINT stops it cleanly.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { topology: { type: 'string' }, 'state-dir': { type: 'string' } } });
  if (!values.topology || !values['state-dir']) {
    throw new Error('usage: lab/daemon.ts --topology <file> --state-dir <dir>');
  }
  const topology = loadTopology(values.topology);
  const stateDir = resolve(values['state-dir']);
  const files = locateLabStateFiles(stateDir);
  mkdirSync(stateDir, { recursive: true });
  rmSync(files.labJson, { force: true });

  const estate = new LabEstate(topology, systemClock);
  estate.onEvent(createTruthLogFile(files.truthLog));
  estate.emit({
    event: 'lab-started',
    topology: topology.name,
    hosts: topology.hosts.map((h) => h.name),
    queueManagers: topology.queueManagers.map((q) => q.name),
  });

  const password = ensureLabPassword(files.password);
  const clientKey = ensureKeyPair(files.clientKey, `mqchaos-lab-${topology.name}-client`);
  const servers: HostSshServer[] = [];
  const endpoints = [];
  for (const host of topology.hosts) {
    const hostKey = ensureKeyPair(files.hostKey(host.name), `${host.name}-host-key`);
    const server = await startHostSshServer({
      estate,
      host: host.name,
      port: host.sshPort,
      hostKey: hostKey.privateKey,
      user: topology.sshUser,
      password,
      clientKey: clientKey.parsed,
    });
    servers.push(server);
    endpoints.push({ name: host.name, port: server.port, hostKey: fingerprintHostKey(hostKey.parsed) });
  }
  const mq = new LabMqService(estate);
  for (const cluster of topology.clusters) new LabCluster(estate, mq, cluster);
  await mq.start();
  const library = buildStandInLibrary();
  if (!library.ok) console.error(`the stand-in MQ client library could not be built; MQ clients cannot connect:\n${library.error}`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await Promise.all(servers.map((s) => s.close()));
    await mq.stop();
    estate.emit({ event: 'lab-stopped' });
    estate.stop();
    rmSync(files.labJson, { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  await estate.startConfiguredInstances();

  const mqClients = {
    queueManagers: Object.fromEntries(topology.queueManagers.map((qm) => [qm.name, { channel: qm.mq.channel, listeners: mq.listenerPorts(qm.name) }])),
    ...(library.ok ? { libraryDir: library.libraryDir } : {}),
  };
  writeEstateFile(files.estateFile, renderEstateYaml(topology, endpoints, clientKey.privateKeyFile, mqClients));
  const info: LabInfo = {
    pid: process.pid,
    topology: topology.file,
    startedAt: new Date().toISOString(),
    estateFile: files.estateFile,
    truthLog: files.truthLog,
    hosts: Object.fromEntries(endpoints.map((e) => [e.name, { sshPort: e.port }])),
  };
  // Written whole under another name first, so a reader never sees half a lab.json.
  writeFileSync(`${files.labJson}.tmp`, `${JSON.stringify(info, null, 2)}\n`);
  renameSync(`${files.labJson}.tmp`, files.labJson);
  console.log(`lab ${topology.name} ready: ${endpoints.map((e) => `${e.name}=127.0.0.1:${e.port}`).join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
