import fc from 'fast-check';
import { acceptedLanguages, inLanguage } from './languages.js';

describe('texts in the caller’s language', () => {
  it('reads Accept-Language by q, then by order, leaving out * and q=0', () => {
    expect(acceptedLanguages('zh-CN,zh;q=0.9,en;q=0.5')).toEqual(['zh-cn', 'zh', 'en']);
    expect(acceptedLanguages('en;q=0.2, de , *;q=0.1, fr;q=0')).toEqual(['de', 'en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages(';;,,')).toEqual([]);
  });

  it('gives the translation asked for, else the same language in another region, else the mission’s first language, else any', () => {
    const titles = { zh: '中欧论坛', 'es-ES': 'Foro UE-China' };
    expect(inLanguage('EU-China Forum', titles, ['zh-cn'])).toBe('中欧论坛');
    expect(inLanguage('EU-China Forum', titles, ['es'])).toBe('Foro UE-China');
    expect(inLanguage('EU-China Forum', titles, ['de', 'es-mx'])).toBe('Foro UE-China');
    expect(inLanguage('EU-China Forum', titles, ['de'])).toBe('EU-China Forum');
    expect(inLanguage('EU-China Forum', {}, [])).toBe('EU-China Forum');
    expect(inLanguage(null, { zh: '说明' }, ['de'])).toBe('说明');
    expect(inLanguage(null, {}, ['de'])).toBeNull();
  });

  it('always answers one of the texts it has', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.dictionary(fc.constantFrom('en', 'zh', 'zh-TW', 'es', 'ca', 'it', 'de'), fc.string({ minLength: 1 })),
        fc.array(fc.constantFrom('en', 'zh-cn', 'zh', 'fr', 'de-at', 'it')),
        (text, translations, accepted) => {
          expect([text, ...Object.values(translations)]).toContain(inLanguage(text, translations, accepted));
        },
      ),
    );
  });
});
