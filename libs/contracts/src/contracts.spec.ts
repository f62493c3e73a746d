import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildAsyncApiDocument } from './asyncapi.js';
import { eventTypes } from './catalogue.js';
import { EventContractError, createEvent, isEventType, parseEvent, sourceMismatch, sourceOf } from './events.js';
import { subscriptions } from './subscriptions.js';

const missionId = '7d0c2a3e-1f7b-4a57-9a1e-2b5f7e0c9d11';
const mission = {
  missionId,
  code: 'CN-2019',
  title: 'Smart cities mission',
  startsOn: '2019-06-09',
  endsOn: '2019-06-15',
  timezone: 'Asia/Shanghai',
  cities: [{ name: 'Chengdu', country: 'CN', timezone: 'Asia/Shanghai' }],
  themes: ['smart city'],
};

describe('event contracts', () => {
  it('builds a valid CloudEvent that carries correlation and causation over', () => {
    const first = createEvent('scheduling', 'mission.created', mission, { subject: missionId, missionId });
    expect(first).toMatchObject({
      specversion: '1.0',
      type: 'mission.created',
      source: '/mission-hub/scheduling',
      missionid: missionId,
      correlationid: first.id,
    });
    const next = createEvent('scheduling', 'mission.updated', mission, { subject: missionId, missionId, causedBy: first });
    expect(next.correlationid).toBe(first.id);
    expect(next.causationid).toBe(first.id);
    expect(parseEvent(JSON.parse(JSON.stringify(next)))).toEqual(next);
  });

  it('refuses to publish an event another service owns', () => {
    expect(() => createEvent('registration', 'mission.created', mission, { subject: missionId })).toThrow(/scheduling/);
  });

  it('refuses data that does not match the type, naming the field', () => {
    const event = createEvent('scheduling', 'mission.created', mission, { subject: missionId });
    const broken = { ...event, data: { ...mission, timezone: 'Mars/Olympus' } };
    expect(() => parseEvent(broken)).toThrow(EventContractError);
    try {
      parseEvent(broken);
    } catch (error) {
      expect((error as EventContractError).issues.map((issue) => issue.path)).toContain('timezone');
    }
  });

  it('refuses unknown types, unknown versions and malformed envelopes', () => {
    const event = createEvent('scheduling', 'mission.created', mission, { subject: missionId });
    expect(() => parseEvent({ ...event, type: 'mission.exploded' })).toThrow(/unknown event type/);
    expect(() => parseEvent({ ...event, dataversion: '9' })).toThrow(/unknown dataversion/);
    expect(() => parseEvent({ ...event, id: 'not-a-uuid' })).toThrow(/envelope/);
    expect(() => parseEvent('just a string')).toThrow(/envelope/);
  });

  it('still reads an enrolment event from before it carried its session and previous status (fields added later are optional)', () => {
    const enrolment = {
      enrolmentId: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
      sessionId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      missionId,
      registrationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      waitlistPosition: null,
    };
    const older = createEvent('scheduling', 'enrolment.cancelled', enrolment, { subject: enrolment.enrolmentId, missionId });
    expect(parseEvent(JSON.parse(JSON.stringify(older))).data).toEqual(enrolment);
    const session = {
      kind: 'site_visit',
      title: 'E-bus factory',
      startsAt: '2019-06-13T01:00:00Z',
      endsAt: '2019-06-13T04:00:00Z',
      timezone: 'Asia/Shanghai',
      venue: null,
    };
    const newer = { ...enrolment, session, previousStatus: 'confirmed' as const, reason: 'withdrawn' as const };
    expect(createEvent('scheduling', 'enrolment.cancelled', newer, { subject: enrolment.enrolmentId, missionId }).data).toEqual(newer);
    expect(() => createEvent('scheduling', 'enrolment.cancelled', { ...newer, reason: 'bored' as never }, { subject: enrolment.enrolmentId })).toThrow(
      EventContractError,
    );
  });

  it('documents every event type in an AsyncAPI document that the AsyncAPI parser accepts', async () => {
    const document = buildAsyncApiDocument();
    const { diagnostics, document: parsed } = await new Parser().parse(JSON.stringify(document));
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors).toEqual([]);
    expect(
      parsed
        ?.channels()
        .all()
        .map((channel) => channel.address())
        .sort(),
    ).toEqual([...eventTypes].sort());
  });

  it('keeps docs/asyncapi.yaml the same as what the contracts generate (npm run asyncapi)', () => {
    const committed = parse(readFileSync(new URL('../../../docs/asyncapi.yaml', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
  });
});

describe('who may publish what', () => {
  const data = {
    missionId: '6f1c3d4e-0000-4000-8000-000000000001',
    code: 'CN-2019',
    title: 'Smart cities mission to Chengdu',
    startsOn: '2019-06-03',
    endsOn: '2019-06-09',
    timezone: 'Asia/Shanghai',
    cities: [{ name: 'Chengdu', country: 'CN', timezone: 'Asia/Shanghai' }],
    themes: ['smart cities'],
  };

  it('believes an event whose source is the service that owns its type', () => {
    const event = createEvent('scheduling', 'mission.created', data, { subject: data.missionId });
    expect(event.source).toBe(sourceOf('scheduling'));
    expect(sourceMismatch(event)).toBeUndefined();
  });

  it('says why an event from another source is refused', () => {
    const event = createEvent('scheduling', 'mission.created', data, { subject: data.missionId });
    expect(sourceMismatch({ ...event, source: '/mission-hub/registration' })).toBe(
      'source /mission-hub/registration does not own mission.created: only /mission-hub/scheduling publishes it',
    );
  });

  it('names in the topology table only event types that exist', () => {
    for (const patterns of Object.values(subscriptions)) {
      for (const pattern of patterns) if (!pattern.includes('#') && !pattern.includes('*')) expect(isEventType(pattern)).toBe(true);
    }
  });
});
