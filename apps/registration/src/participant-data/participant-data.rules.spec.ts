import { ParticipantDataRules, type ParticipantColumns } from './participant-data.rules.js';

const id = '0b9a3c52-4d0e-4b3e-9a4c-7b8f1f0e2a11';

function details(overrides: Partial<ParticipantColumns> = {}): ParticipantColumns {
  return {
    givenName: 'Ada',
    familyName: 'Lovelace',
    jobTitle: 'Head of international relations',
    preferredLanguage: 'en',
    timezone: 'Europe/Madrid',
    organisationName: 'Ajuntament de Barcelona',
    organisationType: 'city',
    organisationCountry: 'ES',
    organisationCity: 'Barcelona',
    dietary: null,
    accessibility: null,
    delegation: 'Barcelona',
    delegationId: null,
    ...overrides,
  };
}

describe('ParticipantDataRules', () => {
  describe('editable', () => {
    it('lets every registration change but an erased or a cancelled one', () => {
      for (const status of ['pending_approval', 'confirmed', 'waitlisted', 'rejected'] as const) {
        expect(ParticipantDataRules.editable({ status, erasedAt: null })).toEqual({ allowed: true });
      }
      expect(ParticipantDataRules.editable({ status: 'cancelled', erasedAt: null })).toEqual({ allowed: false, reason: 'cancelled' });
      expect(ParticipantDataRules.editable({ status: 'rejected', erasedAt: new Date() })).toEqual({ allowed: false, reason: 'already-erased' });
      expect(ParticipantDataRules.editable({ status: 'cancelled', erasedAt: new Date() })).toEqual({ allowed: false, reason: 'already-erased' });
    });
  });

  describe('changes', () => {
    it('maps the request to columns, the organisation flattened, and keeps only what differs', () => {
      const changes = ParticipantDataRules.changes(details(), {
        givenName: 'Ada',
        preferredLanguage: 'es',
        organisation: { name: 'Ajuntament de Barcelona', city: 'Sabadell' },
        dietary: 'vegetarian',
      });
      expect(changes).toEqual({ preferredLanguage: 'es', organisationCity: 'Sabadell', dietary: 'vegetarian' });
    });

    it('clears an optional detail with null', () => {
      expect(ParticipantDataRules.changes(details(), { jobTitle: null, organisation: { city: null } })).toEqual({ jobTitle: null, organisationCity: null });
    });

    it('is empty when everything is as it was', () => {
      expect(ParticipantDataRules.changes(details(), { delegation: 'Barcelona', timezone: 'Europe/Madrid' })).toEqual({});
    });
  });

  describe('refusedFields', () => {
    it('refuses a participant a change of delegation, and nothing else', () => {
      expect(ParticipantDataRules.refusedFields('participant', { delegation: 'Rome', givenName: 'Ada' })).toEqual(['delegation']);
      expect(ParticipantDataRules.refusedFields('participant', { delegation: null })).toEqual(['delegation']);
      expect(ParticipantDataRules.refusedFields('participant', { givenName: 'Ada', organisationCountry: 'IT' })).toEqual([]);
    });

    it('lets an organiser change everything', () => {
      expect(ParticipantDataRules.refusedFields('organiser', { delegation: 'Rome' })).toEqual([]);
    });
  });

  describe('erasure', () => {
    it('overwrites everything that identifies the person and the token, and keeps the organisation and delegation', () => {
      const erasedAt = new Date('2025-05-01T08:00:00.000Z');
      const erasure = ParticipantDataRules.erasure(id, erasedAt);
      expect(erasure).toEqual({
        email: `erased+${id}@erased.invalid`,
        givenName: '',
        familyName: '',
        jobTitle: null,
        organisationCity: null,
        dietary: null,
        accessibility: null,
        answers: null,
        tokenHash: null,
        erasedAt,
        updatedAt: erasedAt,
      });
      for (const kept of ['organisationName', 'organisationType', 'organisationCountry', 'delegation', 'categoryId', 'categoryCode', 'status'])
        expect(erasure).not.toHaveProperty(kept);
    });

    it('gives each registration its own placeholder address', () => {
      expect(ParticipantDataRules.erasedEmail(id)).not.toBe(ParticipantDataRules.erasedEmail('5f1e9c1a-2b3c-4d5e-8f90-123456789abc'));
    });
  });
});
