import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { useSystem } from './support/system.js';
import { useWeb } from './support/web.js';

describe('delegations: a mission’s own, chosen by registrants, quotas with parts, heads, merges', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'dashboard'] });
  const web = useWeb(system);
  const api = (path: string) => `${system.url('registration')}/api${path}`;

  let missionId: string;
  let token: string;
  let stuttgart: any;
  let ludwigsburg: any;
  let rome: any;
  let lyon: any;

  async function delegation(body: Record<string, unknown>) {
    const created = await call(api(`/missions/${missionId}/delegations`), { token, body });
    expect(created.status).toBe(201);
    return created.body;
  }

  const register = (n: number, overrides: Record<string, unknown>) =>
    call(api(`/missions/${missionId}/registrations`), { body: registrationInput(n, overrides) });

  beforeAll(async () => {
    ({ missionId, token } = await openMission(system, { capacity: 200 }));
    stuttgart = await delegation({ names: { en: 'Stuttgart Region', de: 'Region Stuttgart' }, country: 'DE', city: 'Stuttgart', quota: 5 });
    ludwigsburg = await delegation({ names: { en: 'Ludwigsburg' }, country: 'DE', city: 'Ludwigsburg', parentId: stuttgart.id, quota: 3 });
    rome = await delegation({ names: { en: 'Rome', it: 'Roma' }, country: 'IT', quota: 4, precedence: 1 });
    lyon = await delegation({ names: { en: 'Lyon' }, country: 'FR' });
  });

  it('keeps the mission’s delegations in order, in the reader’s language, and refuses a cycle, a taken name and a registrant’s unknown delegation with the list', async () => {
    const listed = await call(api(`/missions/${missionId}/delegations`), { token, headers: { 'accept-language': 'de-DE, en;q=0.5' } });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((one: any) => [one.name, one.precedence])).toEqual([
      ['Rome', 1],
      ['Region Stuttgart', 2],
      ['Ludwigsburg', 3],
      ['Lyon', 4],
    ]);
    const saved = await system.tap.waitFor('delegation.saved', (event) => event.subject === ludwigsburg.id);
    expect(saved.data).toMatchObject({ missionId, name: 'Ludwigsburg', parentId: stuttgart.id, country: 'DE', quota: 3 });

    const cycle = await call(api(`/delegations/${stuttgart.id}`), { method: 'PATCH', token, body: { parentId: ludwigsburg.id } });
    expect(cycle.status).toBe(422);
    expect(cycle.body).toMatchObject({ reason: 'cycle' });
    const taken = await call(api(`/missions/${missionId}/delegations`), { token, body: { names: { fr: 'ROMA' }, country: 'IT' } });
    expect(taken.status).toBe(409);

    const unknown = await register(1, { delegation: 'Atlantis' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.type).toMatch(/unknown-delegation$/);
    expect(unknown.body.delegations.map((one: any) => one.name)).toEqual(['Rome', 'Stuttgart Region', 'Ludwigsburg', 'Lyon']);
    const unknownId = await register(2, { delegation: undefined, delegationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownId.status).toBe(422);

    // An older client's name, in any case or language, is the delegation itself.
    const byName = await register(3, { delegation: 'lyon' });
    expect(byName.status).toBe(201);
    const stored = await call(api(`/registrations/${byName.body.id}`), { token });
    expect(stored.body).toMatchObject({ delegation: 'Lyon', delegationId: lyon.id });
    const event = await system.tap.waitFor('registration.confirmed', (candidate) => candidate.subject === byName.body.id);
    expect((event.data as any).participant).toMatchObject({ delegation: 'Lyon', delegationId: lyon.id });
    expect((await register(4, { delegation: 'Roma' })).status).toBe(201);

    const form = await call(api(`/missions/${missionId}/registration-form`), { headers: { 'accept-language': 'it' } });
    expect(form.body.delegationOptions).toContainEqual({ id: rome.id, name: 'Roma', parentId: null });
    expect(form.body.delegationOptions).toContainEqual({ id: ludwigsburg.id, name: 'Ludwigsburg', parentId: stuttgart.id });

    // The web form offers them grouped by parent, and a head's invitation link chooses theirs.
    const page = await call(`${web.url}/m/${missionId}/register?delegationId=${ludwigsburg.id}`);
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html.indexOf('>Stuttgart Region<')).toBeLessThan(html.indexOf('— Ludwigsburg'));
    expect(html).toMatch(/<option value="Ludwigsburg"[^>]*selected/);
  });

  it('holds each quota exactly under concurrent registrations, a parent’s quota covering its sub-delegations', async () => {
    // Rome has one confirmed already (quota 4); Stuttgart Region's 5 cover Ludwigsburg's 3.
    const forms = [
      ...Array.from({ length: 12 }, (_, n) => ({ delegationId: rome.id, n: 100 + n })),
      ...Array.from({ length: 10 }, (_, n) => ({ delegationId: stuttgart.id, n: 200 + n })),
      ...Array.from({ length: 10 }, (_, n) => ({ delegationId: ludwigsburg.id, n: 300 + n })),
    ];
    const responses = await Promise.all(forms.map(({ delegationId, n }) => register(n, { delegation: undefined, delegationId })));
    expect(responses.filter((response) => response.status !== 201)).toEqual([]);
    const confirmed = (delegationId: string) =>
      forms.filter((form, index) => form.delegationId === delegationId && responses[index]!.body.status === 'confirmed').length;
    expect(confirmed(rome.id)).toBe(3);
    expect(confirmed(ludwigsburg.id)).toBeLessThanOrEqual(3);
    expect(confirmed(stuttgart.id) + confirmed(ludwigsburg.id)).toBe(5);

    const listed = await call(api(`/missions/${missionId}/delegations`), { token });
    const counts = Object.fromEntries(listed.body.items.map((one: any) => [one.name, one]));
    expect(counts['Stuttgart Region'].withSubDelegations.confirmed).toBe(5);
    expect(counts['Stuttgart Region'].withSubDelegations.waitlisted).toBe(15);
    expect(counts.Rome.registrations.confirmed).toBe(4);
  });

  it('lists and exports a sub-delegation under its parent', async () => {
    const within = await call(api(`/missions/${missionId}/registrations?delegationId=${stuttgart.id}&limit=100`), { token });
    expect(within.body.items).toHaveLength(20);
    const fromLudwigsburg = within.body.items.filter((one: any) => one.delegationId === ludwigsburg.id);
    expect(fromLudwigsburg).toHaveLength(10);
    expect(fromLudwigsburg.every((one: any) => one.parentDelegation === 'Stuttgart Region')).toBe(true);

    const csv = await call(api(`/missions/${missionId}/registrations?format=csv&delegationId=${ludwigsburg.id}`), { token });
    const [header, ...rows] = String(csv.body).trim().split('\n');
    const column = header!.split(',').indexOf('parentDelegation');
    expect(column).toBeGreaterThan(-1);
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.split(',')[column] === 'Stuttgart Region')).toBe(true);
  });

  it('opens the delegation to its head’s own link, and to nobody else', async () => {
    const head = await register(400, { delegation: undefined, delegationId: stuttgart.id });
    const set = await call(api(`/delegations/${stuttgart.id}`), { method: 'PATCH', token, body: { headRegistrationId: head.body.id } });
    expect(set.status).toBe(200);
    const headToken = head.body.accessToken;

    const headed = await call(api('/delegations/headed'), { token: headToken });
    expect(headed.body.items.map((one: any) => one.id).sort()).toEqual([stuttgart.id, ludwigsburg.id].sort());
    expect(headed.body.items[0].invitationPath).toBe(`/m/${missionId}/register?delegationId=${stuttgart.id}`);

    const members = await call(api(`/delegations/${stuttgart.id}/members`), { token: headToken });
    expect(members.status).toBe(200);
    expect(members.body.items).toHaveLength(21);
    expect(members.body.items.filter((one: any) => one.delegationId === ludwigsburg.id)).toHaveLength(10);
    expect(members.body.items.find((one: any) => one.registrationId === head.body.id)).toMatchObject({ head: true });

    // Not theirs: another delegation, and a member of another delegation through their own.
    expect((await call(api(`/delegations/${rome.id}/members`), { token: headToken })).status).toBe(403);
    expect((await call(api(`/delegations/${rome.id}`), { token: headToken })).status).toBe(403);
    const roman = (await call(api(`/delegations/${rome.id}/members`), { token })).body.items[0];
    expect((await call(api(`/delegations/${stuttgart.id}/members/${roman.registrationId}`), { method: 'DELETE', token: headToken })).status).toBe(404);
    // A member who heads nothing sees nothing; nor does anyone without a token.
    const member = members.body.items.find((one: any) => !one.head);
    const memberRegistration = (await register(401, { delegation: 'Lyon' })).body;
    const memberToken = memberRegistration.accessToken;
    expect((await call(api(`/delegations/${stuttgart.id}/members`), { token: memberToken })).status).toBe(403);
    expect((await call(api('/delegations/headed'), { token: memberToken })).body.items).toEqual([]);
    expect((await call(api(`/delegations/${stuttgart.id}/members`))).status).toBe(401);
    expect((await call(api(`/missions/${missionId}/delegations`), { token: headToken })).status).toBe(403);

    // The head marks a role and moves a member out.
    const role = await call(api(`/delegations/${stuttgart.id}/members/${member.registrationId}`), {
      method: 'PATCH',
      token: headToken,
      body: { role: 'Interpreter' },
    });
    expect(role.status).toBe(200);
    expect(role.body).toMatchObject({ role: 'Interpreter' });
    const out = await call(api(`/delegations/${stuttgart.id}/members/${member.registrationId}`), { method: 'DELETE', token: headToken });
    expect(out.status).toBe(204);
    expect((await call(api(`/registrations/${member.registrationId}`), { token })).body).toMatchObject({ delegationId: null, delegation: null });

    // The web pages: the head's own, with their members; a member's shows nothing; the organisers' console lists every delegation.
    const headPage = await call(`${web.url}/p/${head.body.id}/delegation`, {
      headers: { cookie: `mh_participant=${headToken}; mh_participant_of=${missionId}.${head.body.id}` },
    });
    expect(headPage.status).toBe(200);
    expect(String(headPage.body)).toContain(`/m/${missionId}/register?delegationId=${stuttgart.id}`);
    expect(String(headPage.body)).toContain(members.body.items.find((one: any) => one.delegationId === ludwigsburg.id).familyName);
    expect(String(headPage.body)).not.toContain(roman.registrationId);
    const memberCookie = { cookie: `mh_participant=${memberToken}; mh_participant_of=${missionId}.${memberRegistration.id}` };
    const memberPage = await call(`${web.url}/p/${memberRegistration.id}/delegation`, { headers: memberCookie });
    expect(memberPage.status).toBe(200);
    expect(String(memberPage.body)).toContain('You head no delegation');
    expect((await call(`${web.url}/p/${head.body.id}/delegation`, { headers: memberCookie })).status).toBe(403);
    const consolePage = await call(`${web.url}/console/m/${missionId}/delegations`, { headers: { cookie: `mh_organiser=${token}` } });
    expect(consolePage.status).toBe(200);
    expect(String(consolePage.body)).toMatch(/— <\/span>Ludwigsburg/);
  });

  it('merges a delegation into another: its members move, and it is removed naming where they went', async () => {
    const lyonMembers = (await call(api(`/delegations/${lyon.id}/members`), { token })).body.items;
    expect(lyonMembers.length).toBeGreaterThan(0);
    const merged = await call(api(`/delegations/${lyon.id}/merge`), { token, body: { into: rome.id } });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(rome.id);
    const removed = await system.tap.waitFor('delegation.removed', (event) => event.subject === lyon.id);
    expect(removed.data).toMatchObject({ missionId, mergedInto: rome.id });
    for (const member of lyonMembers) {
      expect((await call(api(`/registrations/${member.registrationId}`), { token })).body).toMatchObject({ delegation: 'Rome', delegationId: rome.id });
      const updated = await system.tap.waitFor('registration.updated', (event) => event.subject === member.registrationId);
      expect((updated.data as any).participant).toMatchObject({ delegation: 'Rome', delegationId: rome.id });
    }
    expect((await call(api(`/delegations/${lyon.id}`), { token })).status).toBe(404);
  });

  it('erases the head: their delegation has no head any more, and they are no one’s member', async () => {
    const head = (await call(api(`/delegations/${stuttgart.id}`), { token })).body.headRegistrationId;
    const erased = await call(api(`/registrations/${head}/erase`), { method: 'POST', token });
    expect(erased.status).toBe(200);
    expect((await call(api(`/delegations/${stuttgart.id}`), { token })).body.headRegistrationId).toBeNull();
    const saved = await system.tap.waitFor(
      'delegation.saved',
      (event) => event.subject === stuttgart.id && (event.data as any).headRegistrationId === null && (event.data as any).occurredAt >= erased.body.erasedAt,
    );
    expect(saved.data).toMatchObject({ name: 'Stuttgart Region' });
    expect((await call(api(`/registrations/${head}`), { token })).body).toMatchObject({ delegationId: null });
  });

  it('lets the dashboard count registrations per delegation, sub-delegations under their parent', async () => {
    const grouped = await eventually(
      async () => {
        const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
        const registrations = summary.body?.registrations;
        const row = (id: string) => registrations?.byDelegation?.find((one: any) => one.delegationId === id);
        if (row(stuttgart.id)?.delegation === 'Stuttgart Region' && row(ludwigsburg.id)?.parentName === 'Stuttgart Region' && row(lyon.id) === undefined) {
          return { registrations, stuttgartRow: row(stuttgart.id), ludwigsburgRow: row(ludwigsburg.id) };
        }
        throw new Error(JSON.stringify(registrations?.byDelegation));
      },
      { what: 'the dashboard to group registrations by delegation and parent', timeoutMs: 30_000 },
    );
    expect(grouped.ludwigsburgRow).toMatchObject({ parentId: stuttgart.id, parentName: 'Stuttgart Region' });
    const top = grouped.registrations.byParentDelegation.find((one: any) => one.delegationId === stuttgart.id);
    expect(top.total).toBe(grouped.stuttgartRow.total + grouped.ludwigsburgRow.total);
    expect(grouped.registrations.byParentDelegation.find((one: any) => one.delegationId === ludwigsburg.id)).toBeUndefined();
  });
});
