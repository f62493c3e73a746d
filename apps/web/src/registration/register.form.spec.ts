import { countriesIn, errorsOnFields, readForm, registrationBody } from './register.form.js';

describe('the registration form', () => {
  it('builds the body registration takes from the posted fields, leaving out empty optional ones', () => {
    const { values, idempotencyKey } = readForm({
      givenName: ' 伟 ',
      familyName: '李',
      email: 'li.wei@example.cn',
      preferredLanguage: 'zh-CN',
      timezone: 'Asia/Shanghai',
      'organisation.name': '成都高新区',
      'organisation.type': 'government',
      'organisation.country': 'CN',
      'organisation.city': '',
      delegation: '',
      'consent.dataProcessing': 'true',
      idempotencyKey: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      unknown: 'x',
    });
    expect(idempotencyKey).toBe('f47ac10b-58cc-4372-a567-0e02b2c3d479');
    expect(JSON.parse(JSON.stringify(registrationBody(values)))).toEqual({
      givenName: '伟',
      familyName: '李',
      email: 'li.wei@example.cn',
      preferredLanguage: 'zh-CN',
      timezone: 'Asia/Shanghai',
      organisation: { name: '成都高新区', type: 'government', country: 'CN' },
      consent: { dataProcessing: true },
    });
  });

  it('sends consent as refused when the box is not ticked, and makes a key when the form has none', () => {
    const { values, idempotencyKey } = readForm({ givenName: 'Ana' });
    expect(registrationBody(values).consent).toEqual({ dataProcessing: false });
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts each field error beside its field and the others apart', () => {
    expect(errorsOnFields({ email: 'invalid email', 'organisation.country': 'bad', consent: 'required', '(body)': 'odd' })).toEqual({
      fields: { email: 'invalid email', 'organisation.country': 'bad', 'consent.dataProcessing': 'required' },
      general: ['(body): odd'],
    });
  });

  it('names the countries in the page’s language', () => {
    expect(countriesIn('zh-CN').find((country) => country.code === 'ES')?.name).toBe('西班牙');
    expect(countriesIn('en').some((country) => country.code === 'EU')).toBe(false);
  });
});
