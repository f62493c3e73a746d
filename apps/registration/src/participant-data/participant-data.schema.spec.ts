import { participantDetailsSchema } from './participant-data.schema.js';

function fieldsOf(input: unknown): string[] {
  const result = participantDetailsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('participantDetailsSchema', () => {
  it('accepts any one of the participant’s details, null clearing an optional one', () => {
    expect(participantDetailsSchema.parse({ preferredLanguage: 'zh-CN' })).toEqual({ preferredLanguage: 'zh-CN' });
    expect(participantDetailsSchema.parse({ jobTitle: null, organisation: { city: null } })).toEqual({ jobTitle: null, organisation: { city: null } });
    expect(participantDetailsSchema.parse({ givenName: '  Ada ' })).toEqual({ givenName: 'Ada' });
  });

  it('names the e-mail as a field that cannot be changed', () => {
    const result = participantDetailsSchema.safeParse({ email: 'new@example.org', givenName: 'Ada' });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['email'], message: expect.stringMatching(/cannot be changed/) })]);
  });

  it('refuses an empty change, an unknown field and what the form would refuse', () => {
    expect(participantDetailsSchema.safeParse({}).success).toBe(false);
    expect(participantDetailsSchema.safeParse({ organisation: {} }).success).toBe(false);
    expect(participantDetailsSchema.safeParse({ status: 'confirmed' }).success).toBe(false);
    expect(fieldsOf({ givenName: '' })).toEqual(['givenName']);
    expect(fieldsOf({ givenName: null })).toEqual(['givenName']);
    expect(fieldsOf({ preferredLanguage: 'not a language' })).toEqual(['preferredLanguage']);
    expect(fieldsOf({ timezone: 'Mars/Olympus' })).toEqual(['timezone']);
    expect(fieldsOf({ organisation: { country: 'XX' } })).toEqual(['organisation.country']);
    expect(fieldsOf({ delegation: ' Rome' })).toEqual(['delegation']);
  });
});
