import { registrationSnapshot } from '#contracts';
import type { Mission } from '../missions/mission.js';
import type { Registration } from '../seats/registration.js';
import { toSnapshot } from '../seats/registration.events.js';
import { csvColumns, toCsvRecord, toRegistrationView } from './registration.view.js';

const now = new Date('2025-05-01T08:00:00.000Z');

function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    id: '0b9a3c52-4d0e-4b3e-9a4c-7b8f1f0e2a11',
    seq: '7',
    missionId: '5f1e9c1a-2b3c-4d5e-8f90-123456789abc',
    status: 'waitlisted',
    email: 'ada@barcelona.cat',
    givenName: 'Ada',
    familyName: 'Lovelace',
    jobTitle: null,
    organisationName: 'Ajuntament de Barcelona',
    organisationType: 'city',
    organisationCountry: 'ES',
    organisationCity: null,
    delegation: 'Barcelona',
    delegationId: null,
    delegationRole: null,
    preferredLanguage: 'es',
    timezone: 'Europe/Madrid',
    dietary: null,
    accessibility: null,
    consentedAt: now,
    tokenHash: 'f'.repeat(64),
    linkGeneration: 2,
    tokenGeneration: 1,
    waitlistOrder: '12',
    rejectionReason: null,
    checkedInAt: null,
    cancelledAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const mission = {
  id: '5f1e9c1a-2b3c-4d5e-8f90-123456789abc',
  code: 'CN-2025',
  title: 'Chengdu',
  startsOn: '2025-06-09',
  endsOn: '2025-06-15',
  timezone: 'Asia/Shanghai',
} as Mission;

describe('registration views', () => {
  it('never lets the token hash or internal ordering out', () => {
    const view = toRegistrationView(registration(), 3);
    expect(JSON.stringify(view)).not.toContain('f'.repeat(64));
    expect(view).not.toHaveProperty('tokenHash');
    expect(view).not.toHaveProperty('seq');
    expect(view).not.toHaveProperty('waitlistOrder');
    expect(view).toMatchObject({ waitlistPosition: 3, createdAt: '2025-05-01T08:00:00.000Z', organisation: { country: 'ES', city: null } });
  });

  it('shows a waitlist position only while waitlisted', () => {
    expect(toRegistrationView(registration({ status: 'confirmed' }), 3).waitlistPosition).toBeNull();
  });

  it('makes snapshots that meet the event contract', () => {
    const snapshot = toSnapshot(registration(), mission, { previousStatus: null, waitlistPosition: 4, occurredAt: now });
    expect(registrationSnapshot.parse(snapshot)).toEqual(snapshot);
    expect(snapshot).toMatchObject({ waitlistPosition: 4, reason: null, mission: { code: 'CN-2025', timezone: 'Asia/Shanghai' } });
    expect(snapshot.participant.organisation).not.toHaveProperty('city');
    const rejected = toSnapshot(registration({ status: 'rejected', rejectionReason: 'Full' }), mission, {
      previousStatus: 'pending_approval',
      waitlistPosition: null,
      occurredAt: now,
    });
    expect(registrationSnapshot.parse(rejected)).toMatchObject({ reason: 'Full', waitlistPosition: null, previousStatus: 'pending_approval' });
  });

  it('carries the token’s hash (a verifier, for scheduling) and refuses a registration loaded without it', () => {
    expect(toSnapshot(registration(), mission, { previousStatus: null, waitlistPosition: null, occurredAt: now }).accessTokenHash).toBe('f'.repeat(64));
    expect(
      toSnapshot(registration({ tokenHash: null }), mission, { previousStatus: null, waitlistPosition: null, occurredAt: now }).accessTokenHash,
    ).toBeNull();
    const loadedWithout = registration();
    delete (loadedWithout as Partial<Registration>).tokenHash;
    expect(() => toSnapshot(loadedWithout, mission, { previousStatus: null, waitlistPosition: null, occurredAt: now })).toThrow(/token hash/);
  });

  it('writes every CSV column and defuses spreadsheet formulas', () => {
    const record = toCsvRecord(registration({ givenName: '=1+1', familyName: '@SUM(A1)', dietary: '-2', accessibility: 'none' }), 2);
    expect(Object.keys(record)).toEqual([...csvColumns]);
    expect(record).toMatchObject({ givenName: "'=1+1", familyName: "'@SUM(A1)", dietary: "'-2", accessibility: 'none', waitlistPosition: 2 });
  });
});
