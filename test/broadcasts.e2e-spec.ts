import { hashParticipantToken } from '#common';
import { createEvent, type EventData } from '#contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { call } from './support/api.js';
import { eventually } from './support/eventually.js';
import { notificationsSettled } from './support/notifications.js';
import { useSystem } from './support/system.js';

/**
 * Broadcasts on the real notifications and dashboard services and a test SMTP server. Registration's
 * delegations and registrations (with their delegation ids and access-token hashes) are published as
 * registration publishes them: the contract between the two.
 */
describe('broadcasts', () => {
  const system = useSystem({ services: ['notifications', 'dashboard'] });
  const missionId = randomUUID();
  const mission = { code: 'CN-2019', title: 'Smart cities mission to Chengdu', startsOn: '2019-06-09', endsOn: '2019-06-15', timezone: 'Asia/Shanghai' };
  const delegations = { stuttgart: randomUUID(), ludwigsburg: randomUUID(), rome: randomUUID() };
  type Person = { id: string; email: string; token: string };
  const people: Record<'anna' | 'jordi' | 'joana' | 'bruno' | 'marta' | 'eve' | 'carl', Person> = {} as never;
  const notifications = () => system.url('notifications');
  const organiser = () => system.organiserToken([missionId]);

  const texts = {
    en: { subject: 'The coach leaves at 7:30', body: 'The coach to Liuzhou leaves at 7:30 instead of 8:00.\n\nPlease be in the lobby by 7:20.' },
    es: { subject: 'El autocar sale a las 7:30', body: 'El autocar a Liuzhou sale a las 7:30 en lugar de las 8:00.' },
    de: { subject: 'Der Bus fährt um 7:30 Uhr', body: 'Der Bus nach Liuzhou fährt um 7:30 Uhr statt um 8:00 Uhr.' },
  };
  const toStuttgart = { anyOf: [{ type: 'delegations', delegationIds: [delegations.stuttgart] }] };

  async function saveDelegation(delegationId: string, name: string, parentId: string | null) {
    const data: EventData<'delegation.saved'> = {
      delegationId,
      missionId,
      name,
      names: { en: name },
      country: name === 'Rome' ? 'IT' : 'DE',
      city: name,
      parentId,
      headRegistrationId: null,
      precedence: 1,
      quota: null,
      occurredAt: new Date().toISOString(),
    };
    await system.producer.publish(createEvent('registration', 'delegation.saved', data, { subject: delegationId, missionId }));
  }

  async function register(
    n: number,
    who: { givenName: string; familyName: string; preferredLanguage: string; delegationId: string | null },
    status: 'confirmed' | 'cancelled' = 'confirmed',
  ): Promise<Person> {
    const id = randomUUID();
    const email = `${who.givenName.toLowerCase()}.${n}@example.org`;
    const token = `mhp_${randomBytes(32).toString('base64url')}`;
    const data: EventData<'registration.confirmed'> = {
      registrationId: id,
      missionId,
      status,
      previousStatus: null,
      waitlistPosition: null,
      participant: {
        email,
        givenName: who.givenName,
        familyName: who.familyName,
        jobTitle: null,
        preferredLanguage: who.preferredLanguage,
        timezone: 'Europe/Berlin',
        organisation: { name: 'Region Stuttgart', type: 'government', country: 'DE' },
        delegation: null,
        delegationId: who.delegationId,
      },
      category: null,
      mission,
      reason: null,
      occurredAt: new Date().toISOString(),
      accessTokenHash: hashParticipantToken(token),
      linkGeneration: 1,
      tokenGeneration: 1,
    };
    await system.producer.publish(
      createEvent('registration', status === 'confirmed' ? 'registration.confirmed' : 'registration.cancelled', data, { subject: id, missionId }),
    );
    return { id, email, token };
  }

  const mailsOf = (broadcastId: string) => system.smtp.received.filter((mail) => mail.eventId === broadcastId);

  beforeAll(async () => {
    await saveDelegation(delegations.stuttgart, 'Stuttgart Region', null);
    await saveDelegation(delegations.ludwigsburg, 'Ludwigsburg', delegations.stuttgart);
    await saveDelegation(delegations.rome, 'Rome', null);
    const [anna, jordi, joana, bruno, marta, eve, carl] = await Promise.all([
      register(1, { givenName: 'Anna', familyName: 'Schmidt', preferredLanguage: 'de-DE', delegationId: delegations.stuttgart }),
      // In the sub-delegation: Catalan reads Spanish before English; Portuguese gets the fallback chain's English.
      register(2, { givenName: 'Jordi', familyName: 'Puig', preferredLanguage: 'ca', delegationId: delegations.ludwigsburg }),
      register(3, { givenName: 'Joana', familyName: 'Silva', preferredLanguage: 'pt-BR', delegationId: delegations.ludwigsburg }),
      register(4, { givenName: 'Bruno', familyName: 'Bounce', preferredLanguage: 'en', delegationId: delegations.stuttgart }),
      register(5, { givenName: 'Marta', familyName: 'Rossi', preferredLanguage: 'it', delegationId: delegations.rome }),
      register(6, { givenName: 'Eve', familyName: 'Erased', preferredLanguage: 'en', delegationId: delegations.stuttgart }),
      register(7, { givenName: 'Carl', familyName: 'Cancelled', preferredLanguage: 'en', delegationId: delegations.stuttgart }, 'cancelled'),
    ]);
    Object.assign(people, { anna, jordi, joana, bruno, marta, eve, carl });
    system.smtp.bounce(bruno.email);
    await system.producer.publish(
      createEvent(
        'registration',
        'participant.erased',
        { registrationId: eve.id, missionId, erasedAt: new Date().toISOString() },
        { subject: eve.id, missionId },
      ),
    );
    await notificationsSettled(system);
  });

  it('previews who a delegation reaches (with its sub-delegation), in which language, with names and no addresses', async () => {
    const preview = await call(`${notifications()}/api/missions/${missionId}/broadcasts/preview?limit=2`, {
      token: organiser(),
      body: { audience: toStuttgart, texts, defaultLanguage: 'en' },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.recipients).toBe(4);
    expect(preview.body.languages).toEqual({ en: 2, es: 1, de: 1 });
    // By family name, two per page.
    expect(preview.body.items.map((item: any) => [item.name, item.language])).toEqual([
      ['Bruno Bounce', 'en'],
      ['Jordi Puig', 'es'],
    ]);
    expect(preview.body.nextOffset).toBe(2);
    expect(JSON.stringify(preview.body)).not.toContain('@');
    // Another mission's organiser sees nothing of it.
    const stranger = await call(`${notifications()}/api/missions/${missionId}/broadcasts/preview`, {
      token: system.organiserToken([randomUUID()]),
      body: { audience: toStuttgart, texts, defaultLanguage: 'en' },
    });
    expect(stranger.status).toBe(403);
    // No text in the default language: refused, naming the field.
    const untexted = await call(`${notifications()}/api/missions/${missionId}/broadcasts`, {
      token: organiser(),
      body: { audience: toStuttgart, texts: { de: texts.de }, defaultLanguage: 'en' },
    });
    expect(untexted.status).toBe(400);
  });

  it('reaches exactly the delegation’s members and its sub-delegation’s, each once, in their language, on their feed; figures match', async () => {
    const created = await call(`${notifications()}/api/missions/${missionId}/broadcasts`, {
      token: organiser(),
      body: { audience: toStuttgart, texts, defaultLanguage: 'en' },
    });
    expect(created.status).toBe(201);
    const broadcastId = created.body.id as string;

    const figures = async () => (await call(`${notifications()}/api/missions/${missionId}/broadcasts/${broadcastId}`, { token: organiser() })).body;
    await eventually(async () => (await figures()).figures.pending === 0 && (await figures()).status === 'sent', {
      what: 'the broadcast sent',
      timeoutMs: 20_000,
    });
    await notificationsSettled(system);

    const { anna, jordi, joana, bruno, marta, eve, carl } = people;
    const mails = mailsOf(broadcastId);
    // Bruno's server refused his for good; Marta is in another delegation, Eve erased, Carl cancelled.
    expect(mails.flatMap((mail) => mail.to).sort()).toEqual([anna.email, jordi.email, joana.email].sort());
    const subjectOf = (person: Person) => mails.find((mail) => mail.to.includes(person.email))!.subject;
    expect(subjectOf(anna)).toBe('Der Bus fährt um 7:30 Uhr (Smart cities mission to Chengdu)');
    expect(subjectOf(jordi)).toBe('El autocar sale a las 7:30 (Smart cities mission to Chengdu)');
    expect(subjectOf(joana)).toBe('The coach leaves at 7:30 (Smart cities mission to Chengdu)');
    const toJordi = mails.find((mail) => mail.to.includes(jordi.email))!;
    // The frame in the language of the text: Spanish for a Catalan reader of a broadcast without Catalan.
    expect(toJordi.text).toContain('Un mensaje de la organización de Smart cities mission to Chengdu:');
    expect(toJordi.text).toContain('El autocar a Liuzhou sale a las 7:30');
    for (const person of [bruno, marta, eve, carl]) expect(system.smtp.to(person.email).filter((mail) => mail.eventId === broadcastId)).toHaveLength(0);

    const view = await figures();
    expect(view.recipients).toBe(4);
    expect(view.figures).toEqual({ queued: 4, pending: 0, sent: 3, failed: 0, bounced: 1 });

    // On their feeds, in the language it was sent to them in; nobody reads another's.
    const feedOf = (person: Person, token = person.token) =>
      call(`${notifications()}/api/missions/${missionId}/participants/${person.id}/broadcasts`, { token });
    const annaFeed = await feedOf(anna);
    expect(annaFeed.status).toBe(200);
    expect(annaFeed.body.items).toEqual([expect.objectContaining({ id: broadcastId, language: 'de', subject: texts.de.subject, body: texts.de.body })]);
    expect((await feedOf(jordi)).body.items[0]).toEqual(expect.objectContaining({ language: 'es', subject: texts.es.subject }));
    expect((await feedOf(marta)).body.items).toEqual([]);
    expect((await feedOf(anna, marta.token)).status).toBe(403);
    expect((await feedOf(eve)).status).toBe(401);

    // The dashboard counts the same from the events.
    await eventually(
      async () => {
        const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token: organiser() });
        const row = summary.body.broadcasts?.find((entry: any) => entry.broadcastId === broadcastId);
        return row && row.queued === 4 && row.sent === 3 && row.failed === 0 && row.bounced === 1;
      },
      { what: 'the dashboard’s figures of the broadcast', timeoutMs: 20_000 },
    );

    // Gone: it cannot be cancelled any more.
    const late = await call(`${notifications()}/api/missions/${missionId}/broadcasts/${broadcastId}/cancel`, { token: organiser(), body: {} });
    expect(late.status).toBe(409);
    expect(late.body.type).toMatch(/broadcast-not-cancellable$/);
    expect(late.body.broadcastStatus).toBe('sent');
  });

  it('sends nothing of a scheduled broadcast cancelled before its time', async () => {
    const soon = new Date(Date.now() + 2_000).toISOString();
    const scheduled = await call(`${notifications()}/api/missions/${missionId}/broadcasts`, {
      token: organiser(),
      body: { audience: { anyOf: [{ type: 'mission' }] }, texts, defaultLanguage: 'en', sendAt: soon },
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.status).toBe('scheduled');
    const cancelled = await call(`${notifications()}/api/missions/${missionId}/broadcasts/${scheduled.body.id}/cancel`, { token: organiser(), body: {} });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    // A later one as a barrier: broadcasts go in the order of their time, so once it went, the cancelled one's time has passed.
    const barrier = await call(`${notifications()}/api/missions/${missionId}/broadcasts`, {
      token: organiser(),
      body: {
        audience: { anyOf: [{ type: 'delegations', delegationIds: [delegations.rome] }] },
        texts,
        defaultLanguage: 'en',
        sendAt: new Date(Date.parse(soon) + 500).toISOString(),
      },
    });
    await eventually(() => mailsOf(barrier.body.id).length === 1, { what: 'the later broadcast to Rome', timeoutMs: 20_000 });
    await notificationsSettled(system);
    expect(mailsOf(scheduled.body.id)).toHaveLength(0);
    const after = await call(`${notifications()}/api/missions/${missionId}/broadcasts/${scheduled.body.id}`, { token: organiser() });
    expect(after.body).toEqual(
      expect.objectContaining({ status: 'cancelled', recipients: null, figures: { queued: 0, pending: 0, sent: 0, failed: 0, bounced: 0 } }),
    );
    // Marta has the later one only.
    const martaFeed = await call(`${notifications()}/api/missions/${missionId}/participants/${people.marta.id}/broadcasts`, { token: people.marta.token });
    expect(martaFeed.body.items.map((item: any) => [item.id, item.language])).toEqual([[barrier.body.id, 'en']]);
  });
});
