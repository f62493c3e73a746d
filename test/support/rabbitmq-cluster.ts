import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, RABBITMQ_SBIN } from './rabbitmq-node.js';

const run = promisify(execFile);

interface ClusterNode {
  node: string;
  base: string;
  ports: { amqp: number; dist: number; ctl: number };
  child?: ChildProcess;
}

/**
 * Three RabbitMQ nodes of the test's own, clustered, beside the machine's broker (never touched):
 * one Erlang cookie and HOME for the three, each node its own name, ports, data and pid file. The
 * second and third join the first on first boot (classic config peer discovery). A test kills a
 * node by the pid in its own pid file. See /work/shared/NOTES-rabbitmq-cluster.md.
 */
export class RabbitmqCluster {
  readonly name = `hub-${randomBytes(3).toString('hex')}`;
  private readonly base = join(tmpdir(), this.name);
  private readonly nodes: ClusterNode[] = [];

  /** The three nodes' AMQP URLs, comma-separated: `RABBITMQ_URL` for a service on the cluster. */
  get url(): string {
    return this.nodes.map((node) => `amqp://guest:guest@127.0.0.1:${node.ports.amqp}`).join(',');
  }

  get nodeNames(): string[] {
    return this.nodes.map((node) => node.node);
  }

  async start(): Promise<this> {
    await mkdir(join(this.base, 'home'), { recursive: true });
    const cookie = join(this.base, 'home', '.erlang.cookie');
    await writeFile(cookie, randomBytes(16).toString('hex'));
    await chmod(cookie, 0o400);
    await writeFile(join(this.base, 'env.conf'), '');
    await writeFile(join(this.base, 'enabled_plugins'), '[].\n');
    await writeFile(join(this.base, 'advanced.config'), '[].\n');
    for (const letter of ['a', 'b', 'c']) {
      const [amqp, dist, ctl] = await Promise.all([freePort(), freePort(), freePort()]);
      this.nodes.push({ node: `${this.name}-${letter}@localhost`, base: join(this.base, letter), ports: { amqp: amqp!, dist: dist!, ctl: ctl! } });
    }
    const config = [
      'loopback_users = none',
      'cluster_formation.peer_discovery_backend = classic_config',
      `cluster_formation.classic_config.nodes.1 = ${this.nodes[0]!.node}`,
      '',
    ].join('\n');
    for (const node of this.nodes) {
      await mkdir(node.base, { recursive: true });
      await writeFile(join(node.base, 'rabbitmq.conf'), config);
    }
    // The first alone, then the two that join it.
    await this.startNode(this.nodes[0]!);
    await Promise.all(this.nodes.slice(1).map((node) => this.startNode(node)));
    await this.ctl(this.nodes[0]!, 'await_online_nodes', '3', '--timeout', '120');
    return this;
  }

  /** SIGKILL to the node by the pid in its own pid file, once its environment names it. */
  async kill(node: string): Promise<void> {
    const target = this.byName(node);
    const pid = Number(await readFile(join(target.base, 'pid'), 'utf8'));
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8');
    if (!environ.split('\0').includes(`RABBITMQ_NODENAME=${target.node}`)) throw new Error(`pid ${pid} is not ${target.node}`);
    const exited = target.child ? new Promise((resolve) => target.child!.once('exit', resolve)) : Promise.resolve();
    process.kill(pid, 'SIGKILL');
    await exited;
    target.child = undefined;
  }

  /** The node leading each quorum queue of the vhost (the default one unless named), by queue. */
  async leaders(vhost = '/'): Promise<Map<string, string>> {
    const live = this.nodes.find((node) => node.child);
    if (!live) throw new Error('no node of the cluster is running');
    const { stdout } = await this.ctl(live, '-q', 'list_queues', '-p', vhost, '--no-table-headers', 'name', 'leader');
    return new Map(
      stdout
        .split('\n')
        .filter((row) => row.trim())
        .map((row) => row.split('\t') as [string, string]),
    );
  }

  /** Members of a quorum queue (its replicas), as `quorum_status` names them. */
  async members(queue: string, vhost = '/'): Promise<string[]> {
    const live = this.nodes.find((node) => node.child)!;
    const { stdout } = await this.ctl(live, '-q', 'list_queues', '-p', vhost, '--no-table-headers', 'name', 'members');
    const row = stdout.split('\n').find((line) => line.startsWith(`${queue}\t`));
    return row ? [...row.matchAll(/[\w-]+@localhost/g)].map((match) => match[0]) : [];
  }

  /** Ready plus unacknowledged messages of each queue of the vhost, by name. */
  async backlogs(vhost = '/'): Promise<Map<string, number>> {
    const live = this.nodes.find((node) => node.child)!;
    const { stdout } = await this.ctl(live, '-q', 'list_queues', '-p', vhost, '--no-table-headers', 'name', 'messages_ready', 'messages_unacknowledged');
    return new Map(
      stdout
        .split('\n')
        .filter((row) => row.trim())
        .map((row) => {
          const [name, ready, unacked] = row.split('\t');
          return [name!, Number(ready) + Number(unacked)];
        }),
    );
  }

  /** Stops every node still running (by its pid file, without waiting for a clean stop) and removes what they wrote. */
  async remove(): Promise<void> {
    await Promise.all(this.nodes.filter((node) => node.child).map((node) => this.kill(node.node).catch(() => undefined)));
    await rm(this.base, { recursive: true, force: true });
  }

  private async startNode(node: ClusterNode): Promise<void> {
    node.child = spawn(join(RABBITMQ_SBIN, 'rabbitmq-server'), [], { env: this.env(node), stdio: 'ignore' });
    await this.ctl(node, 'wait', '--timeout', '120', join(node.base, 'pid'));
  }

  private byName(name: string): ClusterNode {
    const node = this.nodes.find((candidate) => candidate.node === name);
    if (!node) throw new Error(`${name} is not a node of ${this.name}`);
    return node;
  }

  private ctl(node: ClusterNode, ...args: string[]) {
    return run(join(RABBITMQ_SBIN, 'rabbitmqctl'), ['-n', node.node, ...args], { env: this.env(node), timeout: 150_000 });
  }

  private env(node: ClusterNode): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: join(this.base, 'home'),
      RABBITMQ_CONF_ENV_FILE: join(this.base, 'env.conf'),
      RABBITMQ_NODENAME: node.node,
      RABBITMQ_USE_LONGNAME: 'false',
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(node.ports.amqp),
      RABBITMQ_DIST_PORT: String(node.ports.dist),
      RABBITMQ_CTL_DIST_PORT_MIN: String(node.ports.ctl),
      RABBITMQ_CTL_DIST_PORT_MAX: String(node.ports.ctl + 10),
      RABBITMQ_MNESIA_BASE: join(node.base, 'mnesia'),
      RABBITMQ_LOG_BASE: join(node.base, 'log'),
      RABBITMQ_CONFIG_FILE: join(node.base, 'rabbitmq.conf'),
      RABBITMQ_ADVANCED_CONFIG_FILE: join(this.base, 'advanced.config'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(this.base, 'enabled_plugins'),
      RABBITMQ_PID_FILE: join(node.base, 'pid'),
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    };
  }
}
