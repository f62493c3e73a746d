import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
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
 * its permissions in the vhost, creating the vhost if missing. Idempotent. One import of definitions
 * (users, permissions, topic permissions), through `rabbitmqctl import_definitions` or the
 * management API: each `rabbitmqctl` call starts a VM, seconds on a loaded machine.
 */
export async function setUpBrokerUsers(users: readonly BrokerUser[], setup: BrokerSetup, report: (line: string) => void = () => undefined): Promise<void> {
  const { vhost, exchange } = setup;
  const permissions = users.map(({ service, user }) => ({ user, ...brokerPermissions(service, exchange) }));
  const definitions = {
    vhosts: [{ name: vhost }],
    users: users.map(({ user, password }) => ({
      name: user,
      password_hash: passwordHash(password),
      hashing_algorithm: 'rabbit_password_hashing_sha256',
      tags: '',
    })),
    permissions: permissions.map(({ user, configure, write, read }) => ({ user, vhost, configure, write, read })),
    topic_permissions: permissions.map(({ user, topic }) => ({ user, vhost, ...topic })),
  };
  if (setup.managementUrl) await postDefinitions(setup.managementUrl, definitions);
  else await run(['import_definitions', '--format', 'json'], JSON.stringify(definitions));
  for (const { service, user } of users) report(`broker user ${user}: set, in vhost ${vhost}; publishes on ${exchange} ${owned(service)}`);
}

/** Removes users made for a test run. */
export async function deleteBrokerUsers(users: readonly string[]): Promise<void> {
  await Promise.all(
    users.map((user) =>
      run(['delete_user', user]).catch((error: Error & { stderr?: string }) => {
        if (!/does not exist|no_such_user/.test(`${error.stderr ?? ''}${error.message}`)) throw error;
      }),
    ),
  );
}

/** RabbitMQ's `rabbit_password_hashing_sha256`: a 4-byte salt, then SHA-256 of the salt and the password; so no password goes over a command line or into a file. */
function passwordHash(password: string): string {
  const salt = randomBytes(4);
  const digest = createHash('sha256')
    .update(Buffer.concat([salt, Buffer.from(password, 'utf8')]))
    .digest();
  return Buffer.concat([salt, digest]).toString('base64');
}

async function postDefinitions(managementUrl: string, definitions: object): Promise<void> {
  const base = new URL(managementUrl);
  const authorization = `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`;
  base.username = '';
  base.password = '';
  const response = await fetch(new URL('/api/definitions', base), {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(definitions),
  });
  if (!response.ok) throw new Error(`RabbitMQ management API: POST /api/definitions answered ${response.status} ${await response.text()}`);
}

function run(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('rabbitmqctl', ['-q', ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(new Error(`rabbitmqctl ${args[0]} failed: ${stderr || error.message}`), { stderr }));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}

function owned(service: string): string {
  const types = (producers as readonly string[]).includes(service) ? Object.keys(eventsByProducer[service as Producer]).length : 0;
  return types > 0 ? `only the ${types} event types it owns` : 'no event type (it owns none)';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
