import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy a test puts between the services and a server (Postgres) to cut the network under
 * them: `cut()` ends every connection through it at once, in both directions, and refuses new ones
 * until `restore()`. The server itself is never touched.
 */
export class TcpProxy {
  private server?: Server;
  private readonly open = new Set<Socket>();
  private cutOff = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((client) => {
      if (this.cutOff) {
        client.destroy();
        return;
      }
      const upstream = connect(this.targetPort, this.targetHost);
      for (const [socket, other] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.open.add(socket);
        socket.on('error', () => other.destroy());
        socket.on('close', () => {
          this.open.delete(socket);
          other.destroy();
        });
        socket.pipe(other);
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The URL `url` (a postgres:// URL of the target) has when it goes through this proxy. */
  via(url: string): string {
    const through = new URL(url);
    through.hostname = '127.0.0.1';
    through.port = String(this.port);
    return through.toString();
  }

  cut(): void {
    this.cutOff = true;
    for (const socket of this.open) socket.destroy();
  }

  restore(): void {
    this.cutOff = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
