import fc from 'fast-check';
import {
  broadcastLanguage,
  cancellable,
  countByLanguage,
  delegationsWithin,
  selectAudience,
  type Audience,
  type AudienceWorld,
  type Candidate,
} from './broadcast.rules.js';

const stuttgart = 'd0000000-0000-4000-8000-000000000001';
const ludwigsburg = 'd0000000-0000-4000-8000-000000000002';
const esslingen = 'd0000000-0000-4000-8000-000000000003';
const rome = 'd0000000-0000-4000-8000-000000000004';
const session = 'e0000000-0000-4000-8000-000000000001';

function person(n: number, overrides: Partial<Candidate> = {}): Candidate {
  return {
    registrationId: `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    status: 'confirmed',
    delegationId: null,
    categoryId: null,
    categoryCode: null,
    preferredLanguage: 'en',
    givenName: `Given${n}`,
    familyName: `Family${String(n).padStart(3, '0')}`,
    email: `p${n}@example.org`,
    ...overrides,
  };
}

const anna = person(1, { delegationId: stuttgart, categoryCode: 'delegate', categoryId: 'c0000000-0000-4000-8000-000000000001' });
const lukas = person(2, { delegationId: ludwigsburg, preferredLanguage: 'de' });
const eva = person(3, { delegationId: esslingen });
const marta = person(4, { delegationId: rome, preferredLanguage: 'it', categoryCode: 'press' });
const wait = person(5, { delegationId: stuttgart, status: 'waitlisted' });
const gone = person(6, { delegationId: stuttgart, status: 'cancelled' });

const world: AudienceWorld = {
  candidates: [marta, gone, wait, eva, lukas, anna],
  delegations: [
    { delegationId: stuttgart, parentId: null },
    { delegationId: ludwigsburg, parentId: stuttgart },
    { delegationId: esslingen, parentId: ludwigsburg },
    { delegationId: rome, parentId: null },
  ],
  sessionPeople: [
    { sessionId: session, registrationId: anna.registrationId, status: 'confirmed' },
    { sessionId: session, registrationId: marta.registrationId, status: 'waitlisted' },
    { sessionId: session, registrationId: eva.registrationId, status: 'cancelled' },
  ],
  meetings: [
    { startsAt: '2019-06-10T02:00:00Z', parties: [lukas.registrationId, marta.registrationId] },
    { startsAt: '2019-06-10T04:00:00Z', parties: [eva.registrationId, anna.registrationId] },
  ],
};

const ids = (candidates: Candidate[]) => candidates.map((candidate) => candidate.registrationId);
const audience = (anyOf: Audience['anyOf'], statuses: Audience['statuses'] = ['confirmed']): Audience => ({ anyOf, statuses });

describe('selectAudience', () => {
  it('names the whole mission, of the statuses asked, ordered by name', () => {
    expect(ids(selectAudience(audience([{ type: 'mission' }]), world))).toEqual(ids([anna, lukas, eva, marta]));
    expect(ids(selectAudience(audience([{ type: 'mission' }], ['waitlisted']), world))).toEqual(ids([wait]));
  });

  it('names a delegation with every delegation within it, however deep', () => {
    expect(ids(selectAudience(audience([{ type: 'delegations', delegationIds: [stuttgart] }]), world))).toEqual(ids([anna, lukas, eva]));
    expect(ids(selectAudience(audience([{ type: 'delegations', delegationIds: [ludwigsburg] }]), world))).toEqual(ids([lukas, eva]));
    expect(ids(selectAudience(audience([{ type: 'delegations', delegationIds: [rome] }]), world))).toEqual(ids([marta]));
  });

  it('names categories by code or id, in any case', () => {
    expect(ids(selectAudience(audience([{ type: 'categories', categories: ['PRESS'] }]), world))).toEqual(ids([marta]));
    expect(ids(selectAudience(audience([{ type: 'categories', categories: ['c0000000-0000-4000-8000-000000000001'] }]), world))).toEqual(ids([anna]));
  });

  it('names the people of a session as asked: enrolled, waitlisted, never those who left', () => {
    const of = (enrolment: ('enrolled' | 'waitlisted')[]) => ids(selectAudience(audience([{ type: 'session', sessionId: session, enrolment }]), world));
    expect(of(['enrolled'])).toEqual(ids([anna]));
    expect(of(['waitlisted'])).toEqual(ids([marta]));
    expect(of(['enrolled', 'waitlisted'])).toEqual(ids([anna, marta]));
  });

  it('names the parties of the meetings placed in a block, its end excluded', () => {
    const block = audience([{ type: 'meetings', from: '2019-06-10T01:00:00Z', to: '2019-06-10T04:00:00Z' }]);
    expect(ids(selectAudience(block, world))).toEqual(ids([lukas, marta]));
  });

  it('names each person once, whichever selectors name them', () => {
    const all = audience([
      { type: 'mission' },
      { type: 'delegations', delegationIds: [stuttgart] },
      { type: 'session', sessionId: session, enrolment: ['enrolled', 'waitlisted'] },
    ]);
    expect(ids(selectAudience(all, world))).toEqual(ids([anna, lukas, eva, marta]));
  });

  it('never names someone who is not a candidate (erased, or unknown to the directory)', () => {
    const erased = person(99);
    const withErased: AudienceWorld = {
      ...world,
      sessionPeople: [...world.sessionPeople, { sessionId: session, registrationId: erased.registrationId, status: 'confirmed' }],
    };
    expect(ids(selectAudience(audience([{ type: 'session', sessionId: session, enrolment: ['enrolled'] }]), withErased))).toEqual(ids([anna]));
  });

  it('is a union of its selectors, each person once, and within the statuses (property)', () => {
    const selectors = fc.constantFrom<Audience['anyOf'][number]>(
      { type: 'mission' },
      { type: 'delegations', delegationIds: [stuttgart] },
      { type: 'delegations', delegationIds: [rome, esslingen] },
      { type: 'categories', categories: ['press', 'delegate'] },
      { type: 'session', sessionId: session, enrolment: ['enrolled'] },
      { type: 'meetings', from: '2019-06-10T00:00:00Z', to: '2019-06-11T00:00:00Z' },
    );
    const statuses = fc.subarray(['pending_approval', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const, { minLength: 1 });
    fc.assert(
      fc.property(fc.array(selectors, { minLength: 1, maxLength: 4 }), statuses, (anyOf, wanted) => {
        const union = selectAudience(audience(anyOf, wanted), world);
        const each = new Set(anyOf.flatMap((selector) => ids(selectAudience(audience([selector], wanted), world))));
        expect(new Set(ids(union))).toEqual(each);
        expect(new Set(ids(union)).size).toBe(union.length);
        expect(union.every((candidate) => wanted.includes(candidate.status as never))).toBe(true);
      }),
    );
  });
});

describe('delegationsWithin', () => {
  it('survives a loop in the parents', () => {
    const loop = [
      { delegationId: 'a', parentId: 'b' },
      { delegationId: 'b', parentId: 'a' },
    ];
    expect(delegationsWithin(['a'], loop)).toEqual(new Set(['a', 'b']));
  });

  it('holds every descendant of a root and nothing else (property)', () => {
    // A random forest: each delegation's parent is one made before it, or none.
    const forest = fc
      .array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 30 })
      .map((parents) => parents.map((parent, i) => ({ delegationId: `d${i}`, parentId: parent === null || i === 0 ? null : `d${parent % i}` })));
    fc.assert(
      fc.property(forest, fc.nat(), (delegations, pick) => {
        const root = delegations[pick % delegations.length]!.delegationId;
        const within = delegationsWithin([root], delegations);
        const parentOf = new Map(delegations.map((d) => [d.delegationId, d.parentId]));
        for (const { delegationId } of delegations) {
          let ancestor: string | null | undefined = delegationId;
          let below = false;
          while (ancestor) {
            if (ancestor === root) below = true;
            ancestor = parentOf.get(ancestor);
          }
          expect(within.has(delegationId)).toBe(below);
        }
      }),
    );
  });
});

describe('broadcastLanguage', () => {
  it('follows the mail language chain, then the broadcast’s default', () => {
    expect(broadcastLanguage('ca', ['en', 'es', 'ca'], 'en')).toBe('ca');
    expect(broadcastLanguage('ca-ES', ['en', 'es'], 'en')).toBe('es');
    expect(broadcastLanguage('ca', ['en', 'de'], 'de')).toBe('en');
    expect(broadcastLanguage('ca', ['de', 'it'], 'it')).toBe('it');
    expect(broadcastLanguage('pt-BR', ['es', 'en'], 'es')).toBe('en');
    expect(broadcastLanguage('pt-BR', ['es', 'de'], 'es')).toBe('es');
    expect(broadcastLanguage('zh-Hant-TW', ['zh', 'en'], 'zh')).toBe('en');
    expect(broadcastLanguage('zh-CN', ['zh', 'en'], 'en')).toBe('zh');
    expect(broadcastLanguage(null, ['de'], 'de')).toBe('de');
  });

  it('always answers a language the broadcast is written in (property)', () => {
    const languages = ['en', 'zh', 'es', 'ca', 'it', 'de'] as const;
    fc.assert(
      fc.property(fc.subarray([...languages], { minLength: 1 }), fc.nat(), fc.string(), (written, pick, preferred) => {
        const fallback = written[pick % written.length]!;
        expect(written).toContain(broadcastLanguage(preferred, written, fallback));
      }),
    );
  });
});

describe('countByLanguage and cancellable', () => {
  it('counts recipients per language', () => {
    expect(countByLanguage(['en', 'de', 'en'])).toEqual({ en: 2, de: 1 });
  });

  it('lets only a broadcast that has not gone be cancelled', () => {
    expect(cancellable('scheduled')).toBe(true);
    expect(cancellable('sent')).toBe(false);
    expect(cancellable('cancelled')).toBe(false);
  });
});
