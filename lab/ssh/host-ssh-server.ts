import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ParsedKey, ServerChannel } from 'ssh2';
import type { CommandResult } from '../commands/command-types.ts';
import { runCommand } from '../commands/run-command.ts';
import type { LabEstate } from '../lab-estate.ts';

export interface HostSshOptions {
  estate: LabEstate;
  host: string;
  /** 0 = any free port. Always on 127.0.0.1. */
  port: number;
  hostKey: string;
  user: string;
  password: string;
  clientKey: ParsedKey;
}

export interface HostSshServer {
  port: number;
  close(): Promise<void>;
}

/**
 * One lab host's sshd: password or public-key authentication for the topology's user,
 * exec requests only (no shell, pty or subsystem); a command may read its standard input
 * up to end of file. Each connection shows in the host's process table as
 * `sshd: user@notty`, parent of the commands it runs.
 */
export async function startHostSshServer(options: HostSshOptions): Promise<HostSshServer> {
  const connections = new Set<Connection>();
  const server = new ssh2.Server({ hostKeys: [options.hostKey] }, (client) => {
    connections.add(client);
    // Commands are small request/answer exchanges: Nagle plus delayed ACKs would add ~40 ms to each.
    (client as unknown as { setNoDelay(noDelay: boolean): void }).setNoDelay(true);
    handleConnection(client, options);
    client.on('close', () => connections.delete(client));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of connections) client.end();
        server.close(() => resolve());
      }),
  };
}

function handleConnection(client: Connection, options: HostSshOptions): void {
  const host = options.estate.host(options.host);
  let sessionPid: number | undefined;
  client.on('error', () => undefined);
  client.on('authentication', (context) => {
    if (isAuthentic(context, options)) context.accept();
    else context.reject(['password', 'publickey']);
  });
  client.on('ready', () => {
    sessionPid = host.processes.spawn({ user: options.user, ppid: host.sshdPid, command: `sshd: ${options.user}@notty` }).pid;
    client.on('session', (acceptSession) => {
      const session = acceptSession();
      session.on('pty', (_accept, reject) => reject?.());
      session.on('shell', (_accept, reject) => reject?.());
      session.on('subsystem', (_accept, reject) => reject?.());
      session.on('env', (accept) => accept?.());
      session.on('exec', (accept, _reject, info) => {
        const stream = accept();
        const stdin = collectStdin(stream);
        const request = { host: options.host, user: options.user, commandLine: info.command, parentPid: sessionPid ?? host.sshdPid, readStdin: () => stdin };
        const reply = (result: CommandResult): void => {
          if (stream.destroyed) return;
          if (result.stdout) stream.write(result.stdout);
          if (result.stderr) stream.stderr.write(result.stderr);
          stream.exit(result.exitCode);
          stream.end();
        };
        runCommand(options.estate, request).then(reply, (error: unknown) =>
          reply({ stdout: '', stderr: `sh: 1: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1 }),
        );
      });
    });
  });
  client.on('close', () => {
    if (sessionPid !== undefined) host.processes.exit(sessionPid);
  });
}

/** Everything the client writes to the command's standard input, once it sends end of file (or the channel closes). */
function collectStdin(stream: ServerChannel): Promise<string> {
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    const done = (): void => resolve(Buffer.concat(chunks).toString('utf8'));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', done);
    stream.once('close', done);
  });
}

function isAuthentic(context: AuthContext, options: HostSshOptions): boolean {
  if (context.username !== options.user) return false;
  if (context.method === 'password') return equalsInConstantTime(context.password, options.password);
  if (context.method !== 'publickey') return false;
  const expected = options.clientKey;
  if (context.key.algo !== expected.type || !context.key.data.equals(expected.getPublicSSH())) return false;
  // Without a signature the client only asks whether this key would be accepted.
  if (!context.signature || !context.blob) return true;
  return expected.verify(context.blob, context.signature, context.hashAlgo) === true;
}

function equalsInConstantTime(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
