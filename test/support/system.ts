import {
  createServiceApplication,
  dropDatabaseRoles,
  loadServiceConfig,
  setUpDatabaseRoles,
  signOrganiserToken,
  services as serviceTable,
  type ServiceApplicationOptions,
  type ServiceConfig,
  type ServiceListening,
  type ServiceName,
} from '#common';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { dashboardApplication } from '../../apps/dashboard/src/dashboard.application.js';
import { mouRegistryApplication } from '../../apps/mou-registry/src/mou-registry.application.js';
import type { MouRegistryOptions } from '../../apps/mou-registry/src/mou-registry.module.js';
import { notificationsApplication } from '../../apps/notifications/src/notifications.application.js';
import { registrationApplication } from '../../apps/registration/src/registration.application.js';
import type { RegistrationOptions } from '../../apps/registration/src/registration.module.js';
import { schedulingApplication } from '../../apps/scheduling/src/scheduling.application.js';
import { deleteBrokerUsers, setUpBrokerUsers } from '#messaging';
import { EventTap } from './event-tap.js';
import { eventually } from './eventually.js';
import { createVhost, deleteVhost, dropSchemas, ensureTestDatabase, newRunId, rabbitmqUrlFor, TEST_DATABASE_URL } from './isolation.js';
import { EventProducer } from './producer.js';
import { SmtpSink } from './smtp-sink.js';

type Application = (config: ServiceConfig, options: SystemOptions) => { module: DynamicModule; options: ServiceApplicationOptions };

/** Each service as it runs in-process, with what the run's options say about it. */
const applications: Record<ServiceName, Application> = {
  scheduling: (config) => schedulingApplication(config),
  registration: (config, options) => registrationApplication(config, options.registration),
  notifications: (config, options) => notificationsApplication(config, { mailRetryDelaysMs: options.mailRetryDelaysMs }),
  dashboard: (config) => dashboardApplication(config),
  'mou-registry': (config, options) => mouRegistryApplication(config, options.mouRegistry),
};

export const JWT_SECRET = 'mission-hub-test-secret-0123456789';
/** The participants' secrets of a run: a test mints links with the second (an expired one, say) as notifications would. */
export const PARTICIPANT_TOKEN_SECRET = 'mission-hub-test-participant-token-secret-0123456789';
export const PARTICIPANT_LINK_SECRET = 'mission-hub-test-participant-link-secret-0123456789';
export const WEB_BASE_URL = 'http://mission-hub.test';
const EXCHANGE = 'mission-hub.events';

export interface SystemOptions {
  services?: ServiceName[];
  /** `process`: each service is a real `node dist/…/main.js` process that a test can SIGKILL. */
  mode?: 'in-process' | 'process';
  /** In-process only: shorter back-off between SMTP attempts, so a failure path takes seconds. */
  mailRetryDelaysMs?: number[];
  /** In-process only: the MoU registry's clock (a test's, to move time) and how often it checks the calendar. */
  mouRegistry?: MouRegistryOptions;
  /** The only limits of the run (`RATE_LIMITS` entries): every other is off, as all of a run's clients share one address. */
  rateLimits?: string;
  /** In-process only: registration's outbox relay (its poll, its batch size). */
  registration?: RegistrationOptions;
  /** More environment for a service, read each time it starts (a test's database proxy, a smaller pool). */
  env?: (service: ServiceName) => Record<string, string>;
  /** Services of the run that `start()` leaves for the test to start (`startService`): their schemas still go at the end. */
  deferred?: ServiceName[];
  /** A broker of the test's own (`RabbitmqNode`, its default vhost) instead of a vhost of the machine's; read when the run starts. */
  rabbitmqUrl?: () => string;
  /** In-process only: every service's spans go here as they end (a test's in-memory exporter). */
  spanExporter?: SpanExporter;
  /** Each service on its own Postgres role and broker user (`npm run setup`'s), made for the run and dropped after it; the machine's broker only. */
  ownCredentials?: boolean;
}

interface RunningService {
  port: number;
  app?: INestApplication;
  child?: ChildProcess;
}

/**
 * The whole system on real Postgres and RabbitMQ, isolated by run: its own vhost, its own schema
 * per service in the test database, its own SMTP sink and an event tap on its exchange.
 */
export class TestSystem {
  readonly runId = newRunId();
  readonly vhost = `mission-hub-${this.runId}`;
  readonly rabbitmqUrl: string;
  readonly exchange = EXCHANGE;
  readonly smtp = new SmtpSink();
  readonly tap: EventTap;
  /** Publishes onto this run's exchange as a producer that is not part of the run would; connects at its first event. */
  readonly producer = new EventProducer(this);
  private readonly running = new Map<ServiceName, RunningService>();

  constructor(private readonly options: SystemOptions & Required<Pick<SystemOptions, 'services' | 'mode'>>) {
    this.rabbitmqUrl = options.rabbitmqUrl?.() ?? rabbitmqUrlFor(this.vhost);
    this.tap = new EventTap(this.rabbitmqUrl, EXCHANGE);
  }

  schemaOf(service: ServiceName): string {
    return `${serviceTable[service].schema}_${this.runId}`;
  }

  /** The run's Postgres role of a service (with `ownCredentials`): it owns the service's schema of the run, and nothing else. */
  databaseRoleOf(service: ServiceName): string {
    return `mission_hub_${this.schemaOf(service)}`;
  }

  /** The run's broker user of a service (with `ownCredentials`): users are the broker's, not the vhost's, so the run's id is in the name. */
  brokerUserOf(service: ServiceName): string {
    return `mission-hub-${service}-${this.runId}`;
  }

  /** The URL with the service's own role (Postgres) or user (RabbitMQ) of the run. */
  asService(service: ServiceName, url: string): string {
    const own = new URL(url);
    own.username = url.startsWith('postgres') ? this.databaseRoleOf(service) : this.brokerUserOf(service);
    own.password = this.passwordOf(service);
    return own.toString();
  }

  private passwordOf(service: ServiceName): string {
    return `${this.runId}-${service}`;
  }

  env(service: ServiceName): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.options.ownCredentials ? this.asService(service, TEST_DATABASE_URL) : TEST_DATABASE_URL,
      DB_SCHEMA: this.schemaOf(service),
      RABBITMQ_URL: this.options.ownCredentials ? this.asService(service, this.rabbitmqUrl) : this.rabbitmqUrl,
      EVENTS_EXCHANGE: EXCHANGE,
      SMTP_URL: this.smtp.url,
      // An e-mail claimed by a notifications process that a test kills is sent again within the test's patience.
      MAIL_SEND_LEASE_MS: '10000',
      // The machine running the tests is shared and often many times overloaded: a burst that queues for seconds there is not
      // what these limits guard against (their own tests set what they need).
      DB_POOL_ACQUIRE_TIMEOUT_MS: '60000',
      DB_LOCK_TIMEOUT_MS: '60000',
      DB_STATEMENT_TIMEOUT_MS: '120000',
      JWT_SECRET,
      RATE_LIMITS: `off${this.options.rateLimits ? `,${this.options.rateLimits}` : ''}`,
      PARTICIPANT_TOKEN_SECRET,
      PARTICIPANT_LINK_SECRET,
      WEB_BASE_URL,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      // Never a port picked in advance, not even the one it had before a restart: by then it may be the source port of one of the run's own connections.
      PORT: '0',
      ...this.options.env?.(service),
    };
  }

  config(service: ServiceName): ServiceConfig {
    return loadServiceConfig(service, this.env(service));
  }

  url(service: ServiceName): string {
    const running = this.running.get(service);
    if (!running) throw new Error(`${service} is not running`);
    return `http://127.0.0.1:${running.port}`;
  }

  /** The Nest application of an in-process service, to reach one of its providers. */
  app(service: ServiceName): INestApplication {
    const app = this.running.get(service)?.app;
    if (!app) throw new Error(`${service} is not running in-process`);
    return app;
  }

  organiserToken(missions: string[] = ['*'], subject = 'organiser@test'): string {
    return signOrganiserToken(JWT_SECRET, { sub: subject, role: 'organiser', missions });
  }

  async start(): Promise<this> {
    try {
      await Promise.all([ensureTestDatabase(), createVhost(this.vhost), this.smtp.start()]);
      if (this.options.ownCredentials) await this.setUpCredentials();
      await this.tap.start();
      // Consumers first, so that their queues exist before the first event is published.
      const order = this.options.services
        .filter((service) => !this.options.deferred?.includes(service))
        .sort((a, b) => Number(a === 'scheduling') - Number(b === 'scheduling'));
      await Promise.all(order.map((service) => this.startService(service)));
      return this;
    } catch (error) {
      // What did start must not outlive a failed start: its loops would run on after the test file, and Jest with them.
      await this.stop().catch(() => undefined);
      throw error;
    }
  }

  /** What `npm run setup` makes, for the run's schemas and vhost: each service's role (owning its schema) and broker user. */
  private async setUpCredentials(): Promise<void> {
    const services = this.options.services;
    await setUpDatabaseRoles(
      TEST_DATABASE_URL,
      services.map((service) => ({ role: this.databaseRoleOf(service), password: this.passwordOf(service), schema: this.schemaOf(service) })),
    );
    await setUpBrokerUsers(
      services.map((service) => ({ service, user: this.brokerUserOf(service), password: this.passwordOf(service) })),
      { vhost: this.vhost, exchange: EXCHANGE },
    );
  }

  /** On a port of its own each time (`env`): a test that restarts a service reads `url(service)` again. */
  async startService(service: ServiceName): Promise<void> {
    if (this.options.mode === 'process') {
      // The service says over IPC which port it was given.
      const child = spawn(process.execPath, [`dist/apps/${service}/src/main.js`], {
        env: { ...process.env, ...this.env(service) },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      const port = await listeningPort(child, service);
      this.running.set(service, { port, child });
      await eventually(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok, { timeoutMs: 90_000, what: `${service} to be ready` });
    } else {
      const config = this.config(service);
      const { module, options } = applications[service](config, this.options);
      const app = await createServiceApplication(module, config, { ...options, spanExporter: this.options.spanExporter });
      await app.listen(config.port, '127.0.0.1');
      const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();
      this.running.set(service, { port, app });
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing in flight is acked or flushed. */
  async killService(service: ServiceName): Promise<void> {
    const running = this.running.get(service);
    if (!running?.child) throw new Error(`${service} is not a process of this run`);
    if (running.child.exitCode === null && running.child.signalCode === null) {
      const exited = new Promise((resolve) => running.child!.once('exit', resolve));
      running.child.kill('SIGKILL');
      await exited;
    }
    this.running.delete(service);
  }

  async stopService(service: ServiceName): Promise<void> {
    const running = this.running.get(service);
    if (!running) return;
    this.running.delete(service);
    if (running.app) await running.app.close();
    if (running.child) await terminate(running.child, service);
  }

  /** The vhost and the schemas go whatever failed before (a run must leave nothing behind); then the first failure is thrown. */
  async stop(): Promise<void> {
    const outcomes = await Promise.allSettled([...this.running.keys()].map((service) => this.stopService(service)));
    // The tap first, or it would connect again when the vhost goes.
    outcomes.push(...(await Promise.allSettled([this.producer.stop(), this.tap.stop()])));
    const schemas = this.options.services.map((service) => this.schemaOf(service));
    outcomes.push(...(await Promise.allSettled([this.smtp.stop(), deleteVhost(this.vhost), dropSchemas(schemas)])));
    if (this.options.ownCredentials) {
      const services = this.options.services;
      outcomes.push(
        ...(await Promise.allSettled([
          dropDatabaseRoles(
            TEST_DATABASE_URL,
            services.map((service) => this.databaseRoleOf(service)),
          ),
          deleteBrokerUsers(services.map((service) => this.brokerUserOf(service))),
        ])),
      );
    }
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** SIGTERM, then SIGKILL if it has not exited 10 s later: it would run on against the run's schemas. */
async function terminate(child: ChildProcess, service: ServiceName): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
  if (killed) throw new Error(`${service} did not exit within 10 s of SIGTERM and was killed`);
}

async function startSystem(options: SystemOptions = {}): Promise<TestSystem> {
  const system = new TestSystem({
    ...options,
    services: options.services ?? ['scheduling', 'registration', 'notifications', 'dashboard'],
    mode: options.mode ?? 'in-process',
  });
  return system.start();
}

/** The port a service started as a child process listens on, as it reports it (`runService`); its failure to start, if it exits first. */
function listeningPort(child: ChildProcess, service: ServiceName): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => settle(new Error(`${service} did not listen within 90 s`)), 90_000);
    const onMessage = (message: ServiceListening) => {
      if (message?.type === 'listening') settle(message.port);
    };
    const onExit = (code: number | null, signal: string | null) => settle(new Error(`${service} exited (${signal ?? code}) before it listened`));
    const onError = (error: Error) => settle(new Error(`${service} could not be started: ${error.message}`, { cause: error }));
    function settle(outcome: number | Error): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
      // The channel must not keep the test process waiting for this child.
      child.channel?.unref();
      if (outcome instanceof Error) {
        // Not yet one of the run's services, so stop() would not end it: it would run on against the run's schemas.
        child.kill('SIGKILL');
        reject(outcome);
      } else resolve(outcome);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/**
 * The system of one test file: started before its tests, stopped after them. What it returns stands
 * for the started system (`system.url(…)`, `system.tap`, …) once `beforeAll` has run.
 */
export function useSystem(options: SystemOptions = {}): TestSystem {
  let started: TestSystem | undefined;
  beforeAll(async () => {
    started = await startSystem(options);
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
  }, 60_000);
  return new Proxy({} as TestSystem, {
    get(_, key) {
      if (!started) throw new Error(`the test system is used before it started (system.${String(key)})`);
      const value: unknown = Reflect.get(started, key, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
