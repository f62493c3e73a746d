import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Children } from '../harness/processes.js';
import { BARE_CONSUMERS, isTimed, type BareReport, type BareTimedConsumer } from './protocol.js';
import { bareSchemaDdl } from './schema.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The bench's side of the bare system: its schema, its processes, and when each event reached each timed consumer. */
export class BareSystem {
  /** Per consumer: registration id (the event's subject) → when the consumer reported it handled. */
  readonly arrivals: Record<BareTimedConsumer, Map<string, number>> = { dashboard: new Map() };
  /** Each producer's HTTP origin. */
  readonly origins: string[] = [];
  /** Each process: the part it is (registration or a consumer) and its name among the run's children. */
  private readonly names: Array<[string, string]> = [];

  constructor(
    private readonly children: Children,
    private readonly env: { databaseUrl: string; schema: string; rabbitmqUrl: string; smtpUrl: string; capacityCheck: boolean; nodeArgs?: string[] },
  ) {}

  async createSchema(query: (sql: string) => Promise<unknown>): Promise<void> {
    for (const statement of bareSchemaDdl(this.env.schema)) await query(statement);
  }

  get origin(): string {
    return this.origins[0];
  }

  /**
   * Consumers first, so that their queues are bound before the first publish; `instances` of each
   * part (consumers compete for their queue, the producers' relays claim with SKIP LOCKED).
   */
  async start(instances = 1): Promise<void> {
    const env = {
      BARE_DATABASE_URL: this.env.databaseUrl,
      BARE_SCHEMA: this.env.schema,
      BARE_RABBITMQ_URL: this.env.rabbitmqUrl,
      BARE_CAPACITY: this.env.capacityCheck ? '1' : '0',
      BARE_SMTP_URL: this.env.smtpUrl,
    };
    const nameOf = (part: string, index: number) => {
      const name = instances === 1 ? `bare-${part}` : `bare-${part}.${index + 1}`;
      this.names.push([part, name]);
      return name;
    };
    await Promise.all(
      BARE_CONSUMERS.flatMap((consumer) => Array.from({ length: instances }, (_, index) => [consumer, index] as const)).map(async ([consumer, index]) => {
        const child = this.children.fork(nameOf(consumer, index), here('./consumer.js'), [consumer], env, this.env.nodeArgs);
        const arrivals = isTimed(consumer) ? this.arrivals[consumer] : undefined;
        child.on('message', (report: BareReport) => {
          if (typeof report === 'string' && arrivals && !arrivals.has(report)) arrivals.set(report, performance.now());
        });
        await ready(child, `bare ${consumer}`);
      }),
    );
    for (let index = 0; index < instances; index++) {
      const producer = this.children.fork(nameOf('registration', index), here('./producer.js'), [], env, this.env.nodeArgs);
      const { port } = await ready(producer, 'bare registration');
      this.origins.push(`http://127.0.0.1:${port}`);
    }
  }

  /** Each process by the part it is (the CPU is counted by part, as mission-hub's by service). */
  pids(): Array<[string, number | undefined]> {
    return this.names.map(([part, name]) => [part, this.children.get(name)?.pid]);
  }
}

function ready(child: ChildProcess, what: string): Promise<{ port?: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} not ready after 30 s`)), 30_000);
    child.on('message', (report: BareReport) => {
      if (typeof report === 'object' && report.ready) {
        clearTimeout(timer);
        resolve(report);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${signal ?? code}) before it was ready`));
    });
  });
}
