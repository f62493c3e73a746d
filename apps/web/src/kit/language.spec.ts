import { languageOfAcceptLanguage, negotiateLanguage } from './language.js';

describe('language negotiation', () => {
  it('takes the best of the browser languages that the pages speak', () => {
    expect(languageOfAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(languageOfAcceptLanguage('de-DE, en;q=0.5, zh;q=0.7')).toBe('zh');
    expect(languageOfAcceptLanguage('de, fr')).toBeUndefined();
    expect(languageOfAcceptLanguage('zh;q=0, en')).toBe('en');
  });

  it('puts ?lang= before the cookie and the cookie before the browser, and remembers a new choice', () => {
    expect(negotiateLanguage({ query: 'zh', cookie: 'en', acceptLanguage: 'en' })).toEqual({ language: 'zh', remember: true });
    expect(negotiateLanguage({ query: 'zh', cookie: 'zh' })).toEqual({ language: 'zh', remember: false });
    expect(negotiateLanguage({ cookie: 'zh', acceptLanguage: 'en' })).toEqual({ language: 'zh', remember: false });
    expect(negotiateLanguage({ query: 'xx', acceptLanguage: 'zh-TW' })).toEqual({ language: 'zh', remember: false });
    expect(negotiateLanguage({})).toEqual({ language: 'en', remember: false });
  });
});
