import type { Request } from 'express';
import { credentialOf, type ApiAnswer, type ApiCall, type ServiceApi } from '../kit/service-api.js';
import { requestSite } from '../gateway/origin-policy.js';
import type { UpstreamService } from '../web-config.js';

/** Why a console page shows no data: its visitor must sign in (again), is not this mission's organiser, asked for nothing, or a service is away. */
export type RefusalKind = 'sign-in' | 'forbidden' | 'not-found' | 'unavailable';

/** Thrown by a console handler; `ConsoleRefusalFilter` turns it into the page (or the JSON) that says so. */
export class ConsoleRefusal extends Error {
  constructor(readonly kind: RefusalKind) {
    super(kind);
  }
}

/** What the console shows of a mission (scheduling's answer has more). */
export interface ConsoleMission {
  id: string;
  code: string;
  title: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A mission id in a console address: anything else is a page that does not exist (the services would only say 400). */
export function missionIdOf(value: string): string {
  if (!UUID.test(value)) throw new ConsoleRefusal('not-found');
  return value.toLowerCase();
}

/** The refusal an API's answer stands for, if it is one. */
export function refusalOf(answer: ApiAnswer<unknown>): RefusalKind | undefined {
  if (answer.ok) return undefined;
  if (answer.status === 401) return 'sign-in';
  if (answer.status === 403) return 'forbidden';
  if (answer.status === 404) return 'not-found';
  if (answer.status >= 500) return 'unavailable';
  return undefined;
}

/**
 * The services' APIs as the signed-in organiser: the `mh_organiser` cookie's token as the bearer
 * credential, and an answer that refuses (401, 403, 404, 5xx) thrown as the console's refusal.
 */
export class OrganiserApi {
  constructor(
    private readonly api: ServiceApi,
    private readonly request: Request,
  ) {}

  get credential(): string {
    const credential = credentialOf(this.request, 'organiser');
    if (!credential) throw new ConsoleRefusal('sign-in');
    return credential;
  }

  /** Refuses (to sign-in) a visitor without an organiser session. */
  assertSignedIn(): void {
    if (!credentialOf(this.request, 'organiser')) throw new ConsoleRefusal('sign-in');
  }

  /** A call whose every failure is a refusal of the page. */
  async read<Body>(service: UpstreamService, path: string, headers?: Record<string, string>): Promise<Body> {
    const answer = await this.call<Body>(service, path, headers ? { headers } : {});
    if (answer.ok) return answer.body;
    // A 400 here is an address the page cannot serve (a cursor of another list, say): nothing to show at it.
    throw new ConsoleRefusal(refusalOf(answer) ?? (answer.status === 400 ? 'not-found' : 'unavailable'));
  }

  /** A call whose answer the caller reads itself (a 409 is something to tell the organiser); sign-in and 403 still refuse the page. */
  async call<Body>(service: UpstreamService, path: string, call: Omit<ApiCall, 'credential'> = {}): Promise<ApiAnswer<Body>> {
    const answer = await this.api.call<Body>(service, path, { ...call, credential: this.credential });
    const refusal = refusalOf(answer);
    if (refusal === 'sign-in' || refusal === 'forbidden') throw new ConsoleRefusal(refusal);
    return answer;
  }

  /** The mission, read only after an organiser's call about it has been allowed (a refused page shows not even its title). */
  async mission(missionId: string): Promise<ConsoleMission> {
    return this.read<ConsoleMission>('scheduling', `/api/missions/${missionId}`);
  }
}

/** A query string of the values that are set, for links that keep a page's filters. */
export function queryOf(values: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * A console form post must come from a page of this site: the session cookie is SameSite=Lax
 * already, and this also refuses a post from another origin that carries no cookie (a forced
 * sign-in with the attacker's token).
 */
export function assertSameOrigin(request: Request, allowedOrigins: readonly string[]): void {
  if (requestSite(request.headers, `${request.protocol}://${request.get('host')}`, allowedOrigins) !== 'same-origin') throw new ConsoleRefusal('forbidden');
}
