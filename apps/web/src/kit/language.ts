/** The languages of the pages. `htmlLang` is the BCP 47 tag for `<html lang>` and Intl. */
export const languages = {
  en: { htmlLang: 'en', name: 'English' },
  zh: { htmlLang: 'zh-CN', name: '中文' },
} as const;

export type Language = keyof typeof languages;
export const DEFAULT_LANGUAGE: Language = 'en';

/** `zh-CN`, `zh-Hans`, `ZH` → `zh`; anything we do not have → undefined. */
export function languageOfTag(tag: string | undefined): Language | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && primary in languages ? (primary as Language) : undefined;
}

/** The first of the browser's languages (by q) that the pages speak. */
export function languageOfAcceptLanguage(header: string | undefined): Language | undefined {
  const ranges = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ tag, q }) => tag && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return undefined;
}

/** `?lang=` (then remembered in the cookie), else the cookie, else Accept-Language, else English. */
export function negotiateLanguage(input: { query?: string; cookie?: string; acceptLanguage?: string }): { language: Language; remember: boolean } {
  const asked = languageOfTag(input.query);
  if (asked) return { language: asked, remember: asked !== input.cookie };
  return { language: languageOfTag(input.cookie) ?? languageOfAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LANGUAGE, remember: false };
}
