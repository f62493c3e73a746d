import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { mouInput } from './support/mou.js';
import { useSystem } from './support/system.js';

describe('the MoU register', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'mou-registry'] });
  let mous: string;
  let token: string;

  beforeAll(() => {
    mous = `${system.url('mou-registry')}/api/mous`;
    token = system.organiserToken();
  });

  it('shows the public only public MoUs, without contact data, filtered, searched and paginated', async () => {
    const { missionId } = await openMission(system);
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, {
      body: registrationInput(7, { email: 'signatory7@example.org' }),
    });
    const registrationId = registered.body.id as string;
    await system.tap.waitFor('registration.confirmed', (event) => event.subject === registrationId);
    const linked = [
      { name: 'Delegate Number 7', title: 'Director', party: 'Ajuntament de Barcelona', registrationId },
      { name: 'Wang Fang', title: 'Vice Mayor', party: 'Chengdu Municipal People’s Government' },
    ];
    const create = async (overrides: Record<string, unknown>) => {
      const response = await eventually(async () => {
        const attempt = await call(mous, { token, body: mouInput({ missionId, ...overrides }) });
        return attempt.status === 201 ? attempt : undefined;
      });
      return response.body;
    };
    const energy = await create({
      title: 'Energiewende-Partnerschaft Stuttgart–Liuzhou',
      summary: { de: 'Zusammenarbeit bei Wasserstoffbussen und Fernwärme.', 'zh-CN': '氢能公交和区域供热合作' },
      themes: ['energy'],
      parties: [
        { name: 'Region Stuttgart', kind: 'government_body', country: 'DE' },
        { name: 'Liuzhou Municipal Government', kind: 'city', country: 'CN' },
      ],
      signatories: [],
      signedOn: '2019-06-13',
      signedPlace: 'Liuzhou',
    });
    const withSignatory = await create({ signatories: linked, themes: ['vocational education'] });
    const secret = await create({ title: 'Confidential draft with Rome', visibility: 'organisers', themes: ['energy'] });
    const formula = await create({ title: '=HYPERLINK("http://evil.example","click")', themes: ['manufacturing'] });

    const publicList = await call(`${mous}?mission=${missionId}`);
    expect(publicList.status).toBe(200);
    const ids = publicList.body.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual([formula.id, withSignatory.id, energy.id]);
    expect(JSON.stringify(publicList.body)).not.toContain(registrationId);
    // Asking for the organisers' MoUs does not show them to the public.
    expect((await call(`${mous}?mission=${missionId}&visibility=organisers`)).body.items.map((item: { id: string }) => item.id)).not.toContain(secret.id);
    expect((await call(`${mous}/${secret.id}`)).status).toBe(404);
    const record = await call(`${mous}/${withSignatory.id}`);
    expect(record.body.signatories[0]).toEqual({ name: 'Delegate Number 7', title: 'Director', party: 'Ajuntament de Barcelona' });
    expect(JSON.stringify(record.body)).not.toMatch(/signatory7@example\.org|registrationId/);

    const organisers = await call(`${mous}?mission=${missionId}&visibility=organisers`, { token });
    expect(organisers.body.items.map((item: { id: string }) => item.id)).toEqual([secret.id]);
    expect((await call(`${mous}?mission=${missionId}`, { token: system.organiserToken(['00000000-0000-4000-8000-000000000001']) })).body.items).toHaveLength(3);

    const only = async (query: string) => (await call(`${mous}?mission=${missionId}&${query}`)).body.items.map((item: { id: string }) => item.id);
    expect(await only('theme=energy')).toEqual([energy.id]);
    expect(await only('country=DE')).toEqual([energy.id]);
    expect(await only('party=region%20stuttgart')).toEqual([energy.id]);
    expect(await only('year=2019')).toEqual([energy.id]);
    expect(await only('status=draft')).toHaveLength(3);
    expect(await only(`q=${encodeURIComponent('Wasserstoffbussen')}`)).toEqual([energy.id]);
    expect(await only(`q=${encodeURIComponent('氢能公交和区域供热合作')}`)).toEqual([energy.id]);
    expect(await only('q=cooperation%20vocational')).toEqual([formula.id, withSignatory.id]);

    const first = await call(`${mous}?mission=${missionId}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await call(`${mous}?mission=${missionId}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: energy.id })], nextCursor: null });
    expect((await call(`${mous}?cursor=nonsense`)).body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    expect((await call(`${mous}?year=abc&status=lost`)).body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['status', 'year']);

    const csv = await call(`${mous}/export?mission=${missionId}&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('reference,title,status,visibility,missionId,signedOn,signedPlace,entryIntoForceOn,expiresOn,themes,parties,summary');
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv.body).not.toContain('Confidential');
    const json = await call(`${mous}/export?mission=${missionId}&format=json`);
    expect(json.body.map((item: { reference: string }) => item.reference)).toEqual([formula.reference, withSignatory.reference, energy.reference]);
    expect((await call(`${mous}/export?mission=${missionId}&format=json`, { token })).body).toHaveLength(4);
  });

  it('keeps the fact of a signature when the participant who signed is erased, and drops their contact data', async () => {
    const { missionId, token: missionToken } = await openMission(system);
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(8) });
    const registrationId = registered.body.id as string;
    await system.tap.waitFor('registration.confirmed', (event) => event.subject === registrationId);
    const signatories = [
      { name: 'Delegate Number 8', title: 'Director', party: 'Ajuntament de Barcelona', registrationId },
      { name: 'Wang Fang', title: 'Vice Mayor', party: 'Chengdu Municipal People’s Government' },
    ];
    const mou = await eventually(async () => {
      const attempt = await call(mous, { token: missionToken, body: mouInput({ missionId, signatories }) });
      return attempt.status === 201 ? attempt.body : undefined;
    });
    const milestone = await call(`${mous}/${mou.id}/milestones`, { token, body: { title: 'Report', dueOn: '2030-01-01', owner: { registrationId } } });
    expect(milestone.body.owner).toEqual({ name: 'Delegate Number 8', email: 'delegate8@example.org', preferredLanguage: 'en', registrationId });

    expect((await call(`${system.url('registration')}/api/registrations/${registrationId}/erase`, { token, method: 'POST' })).status).toBe(200);
    const record = await eventually(async () => {
      const response = await call(`${mous}/${mou.id}`, { token });
      return response.body.signatories[0].erased ? response.body : undefined;
    });
    expect(record.signatories[0]).toEqual({ name: null, title: 'Director', party: 'Ajuntament de Barcelona', registrationId, erased: true });
    const owner = (await call(`${mous}/${mou.id}/milestones`, { token })).body[0].owner;
    expect(owner).toEqual({ name: '(erased participant)', email: null, preferredLanguage: null, registrationId });
    expect((await call(`${mous}/${mou.id}/history/verify`)).body.intact).toBe(true);
    // An erased participant can no longer be named as a signatory.
    const again = await call(mous, { token, body: mouInput({ missionId, signatories }) });
    expect(again.body.errors).toEqual([{ field: 'signatories.0.registrationId', message: 'is not a participant known to the registry' }]);
  });

  it('never gives two of 50 MoUs created at once the same reference number', async () => {
    const created = await Promise.all(Array.from({ length: 50 }, () => call(mous, { token, body: mouInput({ signedOn: '2031-05-01', signedPlace: 'Rome' }) })));
    expect(created.map((response) => response.status)).toEqual(Array(50).fill(201));
    const references = created.map((response) => response.body.reference as string);
    expect(new Set(references).size).toBe(50);
    expect(references.every((reference) => /^MOU-2031-\d{4}$/.test(reference))).toBe(true);
    expect(references.map((reference) => Number(reference.slice(-4))).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
  });

  it('names the first entry of a trail that was tampered with in the database', async () => {
    const mou = (await call(mous, { token, body: mouInput() })).body;
    for (const status of ['negotiating', 'draft', 'negotiating']) await call(`${mous}/${mou.id}/status`, { token, body: { status } });
    expect((await call(`${mous}/${mou.id}/history/verify`)).body).toMatchObject({ intact: true, entries: 4 });
    await withDatabase((database) =>
      database.query(`UPDATE "${system.schemaOf('mou-registry')}".mou_history SET actor = 'someone-else' WHERE mou_id = $1 AND seq = 3`, [mou.id]),
    );
    const verdict = await call(`${mous}/${mou.id}/history/verify`);
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({ intact: false, entries: 4, brokenAt: 3, reason: 'its content does not match its hash' });
  });
});
