// The one HTTP client of `npm run demo`: it speaks to each service's public API as any client
// would, and to nothing else (no tables, no broker).
import { createHmac } from 'node:crypto';

export type ServiceName = 'registration' | 'scheduling' | 'mou-registry';

export interface Answer<T = any> {
  status: number;
  body: T;
}

export interface CallOptions {
  method?: string;
  /** An organiser's JWT or a participant's access token; the organiser's when left out; none when null. */
  token?: string | null;
  body?: unknown;
  /** A raw body (a document) sent with this media type instead of JSON. */
  document?: { text: string; mediaType: string };
  /** A stable name from which the Idempotency-Key is derived, so that a second run replays instead of creating. */
  idempotent?: string;
}

/** The base URL of each service: its own variable, else the web entry's when `WEB_URL` is set, else the service's own port. */
export function serviceUrls(env: NodeJS.ProcessEnv): Record<ServiceName, string> {
  const entry = env.WEB_URL;
  const url = (variable: string, port: number) => (env[variable] ?? entry ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');
  return {
    registration: url('REGISTRATION_URL', 3001),
    scheduling: url('SCHEDULING_URL', 3002),
    'mou-registry': url('MOU_REGISTRY_URL', 3003),
  };
}

export class ApiError extends Error {
  constructor(
    readonly what: string,
    readonly answer: Answer,
  ) {
    super(`${what}: ${answer.status} ${typeof answer.body === 'string' ? answer.body.slice(0, 300) : JSON.stringify(answer.body)}`);
  }
}

export class MissionHubClient {
  constructor(
    private readonly urls: Record<ServiceName, string>,
    private readonly organiserToken: string,
    /** Keys the Idempotency-Keys: a key no one can derive without it, since the public form's keys are anyone's to replay. */
    private readonly keySecret: string,
    private readonly onWait: (line: string) => void = () => undefined,
  ) {}

  idempotencyKey(name: string): string {
    return `demo-${createHmac('sha256', this.keySecret).update(name).digest('base64url')}`;
  }

  async call<T = any>(service: ServiceName, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? this.organiserToken : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.idempotent) headers['idempotency-key'] = this.idempotencyKey(options.idempotent);
    let body: string | undefined;
    if (options.document) {
      body = options.document.text;
      headers['content-type'] = options.document.mediaType;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST');
    let response = await fetch(`${this.urls[service]}${path}`, { method, headers, body });
    // The public form is limited per address (RATE_LIMITS): 28 people from one desk may have to wait for the next window.
    for (let waits = 0; response.status === 429 && waits < 5; waits++) {
      const seconds = Math.min(Number(response.headers.get('retry-after')) || 1, 120);
      this.onWait(`  … ${service} asks to wait ${seconds} s (429 Too Many Requests)`);
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      response = await fetch(`${this.urls[service]}${path}`, { method, headers, body });
    }
    const text = await response.text();
    const json = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, body: (json && text ? JSON.parse(text) : text) as T };
  }

  /** The answer when its status is one of `expected`, an ApiError naming `what` otherwise. */
  async expect<T = any>(expected: number[], what: string, service: ServiceName, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const answer = await this.call<T>(service, path, options);
    if (!expected.includes(answer.status)) throw new ApiError(what, answer);
    return answer;
  }

  /** Every item of a paged list, following `nextCursor`. */
  async listAll<T = any>(service: ServiceName, path: string, what: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: Answer = await this.expect([200], what, service, `${path}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  /** Asks until `ready` says yes, or fails naming `what` after `timeoutMs`: for what another service learns by event. */
  async until<T>(what: string, ready: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await ready();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
