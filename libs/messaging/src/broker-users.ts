import { execFile } from 'node:child_process';
import { eventsByProducer, producers, type Producer } from '#contracts';

/** One service's broker user. */
export interface BrokerUser {
  service: string;
  user: string;
  password: string;
}

/** What a service's user may do in the vhost, as `rabbitmqctl set_permissions` and `set_topic_permissions` take it. */
export interface BrokerPermissions {
  configure: string;
  write: string;
  read: string;
  /** On the events exchange: the routing keys (event types) it may publish, and bind queues to. */
  topic: { exchange: string; write: string; read: string };
}

/**
 * The broker's half of a service's boundary (docs/DESIGN.md, "Boundaries"). Every publisher
 * declares every consumer's queues and bindings before it publishes, so each user may configure,
 * bind and read the project's exchanges and queues (`mission-hub.…` and the events exchange), and
 * write to the default exchange (dead-lettering is declared through it, retries go through it). On
 * the events exchange, the topic permission lets it publish only the types the catalogue says it
 * owns; it may bind any key (the dashboard's queue takes `#`).
 */
export function brokerPermissions(service: string, exchange: string): BrokerPermissions {
  const names = `mission-hub\\..*|${escapeRegExp(exchange)}`;
  const types = (producers as readonly string[]).includes(service) ? Object.keys(eventsByProducer[service as Producer]) : [];
  return {
    configure: `^(${names})$`,
    write: `^(${names}|amq\\.default)$`,
    read: `^(${names})$`,
    // `^$` matches no routing key an event has: a service that owns no type (the dashboard) publishes none.
    topic: { exchange, write: types.length > 0 ? `^(${types.map(escapeRegExp).join('|')})$` : '^$', read: '.*' },
  };
}

export interface BrokerSetup {
  vhost: string;
  exchange: string;
  /** `http://admin:password@host:15672`: through the management plugin's HTTP API; unset, through `rabbitmqctl` on this machine. */
  managementUrl?: string;
}

/**
 * Creates (or updates: a user that exists gets the password given again) each service's user with
 * its permissions in the vhost, creating the vhost if missing. Idempotent. `report` is told each step.
 */
export async function setUpBrokerUsers(users: readonly BrokerUser[], setup: BrokerSetup, report: (line: string) => void = () => undefined): Promise<void> {
  const broker = setup.managementUrl ? managementApi(setup.managementUrl) : rabbitmqctl;
  await broker.addVhost(setup.vhost);
  for (const { service, user, password } of users) {
    const permissions = brokerPermissions(service, setup.exchange);
    const created = await broker.putUser(user, password);
    await broker.setPermissions(setup.vhost, user, permissions);
    report(
      `broker user ${user}: ${created ? 'created' : 'exists, password set again'}; in vhost ${setup.vhost} publishes on ${setup.exchange} ${owned(service)}`,
    );
  }
}

/** Removes users made for a test run. */
export async function deleteBrokerUsers(users: readonly string[]): Promise<void> {
  for (const user of users) {
    await run(['delete_user', user]).catch((error: Error & { stderr?: string }) => {
      if (!/does not exist|no_such_user/.test(`${error.stderr ?? ''}${error.message}`)) throw error;
    });
  }
}

interface BrokerAdministration {
  addVhost(vhost: string): Promise<void>;
  /** True when the user was created, false when it existed (its password is set again). */
  putUser(user: string, password: string): Promise<boolean>;
  setPermissions(vhost: string, user: string, permissions: BrokerPermissions): Promise<void>;
}

const rabbitmqctl: BrokerAdministration = {
  async addVhost(vhost) {
    await run(['add_vhost', vhost]);
  },
  async putUser(user, password) {
    // The password goes through stdin: on the command line every process of the machine could read it.
    const existing = (await run(['list_users', '--no-table-headers'])).split('\n').map((line) => line.split('\t')[0]);
    const created = !existing.includes(user);
    await run(created ? ['add_user', user] : ['change_password', user], password);
    return created;
  },
  async setPermissions(vhost, user, { configure, write, read, topic }) {
    await run(['set_permissions', '-p', vhost, user, configure, write, read]);
    await run(['set_topic_permissions', '-p', vhost, user, topic.exchange, topic.write, topic.read]);
  },
};

function managementApi(managementUrl: string): BrokerAdministration {
  const base = new URL(managementUrl);
  const authorization = `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`;
  base.username = '';
  base.password = '';
  const call = async (method: 'GET' | 'PUT', path: string, body?: object): Promise<Response> => {
    const response = await fetch(new URL(`/api/${path}`, base), {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok && !(method === 'GET' && response.status === 404))
      throw new Error(`RabbitMQ management API: ${method} /api/${path} answered ${response.status} ${await response.text()}`);
    return response;
  };
  const at = (...parts: string[]) => parts.map(encodeURIComponent).join('/');
  return {
    async addVhost(vhost) {
      await call('PUT', `vhosts/${at(vhost)}`);
    },
    async putUser(user, password) {
      const created = (await call('GET', `users/${at(user)}`)).status === 404;
      await call('PUT', `users/${at(user)}`, { password, tags: '' });
      return created;
    },
    async setPermissions(vhost, user, { configure, write, read, topic }) {
      await call('PUT', `permissions/${at(vhost, user)}`, { configure, write, read });
      await call('PUT', `topic-permissions/${at(vhost, user)}`, topic);
    },
  };
}

function run(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('rabbitmqctl', ['-q', ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(new Error(`rabbitmqctl ${args[0]} failed: ${stderr || error.message}`), { stderr }));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(`${input}\n`);
    else child.stdin?.end();
  });
}

function owned(service: string): string {
  const types = (producers as readonly string[]).includes(service) ? Object.keys(eventsByProducer[service as Producer]).length : 0;
  return types > 0 ? `only the ${types} event types it owns` : 'no event type (it owns none)';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
