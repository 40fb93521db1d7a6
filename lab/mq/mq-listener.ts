import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A queue manager's TCP listener on one host (runmqlsr), always on 127.0.0.1. Its port is
 * chosen once (or fixed by the topology) and kept when it stops and starts again, since
 * clients' connection-name lists name it. Opening and closing are queued, so the model's
 * synchronous state changes can drive it in order.
 */
export class MqListener {
  port: number;
  private server: Server | undefined;
  private transition: Promise<void> = Promise.resolve();

  constructor(
    requestedPort: number,
    private readonly onConnection: (socket: Socket) => void,
    private readonly onListening: (listening: boolean) => void,
  ) {
    this.port = requestedPort;
  }

  get isListening(): boolean {
    return this.server !== undefined;
  }

  open(): Promise<void> {
    return this.enqueue(() => this.listen());
  }

  close(): Promise<void> {
    return this.enqueue(() => this.stopListening());
  }

  /** Runs after the transitions before it; a failed one (port taken) does not stop the later ones. */
  private enqueue(step: () => Promise<void>): Promise<void> {
    const done = this.transition.then(step);
    this.transition = done.catch(() => undefined);
    return done;
  }

  private async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer({ noDelay: true }, this.onConnection);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    this.onListening(true);
  }

  private async stopListening(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    // close() stops accepting at once; its callback waits for open connections, which the service ends itself.
    server.close();
    this.onListening(false);
  }
}
