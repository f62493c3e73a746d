/** What opening a mission needs of a system: the tests' `TestSystem` and the bench's `MissionHub` both are one. */
export interface ApiSystem {
  url(service: 'scheduling' | 'registration'): string;
  organiserToken(): string;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A thin HTTP client for the tests, speaking to the services as a browser or a form would. */
export async function call<T = any>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.rawBody !== undefined) body = init.rawBody;
  else if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if (/json/.test(response.headers.get('content-type') ?? '')) parsed = text ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, body: parsed as T };
}

let missionSequence = 0;

/** The mission every test and bench opens: what its registration form repeats of it. */
const MISSION = { title: 'Smart cities mission to Chengdu and Liuzhou', startsOn: '2019-06-09', endsOn: '2019-06-15', timezone: 'Asia/Shanghai' };

export function missionInput(overrides: Record<string, unknown> = {}) {
  missionSequence += 1;
  return {
    code: `CN-${Date.now().toString(36)}-${missionSequence}`,
    ...MISSION,
    cities: [
      { name: 'Chengdu', country: 'CN', timezone: 'Asia/Shanghai' },
      { name: 'Liuzhou', country: 'CN', timezone: 'Asia/Shanghai' },
    ],
    themes: ['smart city', 'e-mobility'],
    ...overrides,
  };
}

export function registrationInput(n: number, overrides: Record<string, unknown> = {}) {
  return {
    email: `delegate${n}@example.org`,
    givenName: 'Delegate',
    familyName: `Number ${n}`,
    organisation: { name: 'Ajuntament de Barcelona', type: 'city', country: 'ES', city: 'Barcelona' },
    delegation: 'Barcelona',
    jobTitle: 'Head of international relations',
    preferredLanguage: 'en',
    timezone: 'Europe/Madrid',
    consent: { dataProcessing: true },
    ...overrides,
  };
}

/**
 * A mission known to registration (mission.created has arrived) with its registration settings.
 * `serverErrorRetries`: how often a 5xx on creation is tried again, later each time (the bench's
 * Postgres, shared with other runs, may be out of connections for a moment); the tests take none.
 */
export async function openMission(
  system: ApiSystem,
  settings: Record<string, unknown> = {},
  mission: Record<string, unknown> = {},
  { serverErrorRetries = 0 } = {},
): Promise<{ missionId: string; token: string }> {
  const token = system.organiserToken();
  const input = missionInput(mission);
  let created = await call(`${system.url('scheduling')}/api/missions`, { token, body: input });
  for (let attempt = 1; created.status >= 500 && attempt <= serverErrorRetries; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    created = await call(`${system.url('scheduling')}/api/missions`, { token, body: input });
  }
  if (created.status !== 201) throw new Error(`mission not created: ${created.status} ${JSON.stringify(created.body)}`);
  const missionId = created.body.id as string;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const put = await call(`${system.url('registration')}/api/missions/${missionId}/registration-settings`, {
      method: 'PUT',
      token,
      body: { capacity: 100, approval: 'automatic', ...settings },
    });
    if (put.status === 200) break;
    if (put.status !== 404 || Date.now() > deadline) throw new Error(`settings not accepted: ${put.status} ${JSON.stringify(put.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { missionId, token };
}

/** Every item of a paged list (`?limit=&cursor=`), following `nextCursor` to the last page. */
export async function listAll<T = any>(url: string, token: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: ApiResponse = await call(cursor === null ? url : `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`, { token });
    if (page.status !== 200) throw new Error(`list not read: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** What registration answers for the form of a mission made from `missionInput()`, registration open (`GET …/registration-form`). */
export function registrationForm(missionId: string, overrides: Record<string, unknown> = {}) {
  return { missionId, ...MISSION, window: 'open', opensAt: null, closesAt: null, approval: 'automatic', delegations: [], delegationOptions: [], ...overrides };
}
