import { resolveMailLanguage } from './mail-language.js';

describe('resolveMailLanguage', () => {
  it.each(['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh-SG', 'ZH-cn', 'zh_CN'])('gives the Chinese templates to %s', (tag) => {
    expect(resolveMailLanguage(tag)).toBe('zh');
  });

  it.each(['en', 'en-GB', 'en-US'])('gives the English templates to %s', (tag) => {
    expect(resolveMailLanguage(tag)).toBe('en');
  });

  it.each(['es', 'it-IT', 'de', 'zh-TW', 'zh-Hant', 'zh-HK', '', undefined, null])('falls back to English for %s, which has no template', (tag) => {
    expect(resolveMailLanguage(tag)).toBe('en');
  });
});
