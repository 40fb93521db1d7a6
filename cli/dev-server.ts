import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureTemporalCli } from './temporal-cli.ts';
import { stateDir } from './state-paths.ts';

/**
 * The embedded Temporal dev server (`temporal server start-dev`), with its SQLite file in the
 * state directory so workflow history survives restarts. A server already started from the
 * same state directory is reused rather than fighting over the database file.
 */
export interface DevServer {
  address: string;
  uiAddress: string;
  /** False when this process found the server running and must leave it running. */
  owned: boolean;
  stop(): Promise<void>;
}

export interface ServerMarker {
  pid: number;
  address: string;
  uiAddress: string;
}

const STARTUP_TIMEOUT_MS = 30_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

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
  /** Take 7233/8233 when free (default true); tests pass false to stay out of a user's way. */
  preferDefaultPorts?: boolean;
  log?: (line: string) => void;
}

/** The embedded server already running from this state directory (e.g. `mqchaos server`), if any. */
export function runningDevServer(stateDirectory: string = stateDir()): ServerMarker | undefined {
  const markerFile = join(stateDirectory, 'temporal', 'server.json');
  if (!existsSync(markerFile)) return undefined;
  const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as ServerMarker;
  return isAlive(marker.pid) ? marker : undefined;
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const dir = join(options.stateDirectory ?? stateDir(), 'temporal');
  mkdirSync(dir, { recursive: true });
  const markerFile = join(dir, 'server.json');
  if (existsSync(markerFile)) {
    const marker = runningDevServer(options.stateDirectory ?? stateDir());
    if (marker) {
      await waitUntilServing(marker.address, Date.now() + STARTUP_TIMEOUT_MS, join(dir, 'server.log'));
      return { address: marker.address, uiAddress: marker.uiAddress, owned: false, stop: async () => {} };
    }
    rmSync(markerFile);
  }

  const cli = ensureTemporalCli({ log: options.log });
  const { port, uiPort } = await choosePorts(options.preferDefaultPorts ?? true);
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
    { stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  const address = `127.0.0.1:${port}`;
  const uiAddress = `http://127.0.0.1:${uiPort}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntilServing(address, Date.now() + STARTUP_TIMEOUT_MS, logFile);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  writeFileSync(markerFile, JSON.stringify({ pid: child.pid!, address, uiAddress } satisfies ServerMarker));
  return {
    address,
    uiAddress,
    owned: true,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(forced);
      }
      rmSync(markerFile, { force: true });
    },
  };
}
