import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** RabbitMQ's own scripts, not the /usr/sbin wrappers (those switch to the rabbitmq user and pick up the machine's node). */
export const RABBITMQ_SBIN = process.env.TEST_RABBITMQ_SBIN ?? '/usr/lib/rabbitmq/lib/rabbitmq_server-3.10.8/sbin';

/**
 * A RabbitMQ node of the test's own, beside the machine's (never touched): its own name, ports,
 * Erlang cookie, data and logs under a temporary folder, so that a test can stop and start it (a
 * broker restart under load). See /work/shared/NOTES-rabbitmq-cluster.md.
 */
export class RabbitmqNode {
  readonly name = `mh-${randomBytes(3).toString('hex')}`;
  readonly node = `${this.name}@localhost`;
  private readonly base = join(tmpdir(), this.name);
  private child?: ChildProcess;
  private ports?: { amqp: number; dist: number; ctl: number };

  get url(): string {
    if (!this.ports) throw new Error('the node has not started');
    return `amqp://guest:guest@127.0.0.1:${this.ports.amqp}`;
  }

  async start(): Promise<this> {
    if (!this.ports) {
      const [amqp, dist, ctl] = await Promise.all([freePort(), freePort(), freePort()]);
      this.ports = { amqp: amqp!, dist: dist!, ctl: ctl! };
      await mkdir(join(this.base, 'home'), { recursive: true });
      const cookie = join(this.base, 'home', '.erlang.cookie');
      await writeFile(cookie, randomBytes(16).toString('hex'));
      await chmod(cookie, 0o400);
      await writeFile(join(this.base, 'env.conf'), '');
      await writeFile(join(this.base, 'rabbitmq.conf'), 'loopback_users = none\n');
      await writeFile(join(this.base, 'advanced.config'), '[].\n');
      await writeFile(join(this.base, 'enabled_plugins'), '[].\n');
    }
    this.child = spawn(join(RABBITMQ_SBIN, 'rabbitmq-server'), [], { env: this.env(), stdio: 'ignore', detached: false });
    await this.ctl('wait', '--timeout', '90', join(this.base, 'pid'));
    return this;
  }

  /** A clean stop (what a restart does first); the data stays for `start`. */
  async stop(): Promise<void> {
    if (!this.child) return;
    const exited = new Promise((resolve) => this.child!.once('exit', resolve));
    await this.ctl('stop').catch(async () => {
      const pid = Number(await readFile(join(this.base, 'pid'), 'utf8').catch(() => '0'));
      if (pid > 0) process.kill(pid, 'SIGKILL');
    });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    this.child = undefined;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Stops the node and removes everything it wrote. */
  async remove(): Promise<void> {
    await this.stop().catch(() => undefined);
    await rm(this.base, { recursive: true, force: true });
  }

  private ctl(...args: string[]) {
    return run(join(RABBITMQ_SBIN, 'rabbitmqctl'), ['-n', this.node, ...args], { env: this.env(), timeout: 120_000 });
  }

  private env(): NodeJS.ProcessEnv {
    const ports = this.ports!;
    return {
      PATH: process.env.PATH,
      HOME: join(this.base, 'home'),
      RABBITMQ_CONF_ENV_FILE: join(this.base, 'env.conf'),
      RABBITMQ_NODENAME: this.node,
      RABBITMQ_USE_LONGNAME: 'false',
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(ports.amqp),
      RABBITMQ_DIST_PORT: String(ports.dist),
      RABBITMQ_CTL_DIST_PORT_MIN: String(ports.ctl),
      RABBITMQ_CTL_DIST_PORT_MAX: String(ports.ctl + 10),
      RABBITMQ_MNESIA_BASE: join(this.base, 'mnesia'),
      RABBITMQ_LOG_BASE: join(this.base, 'log'),
      RABBITMQ_CONFIG_FILE: join(this.base, 'rabbitmq.conf'),
      RABBITMQ_ADVANCED_CONFIG_FILE: join(this.base, 'advanced.config'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(this.base, 'enabled_plugins'),
      RABBITMQ_PID_FILE: join(this.base, 'pid'),
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    };
  }
}

/** A port the system gives now; free for the node to take a moment later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
