import { registerSchema, registrationListQuery, rejectSchema } from './registration.schema.js';

const valid = {
  email: 'ada@barcelona.cat',
  givenName: 'Ada',
  familyName: 'Lovelace',
  organisation: { name: 'Ajuntament de Barcelona', type: 'city', country: 'ES', city: 'Barcelona' },
  delegation: 'Barcelona',
  jobTitle: 'Head of mobility',
  preferredLanguage: 'zh-CN',
  timezone: 'Europe/Madrid',
  consent: { dataProcessing: true },
  dietary: 'vegetarian',
  accessibility: 'wheelchair',
};

function fieldsOf(input: unknown): string[] {
  const result = registerSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.') || '(body)');
}

describe('registerSchema', () => {
  it('accepts a complete form and a minimal one', () => {
    expect(registerSchema.parse(valid)).toEqual(valid);
    const { delegation, jobTitle, timezone, dietary, accessibility, ...minimal } = valid;
    void [delegation, jobTitle, timezone, dietary, accessibility];
    expect(registerSchema.safeParse({ ...minimal, organisation: { name: 'X', type: 'business', country: 'CN' } }).success).toBe(true);
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['email', { email: `${'a'.repeat(250)}@x.org` }],
    ['givenName', { givenName: 'x'.repeat(101) }],
    ['givenName', { givenName: '   ' }],
    ['familyName', { familyName: 42 }],
    ['organisation.type', { organisation: { ...valid.organisation, type: 'alien' } }],
    ['organisation.country', { organisation: { ...valid.organisation, country: 'es' } }],
    ['organisation.country', { organisation: { ...valid.organisation, country: 'XX' } }],
    ['organisation.country', { organisation: { ...valid.organisation, country: 'UK' } }],
    ['preferredLanguage', { preferredLanguage: 'Spanish' }],
    ['preferredLanguage', { preferredLanguage: 'en-xx-yy-zz-zz' }],
    ['timezone', { timezone: 'Mars/Olympus_Mons' }],
    ['consent.dataProcessing', { consent: { dataProcessing: false } }],
    ['consent', {}],
    ['delegation', { delegation: ' Rome' }],
    ['dietary', { dietary: 'x'.repeat(501) }],
  ])('names %s when it is invalid', (field, change) => {
    const input = { ...valid, ...change } as Record<string, unknown>;
    if (field === 'consent') delete input.consent;
    expect(fieldsOf(input)).toEqual([field]);
  });

  it('refuses unknown fields', () => {
    expect(registerSchema.safeParse({ ...valid, role: 'organiser' }).success).toBe(false);
    expect(registerSchema.safeParse({ ...valid, organisation: { ...valid.organisation, vat: '1' } }).success).toBe(false);
  });

  it('trims names and the e-mail', () => {
    expect(registerSchema.parse({ ...valid, email: ' ada@barcelona.cat ', givenName: ' Ada ' })).toMatchObject({
      email: 'ada@barcelona.cat',
      givenName: 'Ada',
    });
  });
});

describe('rejectSchema', () => {
  it('takes no body, an empty one, or a reason', () => {
    expect(rejectSchema.parse(undefined)).toBeUndefined();
    expect(rejectSchema.parse({})).toEqual({});
    expect(rejectSchema.parse({ reason: ' Full ' })).toEqual({ reason: 'Full' });
    expect(rejectSchema.safeParse({ reason: '' }).success).toBe(false);
  });
});

describe('registrationListQuery', () => {
  it('defaults to the first JSON page and checks the filters', () => {
    expect(registrationListQuery.parse({})).toEqual({ limit: 50, format: 'json' });
    expect(registrationListQuery.parse({ limit: '10', status: 'waitlisted', country: 'CN', format: 'csv' })).toEqual({
      limit: 10,
      status: 'waitlisted',
      country: 'CN',
      format: 'csv',
    });
    expect(registrationListQuery.safeParse({ status: 'maybe' }).success).toBe(false);
    expect(registrationListQuery.safeParse({ limit: '0' }).success).toBe(false);
  });
});
