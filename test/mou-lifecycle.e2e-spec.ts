import { createHash } from 'node:crypto';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { mouInput, uploadVersion } from './support/mou.js';
import { useSystem } from './support/system.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('one mission’s MoU, from draft to in force, with an amendment', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'mou-registry', 'dashboard'] });
  let mous: string;

  beforeAll(() => {
    mous = `${system.url('mou-registry')}/api/mous`;
  });

  it('records, signs and amends it, each text kept with its hash, the signed one frozen, the trail intact', async () => {
    const { missionId, token } = await openMission(system);
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(1) });
    expect(registered.body.status).toBe('confirmed');
    const registrationId = registered.body.id as string;
    // The registry learns of the participant from registration.confirmed.
    await system.tap.waitFor('registration.confirmed', (event) => event.subject === registrationId);

    const input = mouInput({
      missionId,
      signatories: [
        { name: 'Delegate Number 1', title: 'Head of international relations', party: 'Ajuntament de Barcelona', registrationId },
        { name: 'Wang Fang', title: 'Vice Mayor', party: 'Chengdu Municipal People’s Government' },
      ],
    });
    const created = await eventually(async () => {
      const response = await call(mous, { token, body: input, headers: { 'Idempotency-Key': `mou-${missionId}` } });
      return response.status === 201 ? response : undefined;
    });
    const mou = created.body;
    expect(mou).toMatchObject({ status: 'draft', missionId, visibility: 'public', reference: expect.stringMatching(/^MOU-\d{4}-\d{4}$/) });
    expect(mou.signatories[0]).toMatchObject({ registrationId, erased: false });
    const replay = await call(mous, { token, body: input, headers: { 'Idempotency-Key': `mou-${missionId}` } });
    expect(replay.body.id).toBe(mou.id);
    await system.tap.waitFor('mou.drafted', (event) => event.subject === mou.id);

    const url = `${mous}/${mou.id}`;
    const draftText = Buffer.from('%PDF-1.4 draft text of the MoU');
    const signedText = Buffer.from('%PDF-1.4 the text as signed in Chengdu');
    const first = await uploadVersion(mous.replace('/api/mous', ''), mou.id, token, draftText);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, sha256: sha256(draftText), size: draftText.length, language: 'en', amendment: false, signed: null });

    const tooEarly = await call(`${url}/status`, { token, body: { status: 'signed' } });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({ currentStatus: 'draft', allowed: ['negotiating', 'terminated'] });

    expect((await call(`${url}/status`, { token, body: { status: 'negotiating' } })).status).toBe(200);
    const second = await uploadVersion(mous.replace('/api/mous', ''), mou.id, token, signedText, 'zh-CN');
    expect(second.body).toMatchObject({ version: 2, sha256: sha256(signedText), language: 'zh-CN' });

    const notReady = await call(`${url}/status`, { token, body: { status: 'signed' } });
    expect(notReady.status).toBe(422);
    expect(notReady.body.errors.map((error: { field: string }) => error.field)).toEqual(['signedOn', 'signedPlace']);

    const signed = await call(`${url}/status`, { token, body: { status: 'signed', signedOn: '2019-06-12', signedPlace: 'Chengdu' } });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', signedOn: '2019-06-12', signedPlace: 'Chengdu' });
    expect(signed.body.versions[1]).toMatchObject({ version: 2, signed: { on: '2019-06-12', place: 'Chengdu' } });
    expect(signed.body.versions[0].signed).toBeNull();

    // What was signed cannot be edited, nor can the signed text be changed, even in the database.
    const edit = await call(url, { method: 'PATCH', token, body: { title: 'Something else' } });
    expect(edit.status).toBe(409);
    expect(edit.body.fields).toEqual(['title']);
    await withDatabase((database) =>
      expect(
        database.query(`UPDATE "${system.schemaOf('mou-registry')}".mou_versions SET content = 'forged' WHERE mou_id = $1 AND version = 2`, [mou.id]),
      ).rejects.toThrow(/frozen/),
    );

    expect((await call(`${url}/status`, { token, body: { status: 'in_force' } })).body.status).toBe('in_force');

    const amendmentText = Buffer.from('%PDF-1.4 amendment 1: a third pilot district');
    const amendment = await uploadVersion(mous.replace('/api/mous', ''), mou.id, token, amendmentText);
    expect(amendment.body).toMatchObject({ version: 3, amendment: true, signed: null, sha256: sha256(amendmentText) });
    const signedAmendment = await call(`${url}/versions/3/sign`, { token, body: { signedOn: '2020-03-02', signedPlace: 'Barcelona' } });
    expect(signedAmendment.status).toBe(200);
    expect(signedAmendment.body.signed).toMatchObject({ on: '2020-03-02', place: 'Barcelona' });
    expect((await call(`${url}/versions/3/sign`, { token, body: { signedOn: '2020-03-02', signedPlace: 'Barcelona' } })).status).toBe(409);

    // Anyone can download the signed text and check it against the register's hash.
    const download = await fetch(`${url}/versions/2/document`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.equals(signedText)).toBe(true);
    expect(download.headers.get('x-content-sha256')).toBe(sha256(signedText));
    expect(download.headers.get('content-type')).toMatch(/^application\/pdf/);

    const history = await call(`${url}/history`);
    expect(history.body.entries.map((entry: { action: string }) => entry.action)).toEqual([
      'created',
      'version_added',
      'status_changed',
      'version_added',
      'status_changed',
      'status_changed',
      'version_added',
      'amendment_signed',
    ]);
    expect(history.body.entries[4]).toMatchObject({
      actor: 'organiser@test',
      details: { from: 'negotiating', to: 'signed', version: 2, sha256: sha256(signedText) },
    });
    expect((await call(`${url}/history/verify`)).body).toMatchObject({ intact: true, entries: 8 });

    await eventually(() => system.tap.ofType('mou.version_added', (event) => event.subject === mou.id).length === 3);
    const changes = system.tap.ofType('mou.status_changed', (event) => event.subject === mou.id);
    expect(changes.map(({ data }) => [(data as { previousStatus: string }).previousStatus, (data as { status: string }).status])).toEqual([
      ['draft', 'negotiating'],
      ['negotiating', 'signed'],
      ['signed', 'in_force'],
    ]);
    const summary = await eventually(async () => {
      const response = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
      return response.body?.mous?.byStatus?.in_force === 1 ? response.body : undefined;
    });
    expect(summary.mous.total).toBe(1);
  });

  it('stores an upload once when it is retried with its Idempotency-Key, and keeps each organiser’s keys their own', async () => {
    const { missionId, token } = await openMission(system);
    const created = await call(mous, { token, body: mouInput({ missionId }) });
    expect(created.status).toBe(201);
    const base = system.url('mou-registry');
    const text = Buffer.from('%PDF-1.4 an upload whose answer was lost');
    const key = { 'Idempotency-Key': `upload-${created.body.id}` };

    const first = await uploadVersion(base, created.body.id, token, text, 'en', 'application/pdf', key);
    const retried = await uploadVersion(base, created.body.id, token, text, 'en', 'application/pdf', key);
    expect([first.status, retried.status]).toEqual([201, 201]);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(first.body);
    // The same key for another request (the text in another language) is a mistake, not a retry.
    expect((await uploadVersion(base, created.body.id, token, text, 'zh-CN', 'application/pdf', key)).status).toBe(422);

    // A colleague who happens to choose the same key makes a request of their own, and sees nothing of the first.
    const colleague = system.organiserToken([missionId], 'colleague@test');
    const theirs = await uploadVersion(base, created.body.id, colleague, text, 'en', 'application/pdf', key);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.version).toBe(first.body.version + 1);
    expect((await call(`${mous}/${created.body.id}/versions`, { token })).body.map((version: any) => version.version)).toEqual([1, 2]);
  });

  it('answers a malformed id or version in the address with a 400 naming it, and a crafted cursor too, never a 500', async () => {
    const token = system.organiserToken();
    const created = await call(mous, { token, body: mouInput() });
    expect((await call(`${mous}/not-a-uuid`)).body).toMatchObject({ status: 400, errors: [{ field: 'id', message: 'must be a UUID' }] });
    const tooLarge = await call(`${mous}/${created.body.id}/versions/99999999999/document`);
    expect(tooLarge.body).toMatchObject({ status: 400, errors: [{ field: 'version' }] });
    const pastBigint = Buffer.from(JSON.stringify(['9999999999999999999'])).toString('base64url');
    expect((await call(`${mous}?cursor=${pastBigint}`)).body).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
  });

  it('answers a wrong step with a 409 naming the allowed ones, and an invalid record by naming each field, storing nothing', async () => {
    const token = system.organiserToken();
    const created = await call(mous, { token, body: mouInput() });
    expect(created.status).toBe(201);
    const wrong = await call(`${mous}/${created.body.id}/status`, { token, body: { status: 'in_force' } });
    expect(wrong.status).toBe(409);
    expect(wrong.headers.get('content-type')).toMatch(/problem\+json/);
    expect(wrong.body).toMatchObject({ type: expect.stringMatching(/invalid-transition$/), currentStatus: 'draft', allowed: ['negotiating', 'terminated'] });
    const base = system.url('mou-registry');
    const tooLarge = await uploadVersion(base, created.body.id, token, Buffer.alloc(21 * 1024 * 1024, 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.type).toMatch(/body-too-large$/);
    const asJson = await call(`${mous}/${created.body.id}/versions?language=en`, { token, body: { content: 'base64?' } });
    expect(asJson.status).toBe(415);
    const noLanguage = await uploadVersion(base, created.body.id, token, Buffer.from('text'), 'not a language');
    expect(noLanguage.body.errors).toEqual([expect.objectContaining({ field: 'language' })]);
    expect((await call(`${mous}/${created.body.id}/versions`)).body).toEqual([]);
    const expire = await call(`${mous}/${created.body.id}/status`, { token, body: { status: 'expired' } });
    expect(expire.status).toBe(409);
    expect(expire.body.detail).toMatch(/expires by itself/);

    const before = (await call(`${mous}?visibility=public&limit=500`, { token })).body.items.length;
    const bad = await call(mous, {
      token,
      body: mouInput({
        title: '',
        parties: [{ name: 'Only one', kind: 'city', country: 'ES' }],
        signatories: [{ name: 'X', title: 'Mayor', party: 'Nobody', registrationId: '00000000-0000-4000-8000-000000000000' }],
        expiresOn: '2019-01-01',
        visibility: 'secret',
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['parties', 'title', 'visibility']);
    const unknownParticipant = await call(mous, {
      token,
      body: mouInput({
        signatories: [{ name: 'X', title: 'Mayor', party: 'Ajuntament de Barcelona', registrationId: '00000000-0000-4000-8000-000000000000' }],
      }),
    });
    expect(unknownParticipant.status).toBe(400);
    expect(unknownParticipant.body.errors).toEqual([{ field: 'signatories.0.registrationId', message: 'is not a participant known to the registry' }]);
    expect((await call(`${mous}?visibility=public&limit=500`, { token })).body.items.length).toBe(before);
  });
});
