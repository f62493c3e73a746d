import { mailLanguageChain, resolveMailLanguage } from './mail-language.js';

describe('resolveMailLanguage', () => {
  it.each(['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh-SG', 'ZH-cn', 'zh_CN'])('gives the Chinese catalogues to %s', (tag) => {
    expect(resolveMailLanguage(tag)).toBe('zh');
  });

  it.each([
    ['en-GB', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['ca', 'ca'],
    ['ca-ES-valencia', 'ca'],
    ['it-IT', 'it'],
    ['de-AT', 'de'],
    ['DE', 'de'],
  ])('gives %s the %s catalogues (a region falls back to its language)', (tag, language) => {
    expect(resolveMailLanguage(tag)).toBe(language);
  });

  it.each(['pt', 'pt-BR', 'fr', 'zh-TW', 'zh-Hant', 'zh-HK', '', undefined, null])('falls back to English for %s, which has no catalogue', (tag) => {
    expect(resolveMailLanguage(tag)).toBe('en');
  });
});

describe('mailLanguageChain', () => {
  it('falls back from Catalan to Spanish, then English', () => {
    expect(mailLanguageChain('ca')).toEqual(['ca', 'es', 'en']);
    expect(mailLanguageChain('ca-AD')).toEqual(['ca', 'es', 'en']);
  });

  it('falls back from any other language straight to English', () => {
    expect(mailLanguageChain('pt')).toEqual(['en']);
    expect(mailLanguageChain('it')).toEqual(['it', 'en']);
    expect(mailLanguageChain('zh-Hans')).toEqual(['zh', 'en']);
    expect(mailLanguageChain('en-US')).toEqual(['en']);
  });
});
