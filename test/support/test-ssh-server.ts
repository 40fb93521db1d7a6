import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ServerChannel } from 'ssh2';
import type { CredentialRef, HostSpec } from '../../suites/suite-model.ts';
import { fingerprintHostKey } from '../../activities/ssh/host-key.ts';
import { generateEd25519KeyPair } from './ed25519-keys.ts';

/**
 * A scripted SSH server on loopback for the SSH control tests: it authenticates like
 * sshd (password or public key), counts connections, and answers each exec through a
 * handler instead of running anything.
 */

export interface ExecReply {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  /** Ends the command by this signal (e.g. 'KILL') instead of an exit code. */
  exitSignal?: string;
}

/** Returns the reply, or a promise that never settles to keep the command running; `stdin` resolves at the client's end of file. */
export type ExecHandler = (command: string, stdin: () => Promise<string>) => ExecReply | Promise<ExecReply>;

export interface TestSshServerOptions {
  user: string;
  password?: string;
  /** OpenSSH public key line accepted for publickey authentication. */
  authorizedKey?: string;
  exec: ExecHandler;
}

export interface TestSshServer {
  port: number;
  /** Fingerprint of the server's host key, as pinned in a HostSpec. */
  hostKey: string;
  /** Connections accepted so far, authenticated or not. */
  connectionCount(): number;
  /** Commands received so far, in order. */
  commands(): string[];
  hostSpec(credential: CredentialRef, overrides?: Partial<HostSpec>): HostSpec;
  /** Ends every client connection from the server side. */
  dropConnections(): void;
  stop(): Promise<void>;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function publicKeyOf(openSshLine: string): ssh2.ParsedKey {
  const parsed = ssh2.utils.parseKey(openSshLine);
  if (parsed instanceof Error || Array.isArray(parsed)) throw new Error(`unusable test public key: ${openSshLine}`);
  return parsed;
}

function authenticate(ctx: AuthContext, options: TestSshServerOptions, authorized: ssh2.ParsedKey | undefined): void {
  if (ctx.username !== options.user) return ctx.reject();
  if (ctx.method === 'password' && options.password !== undefined) {
    return ctx.password === options.password ? ctx.accept() : ctx.reject();
  }
  if (ctx.method === 'publickey' && authorized) {
    const offered = ctx.key;
    if (offered.algo !== authorized.type || !sameBytes(offered.data, authorized.getPublicSSH())) return ctx.reject();
    // Without a signature the client only asks whether the key would be accepted.
    if (!ctx.signature) return ctx.accept();
    return authorized.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true ? ctx.accept() : ctx.reject();
  }
  ctx.reject(['password', 'publickey']);
}

async function answer(stream: ServerChannel, command: string, handler: ExecHandler): Promise<void> {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const stdin = new Promise<string>((resolve) => stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8'))));
  const reply = await handler(command, () => stdin);
  if (reply.stdout) stream.write(reply.stdout);
  if (reply.stderr) stream.stderr.write(reply.stderr);
  if (reply.exitSignal) stream.exit(reply.exitSignal, false, '');
  else stream.exit(reply.exitCode ?? 0);
  stream.end();
}

export async function startTestSshServer(options: TestSshServerOptions): Promise<TestSshServer> {
  const hostKeys = generateEd25519KeyPair();
  const authorized = options.authorizedKey === undefined ? undefined : publicKeyOf(options.authorizedKey);
  const connections = new Set<Connection>();
  const received: string[] = [];
  let accepted = 0;

  const server = new ssh2.Server({ hostKeys: [hostKeys.private] }, (client) => {
    accepted += 1;
    connections.add(client);
    client.on('error', () => {});
    client.on('close', () => connections.delete(client));
    client.on('authentication', (ctx) => authenticate(ctx, options, authorized));
    client.on('session', (acceptSession) => {
      acceptSession().on('exec', (acceptExec, _reject, info) => {
        received.push(info.command);
        const stream = acceptExec();
        answer(stream, info.command, options.exec).catch((err: Error) => {
          stream.stderr.write(`test server handler failed: ${err.message}\n`);
          stream.exit(255);
          stream.end();
        });
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const hostKey = fingerprintHostKey(publicKeyOf(hostKeys.public).getPublicSSH());

  return {
    port,
    hostKey,
    connectionCount: () => accepted,
    commands: () => [...received],
    hostSpec: (credential, overrides = {}) => ({
      name: 'test-host',
      address: '127.0.0.1',
      port,
      user: options.user,
      credential,
      hostKey,
      ...overrides,
    }),
    dropConnections: () => {
      for (const client of connections) client.end();
    },
    stop: async () => {
      for (const client of connections) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
