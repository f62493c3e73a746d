import { services as serviceTable, signOrganiserToken, type ServiceName } from '#common';
import { randomBytes } from 'node:crypto';
import type { Children } from './processes.js';
import { freePort, sleep, waitReady } from './processes.js';

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

/** The system under test: the built services as child processes, or (with URLs) one that is already running. */
export class MissionHub {
  readonly urls = {} as Record<MeasuredService, string>;

  constructor(
    private readonly jwtSecret: string,
    private readonly children?: Children,
  ) {}

  static schemaOf(service: ServiceName, suffix: string): string {
    return `${serviceTable[service].schema}${suffix}`;
  }

  static external(jwtSecret: string, urls: Record<MeasuredService, string>): MissionHub {
    const system = new MissionHub(jwtSecret);
    Object.assign(system.urls, urls);
    return system;
  }

  /** Starts `node dist/apps/<service>/src/main.js` for each service, all at once, and waits for each to be ready. */
  async start(options: MissionHubOptions): Promise<void> {
    const children = this.children!;
    await Promise.all(
      MEASURED_SERVICES.map(async (service) => {
        const port = await freePort();
        this.urls[service] = `http://127.0.0.1:${port}`;
        const child = children.spawn(
          service,
          `dist/apps/${service}/src/main.js`,
          {
            NODE_ENV: 'production',
            // One load generator is one client address: the limits would measure themselves.
            RATE_LIMITS: 'off',
            PARTICIPANT_TOKEN_SECRET: randomBytes(24).toString('hex'),
            PARTICIPANT_LINK_SECRET: randomBytes(24).toString('hex'),
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
        try {
          await waitReady(`${this.urls[service]}/health/ready`, child, 60_000, service);
        } catch (err) {
          throw new Error(`${(err as Error).message}\n--- ${children.logOf(service)}:\n${children.tail(service)}`, { cause: err });
        }
      }),
    );
  }

  pids(): Array<[string, number | undefined]> {
    return MEASURED_SERVICES.map((service) => [service, this.children?.get(service)?.pid]);
  }

  organiserToken(): string {
    return signOrganiserToken(this.jwtSecret, { sub: 'bench@mission-hub.local', role: 'organiser', missions: ['*'] });
  }

  /** A new mission with registration open: created on scheduling, then its settings put on registration once mission.created got there. */
  async openMission(capacity: number, tag: string): Promise<string> {
    const token = this.organiserToken();
    let created = await json(`${this.urls.scheduling}/api/missions`, 'POST', token, missionInput(tag));
    // A 5xx here is most often Postgres out of connections on a shared machine: give it a moment.
    for (let attempt = 1; created.status >= 500 && attempt <= 5; attempt++) {
      await sleep(1000 * attempt);
      created = await json(`${this.urls.scheduling}/api/missions`, 'POST', token, missionInput(tag));
    }
    if (created.status !== 201) throw new Error(`mission not created: ${created.status} ${JSON.stringify(created.body)}`);
    const missionId = (created.body as { id: string }).id;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const put = await json(`${this.urls.registration}/api/missions/${missionId}/registration-settings`, 'PUT', token, { capacity, approval: 'automatic' });
      if (put.status === 200 || put.status === 201) return missionId;
      if (put.status !== 404 || Date.now() > deadline) throw new Error(`registration settings not accepted: ${put.status} ${JSON.stringify(put.body)}`);
      await sleep(25);
    }
  }

  /** Every confirmed registration of the mission, through the organiser's list, page by page. */
  async confirmedRegistrations(missionId: string): Promise<string[]> {
    const token = this.organiserToken();
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `status=confirmed&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await json(`${this.urls.registration}/api/missions/${missionId}/registrations?${query}`, 'GET', token);
      if (page.status !== 200) throw new Error(`organiser list answered ${page.status}: ${JSON.stringify(page.body)}`);
      const body = page.body as { items: Array<{ id: string }>; nextCursor: string | null };
      ids.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
    } while (cursor);
    return ids;
  }
}

export function missionInput(tag: string) {
  return {
    code: `BENCH-${tag}`,
    title: 'Smart cities mission to Chengdu and Liuzhou (benchmark)',
    startsOn: '2019-06-09',
    endsOn: '2019-06-15',
    timezone: 'Asia/Shanghai',
    cities: [
      { name: 'Chengdu', country: 'CN', timezone: 'Asia/Shanghai' },
      { name: 'Liuzhou', country: 'CN', timezone: 'Asia/Shanghai' },
    ],
    themes: ['smart city', 'e-mobility'],
  };
}

/** The public registration form's body, as test/support/api.ts `registrationInput` sends it. */
export function registrationInput(email: string, n: number) {
  return {
    email,
    givenName: 'Delegate',
    familyName: `Number ${n}`,
    organisation: { name: 'Ajuntament de Barcelona', type: 'city', country: 'ES', city: 'Barcelona' },
    delegation: 'Barcelona',
    jobTitle: 'Head of international relations',
    preferredLanguage: 'en',
    timezone: 'Europe/Madrid',
    consent: { dataProcessing: true },
  };
}

async function json(url: string, method: string, token: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}
