// Registration: the settings, the delegations (a sub-delegation within its parent, each with its
// quota and head), the categories with their questions, and
// everyone through the public form, in their category with their answers.
import * as story from './chengdu-liuzhou.js';
import { nameOf, type Participant, type Tally } from './demo-context.js';
import { ApiError, type MissionHubClient } from './mission-hub-client.js';

export async function registrationSettings(client: MissionHubClient, tally: Tally, missionId: string): Promise<void> {
  const path = `/api/missions/${missionId}/registration-settings`;
  const current = await client.call('registration', path);
  const wanted = story.registrationSettings;
  const same = current.status === 200 && current.body.capacity === wanted.capacity && current.body.approval === wanted.approval;
  if (same) {
    tally.add('registration settings', describeQuotas(), false);
    return;
  }
  // Registration learns of the mission by event: 404 until mission.created has reached it.
  await client.until('registration to learn of the mission', async () => {
    const put = await client.call('registration', path, { method: 'PUT', body: wanted });
    if (put.status === 404) return undefined;
    if (put.status !== 200) throw new ApiError('the registration settings', put);
    return true;
  });
  tally.add('registration settings', describeQuotas(), true);
}

function describeQuotas(): string {
  return `${story.registrationSettings.capacity} places, approval ${story.registrationSettings.approval}`;
}

interface DelegationRow {
  id: string;
  name: string;
  names: Record<string, string>;
  parentId: string | null;
  headRegistrationId: string | null;
  quota: number | null;
}

/** The delegations in order of precedence, a sub-delegation under its parent: their ids by main name. */
export async function createDelegations(client: MissionHubClient, tally: Tally, missionId: string): Promise<Map<string, string>> {
  const path = `/api/missions/${missionId}/delegations`;
  const listed = (await client.expect([200], 'the delegations', 'registration', path, {})).body.items as DelegationRow[];
  const ids = new Map<string, string>();
  for (const delegation of story.delegationList) {
    // By any of its names: an organiser may have renamed it in one language since.
    let found = listed.find((one) => Object.values(one.names).includes(delegation.name) || one.name === delegation.name);
    if (!found) {
      const { name: _name, head: _head, parent, ...fields } = delegation;
      const body = { ...fields, ...(parent ? { parentId: ids.get(parent) } : {}) };
      found = (await client.expect([201], `the delegation ${delegation.name}`, 'registration', path, { body, idempotent: `delegation:${delegation.name}` }))
        .body as DelegationRow;
    }
    const within = delegation.parent ? `, within ${delegation.parent}` : '';
    tally.add('delegation', `${delegation.name} (${delegation.country}${within}), quota ${delegation.quota}`, !listed.some((one) => one.id === found.id));
    ids.set(delegation.name, found.id);
  }
  return ids;
}

/** Each delegation's head, once they are registered. */
export async function nameHeads(
  client: MissionHubClient,
  tally: Tally,
  delegationIds: Map<string, string>,
  participants: Map<string, Participant>,
): Promise<void> {
  for (const delegation of story.delegationList) {
    const path = `/api/delegations/${delegationIds.get(delegation.name)!}`;
    const head = participants.get(delegation.head)!;
    const current = (await client.expect([200], `the delegation ${delegation.name}`, 'registration', path)).body as DelegationRow;
    const there = current.headRegistrationId === head.id;
    if (!there) await client.expect([200], `the head of ${delegation.name}`, 'registration', path, { method: 'PATCH', body: { headRegistrationId: head.id } });
    tally.add('head of delegation', `${nameOf(head.person)} heads ${delegation.name}`, !there);
  }
}

/** The categories, each with its capacity and questions: replaced only when they differ from the story's. */
export async function categories(client: MissionHubClient, tally: Tally, missionId: string): Promise<void> {
  const path = `/api/missions/${missionId}/categories`;
  const existing = new Map(
    ((await client.expect([200], 'the categories', 'registration', path)).body.items as Record<string, unknown>[]).map((one) => [one.code as string, one]),
  );
  for (const { code, body } of story.categories) {
    const current = existing.get(code);
    const same = current !== undefined && Object.keys(body).every((field) => sameValue(current[field], body[field]));
    if (!same) await client.expect([200, 201], `the category ${code}`, 'registration', `${path}/${code}`, { method: 'PUT', body });
    const questions = (body.questions as { key: string }[]).map((question) => question.key).join(', ');
    tally.add('registration category', `${code}: ${String(body.capacity)} places, asks ${questions}`, !same);
  }
}

/** Equal as JSON, whatever the order of an object's keys. */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([key, inner]) => [key, canonical(inner)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export async function register(
  client: MissionHubClient,
  tally: Tally,
  missionId: string,
  delegationIds: Map<string, string>,
): Promise<Map<string, Participant>> {
  const path = `/api/missions/${missionId}/registrations`;
  const registered = new Map(
    (await client.listAll<{ id: string; email: string }>('registration', path, 'the registrations')).map((one) => [one.email.toLowerCase(), one.id]),
  );
  const participants = new Map<string, Participant>();
  for (const person of story.people) {
    const { key: _key, delegation, ...form } = person;
    // Through the public form, as the person would; the key replays the answer (access token included) for 24 hours.
    const { category, answers } = story.categoryOf(person);
    const answer = await client.call('registration', path, {
      token: null,
      body: { ...form, delegationId: delegationIds.get(delegation), category, answers, consent: { dataProcessing: true } },
      idempotent: `registration:${story.mission.code}:${person.email}`,
    });
    const name = `${nameOf(person)} (${category}, ${person.delegation}, ${person.organisation.name})`;
    if (answer.status === 201) {
      participants.set(person.key, { id: answer.body.id, token: answer.body.accessToken, person });
      tally.add('registration', name, !registered.has(person.email));
    } else if (answer.status === 409 && registered.has(person.email)) {
      participants.set(person.key, { id: registered.get(person.email)!, token: null, person });
      tally.add('registration', name, false);
    } else {
      throw new ApiError(`the registration of ${person.email}`, answer);
    }
  }
  return participants;
}
