import { translator } from '../kit/messages.js';
import {
  countriesIn,
  delegationChoices,
  errorsOnFields,
  fieldMessage,
  invitedDelegation,
  readForm,
  registrationBody,
  type FormField,
} from './register.form.js';
import { registerMessages } from './register.messages.js';

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

  describe('says registration’s field errors in the visitor’s language', () => {
    // Registration's messages as its API answers them (zod's and registration.schema.ts's), field by field.
    const said = (field: FormField, apiMessage: string) => {
      const known = fieldMessage(field, apiMessage);
      return known ? translator(registerMessages, 'zh')(`error.${known.key}`, known.parameters) : apiMessage;
    };

    it.each<[FormField, string, string]>([
      ['email', 'Invalid email address', '请输入有效的电子邮件地址，例如 name@example.org。'],
      ['email', 'Too big: expected string to have <=254 characters', '请缩短到 254 个字符以内。'],
      ['givenName', 'Too small: expected string to have >=1 characters', '请输入您的名。'],
      ['familyName', 'Too big: expected string to have <=100 characters', '请缩短到 100 个字符以内。'],
      ['organisation.name', 'Too small: expected string to have >=1 characters', '请输入您所在机构的名称。'],
      ['organisation.type', 'Invalid option: expected one of "city"|"government"|"business"|"research"|"education"|"ngo"|"other"', '请选择机构类型。'],
      ['organisation.country', 'Invalid input: expected string, received undefined', '请选择机构所在国家。'],
      ['organisation.country', 'must be an ISO 3166-1 alpha-2 country code, e.g. ES', '请选择机构所在国家。'],
      ['organisation.country', 'must be an ISO 3166-1 alpha-2 code, e.g. ES', '请选择机构所在国家。'],
      ['organisation.city', 'Too big: expected string to have <=120 characters', '请缩短到 120 个字符以内。'],
      ['timezone', 'must be an IANA time zone, e.g. Europe/Madrid', '请从列表中选择时区。'],
      ['preferredLanguage', 'must be a BCP 47 language tag, e.g. en or zh-CN', '请从列表中选择语言。'],
      ['preferredLanguage', 'Invalid input: expected string, received undefined', '请从列表中选择语言。'],
      ['consent.dataProcessing', 'consent to data processing is required', '报名需要您的同意。'],
      ['consent.dataProcessing', 'Invalid input: expected object, received undefined', '报名需要您的同意。'],
      ['delegation', 'Too big: expected string to have <=100 characters', '请缩短到 100 个字符以内。'],
      ['givenName', 'must not contain the NUL character', '请删除此字段中的不可见字符（U+0000）。'],
    ])('%s: “%s”', (field, apiMessage, chinese) => {
      expect(said(field, apiMessage)).toBe(chinese);
    });

    it('shows what it does not know as registration wrote it', () => {
      expect(fieldMessage('delegation', 'must not start or end with spaces')).toBeUndefined();
      expect(fieldMessage('givenName', 'Invalid email address')).toBeUndefined();
      expect(fieldMessage('email', 'is not a known field')).toBeUndefined();
      expect(fieldMessage('organisation.city', 'Too small: expected string to have >=1 characters')).toBeUndefined();
    });
  });
});

describe('delegationChoices', () => {
  const options = [
    { id: 'r', name: 'Rome', parentId: null },
    { id: 's', name: 'Stuttgart Region', parentId: null },
    { id: 'l', name: 'Ludwigsburg', parentId: 's' },
    { id: 'x', name: 'Orphan', parentId: 'gone' },
  ];

  it('puts each delegation right after the one it lies within, indented, keeping the order given', () => {
    expect(delegationChoices({ delegations: [], delegationOptions: options })).toEqual([
      { value: 'Rome', label: 'Rome' },
      { value: 'Stuttgart Region', label: 'Stuttgart Region' },
      { value: 'Ludwigsburg', label: '\u2014 Ludwigsburg' },
      { value: 'Orphan', label: 'Orphan' },
    ]);
  });

  it('falls back to the names of an older registration service', () => {
    expect(delegationChoices({ delegations: ['Rome'] })).toEqual([{ value: 'Rome', label: 'Rome' }]);
  });

  it('preselects the delegation an invitation link names', () => {
    expect(invitedDelegation({ delegationOptions: options }, 'l')).toBe('Ludwigsburg');
    expect(invitedDelegation({ delegationOptions: options }, 'nope')).toBeUndefined();
    expect(invitedDelegation({ delegationOptions: options }, undefined)).toBeUndefined();
  });
});
