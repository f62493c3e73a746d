import { services as serviceTable, signOrganiserToken, type ServiceName } from '#common';
import { randomBytes } from 'node:crypto';
import type { Children } from './processes.js';
import { listAll, openMission } from '../../test/support/api.js';
import { freePort, waitReady } from './processes.js';

export const MEASURED_SERVICES = ['registration', 'notifications', 'dashboard', 'scheduling'] as const satisfies readonly ServiceName[];
export type MeasuredService = (typeof MEASURED_SERVICES)[number];

export interface MissionHubOptions {
  databaseUrl: string;
  rabbitmqUrl: string;
  smtpUrl: string;
  jwtSecret: string;
  logLevel: string;
  /** `<service schema>_bench`: the schemas of the run in the bench database. */
  schemaSuffix: string;
  /** Extra node options for the services (e.g. `--prof`, or `--cpu-prof` with a directory). */
  nodeArgs?: string[];
  /** DB_POOL_SIZE of each service; unset: the services' default. */
  dbPoolSize?: number;
}

/**
 * The system under test: the built services as child processes, `instances` of each, or (with URLs)
 * one that is already running. Every instance of a service shares its schema, as in a deployment.
 */
export class MissionHub {
  readonly urls = {} as Record<MeasuredService, string[]>;
  private readonly names: Array<[MeasuredService, string]> = [];

  constructor(
    private readonly jwtSecret: string,
    private readonly children?: Children,
  ) {}

  static schemaOf(service: ServiceName, suffix: string): string {
    return `${serviceTable[service].schema}${suffix}`;
  }

  static external(jwtSecret: string, urls: Record<MeasuredService, string>): MissionHub {
    const system = new MissionHub(jwtSecret);
    for (const service of MEASURED_SERVICES) system.urls[service] = [urls[service]];
    return system;
  }

  /** The first instance of a service: where missions are opened and lists read. */
  url(service: MeasuredService): string {
    return this.urls[service][0];
  }

  /**
   * Starts `node dist/apps/<service>/src/main.js` `instances` times for each service and waits for
   * each to be ready. With more than one, the processes are named `<service>.<n>`.
   */
  async start(options: MissionHubOptions, instances = 1): Promise<void> {
    const children = this.children!;
    // One set for the run: what one instance signs, another must accept.
    const secrets = { PARTICIPANT_TOKEN_SECRET: randomBytes(24).toString('hex'), PARTICIPANT_LINK_SECRET: randomBytes(24).toString('hex') };
    for (const service of MEASURED_SERVICES) this.urls[service] = [];
    // A round of one instance of each at a time: eight Nest processes starting at once on a small machine take minutes.
    for (let index = 0; index < instances; index++) {
      await Promise.all(
        MEASURED_SERVICES.map(async (service) => {
          const name = instances === 1 ? service : `${service}.${index + 1}`;
          const port = await freePort();
          const url = `http://127.0.0.1:${port}`;
          const child = children.spawn(
            name,
            `dist/apps/${service}/src/main.js`,
            {
              NODE_ENV: 'production',
              // One load generator is one client address: the limits would measure themselves.
              RATE_LIMITS: 'off',
              ...secrets,
              DATABASE_URL: options.databaseUrl,
              DB_SCHEMA: MissionHub.schemaOf(service, options.schemaSuffix),
              RABBITMQ_URL: options.rabbitmqUrl,
              SMTP_URL: options.smtpUrl,
              JWT_SECRET: options.jwtSecret,
              LOG_LEVEL: options.logLevel,
              PORT: String(port),
              ...(options.dbPoolSize ? { DB_POOL_SIZE: String(options.dbPoolSize) } : {}),
            },
            options.nodeArgs,
          );
          this.names.push([service, name]);
          try {
            await waitReady(`${url}/health/ready`, child, 120_000, name);
          } catch (err) {
            throw new Error(`${(err as Error).message}\n--- ${children.logOf(name)}:\n${children.tail(name)}`, { cause: err });
          }
          this.urls[service][index] = url;
        }),
      );
    }
  }

  /** Each process by the service it is an instance of (the CPU is counted by service). */
  pids(): Array<[string, number | undefined]> {
    return this.names.map(([service, name]) => [service, this.children?.get(name)?.pid]);
  }

  organiserToken(): string {
    return signOrganiserToken(this.jwtSecret, { sub: 'bench@mission-hub.local', role: 'organiser', missions: ['*'] });
  }

  /** A new mission with registration open: created on scheduling, then its settings put on registration once mission.created got there. */
  async openMission(capacity: number, tag: string): Promise<string> {
    const { missionId } = await openMission(this, { capacity, approval: 'automatic' }, { code: `BENCH-${tag}` }, { serverErrorRetries: 5 });
    return missionId;
  }

  /** Every confirmed registration of the mission, through the organiser's list, page by page. */
  async confirmedRegistrations(missionId: string): Promise<string[]> {
    const items = await listAll<{ id: string }>(
      `${this.url('registration')}/api/missions/${missionId}/registrations?status=confirmed&limit=500`,
      this.organiserToken(),
    );
    return items.map((item) => item.id);
  }
}
