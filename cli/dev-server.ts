import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureTemporalCli } from './temporal-cli.ts';
import { isProcessAlive, registerUser, releaseUser, stopProcessGroup, withStateLock } from './state-lock.ts';
import { stateDir } from './state-paths.ts';

/**
 * The embedded Temporal dev server (`temporal server start-dev`), with its SQLite file in the
 * state directory so workflow history survives restarts.
 */
export interface DevServer {
  address: string;
  uiAddress: string;
  /** True when this process started the server (it may still outlive this process if others use it). */
  owned: boolean;
  /** Leaves the server: stops it when no other process uses it. */
  stop(): Promise<void>;
}

export interface ServerMarker {
  pid: number;
  address: string;
  uiAddress: string;
}

const STARTUP_TIMEOUT_MS = 30_000;

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** 7233/8233 when both are free (the addresses people expect) and wanted, otherwise a free pair. */
async function choosePorts(preferDefaults: boolean): Promise<{ port: number; uiPort: number }> {
  if (preferDefaults && (await isPortFree(7233)) && (await isPortFree(8233))) return { port: 7233, uiPort: 8233 };
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freePort();
    if (port + 1000 <= 65535 && (await isPortFree(port + 1000))) return { port, uiPort: port + 1000 };
  }
  throw new Error('no free port pair for the Temporal dev server');
}

async function waitUntilServing(address: string, deadline: number, logFile: string): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
  throw new Error(`Temporal dev server at ${address} did not answer within ${STARTUP_TIMEOUT_MS} ms: ${String(lastError)}\n${tail}`);
}

export interface DevServerOptions {
  stateDirectory?: string;
  /** Take 7233/8233 when free (default true, unless MQCHAOS_DEV_SERVER_DEFAULT_PORTS=no); tests pass false to stay out of a user's way. */
  preferDefaultPorts?: boolean;
  log?: (line: string) => void;
}

/** The embedded server already running from this state directory (e.g. `mqchaos server`), if any. */
export function runningDevServer(stateDirectory: string = stateDir()): ServerMarker | undefined {
  const markerFile = join(stateDirectory, 'temporal', 'server.json');
  if (!existsSync(markerFile)) return undefined;
  let marker: ServerMarker;
  try {
    marker = JSON.parse(readFileSync(markerFile, 'utf8')) as ServerMarker;
  } catch {
    return undefined;
  }
  return Number.isInteger(marker.pid) && isProcessAlive(marker.pid) ? marker : undefined;
}

/**
 * Starts the embedded server, or joins the one already serving from this state directory.
 * Start-up happens under a lock on the state directory, so two CLIs started together never
 * start two servers on one database. Every process using the server registers itself;
 * `stop()` unregisters, and the last one out stops the server (a run that joined a server
 * keeps it alive for as long as it needs it, whoever started it).
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const dir = join(options.stateDirectory ?? stateDir(), 'temporal');
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'start.lock');
  const usersDir = join(dir, 'users');
  const { marker, owned } = await withStateLock(lockFile, async () => {
    const running = runningDevServer(options.stateDirectory ?? stateDir());
    if (running) {
      await waitUntilServing(running.address, Date.now() + STARTUP_TIMEOUT_MS, join(dir, 'server.log'));
      registerUser(usersDir);
      return { marker: running, owned: false };
    }
    rmSync(join(dir, 'server.json'), { force: true });
    const started = await spawnDevServer(dir, options);
    registerUser(usersDir);
    return { marker: started, owned: true };
  });
  let released = false;
  return {
    address: marker.address,
    uiAddress: marker.uiAddress,
    owned,
    stop: async () => {
      if (released) return;
      released = true;
      await withStateLock(lockFile, async () => {
        if (!releaseUser(usersDir)) return;
        await stopProcessGroup(marker.pid);
        rmSync(join(dir, 'server.json'), { force: true });
      });
    },
  };
}

/** Spawns the server in a session of its own (a terminal's Ctrl-C is for the CLI alone) and writes its marker once it serves. */
async function spawnDevServer(dir: string, options: DevServerOptions): Promise<ServerMarker> {
  const cli = ensureTemporalCli({ log: options.log });
  const { port, uiPort } = await choosePorts(options.preferDefaultPorts ?? process.env.MQCHAOS_DEV_SERVER_DEFAULT_PORTS !== 'no');
  const logFile = join(dir, 'server.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(
    cli,
    [
      'server', 'start-dev',
      '--ip', '127.0.0.1',
      '--port', String(port),
      '--ui-port', String(uiPort),
      '--db-filename', join(dir, 'dev.db'),
      '--namespace', 'default',
      '--log-level', 'warn',
    ],
    { stdio: ['ignore', logFd, logFd], detached: true },
  );
  closeSync(logFd);
  child.unref();
  const address = `127.0.0.1:${port}`;
  const uiAddress = `http://127.0.0.1:${uiPort}`;
  try {
    await waitUntilServing(address, Date.now() + STARTUP_TIMEOUT_MS, logFile);
  } catch (err) {
    await stopProcessGroup(child.pid!, 2_000);
    throw err;
  }
  const marker: ServerMarker = { pid: child.pid!, address, uiAddress };
  writeFileSync(join(dir, 'server.json'), JSON.stringify(marker));
  return marker;
}
