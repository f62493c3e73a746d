/** Languages that have mail catalogues; English is where every fallback chain ends. */
export const mailLanguages = ['en', 'zh', 'es', 'ca', 'it', 'de'] as const;
export type MailLanguage = (typeof mailLanguages)[number];

/** The locale Intl formats a language's dates, times and numbers in. */
export const mailLocales: Record<MailLanguage, string> = { en: 'en-GB', zh: 'zh-CN', es: 'es-ES', ca: 'ca-ES', it: 'it-IT', de: 'de-DE' };

/** Where a language falls back when it lacks a catalogue or a message: Catalan readers read Spanish before English. */
const fallbacks: Partial<Record<string, string>> = { ca: 'es' };

/**
 * The languages to try, best first, for a participant's BCP 47 `preferredLanguage`: its primary
 * subtag (a region or script falls back to it), then that language's fallback, then English. The
 * Chinese catalogues are in simplified characters, so `zh`, `zh-CN`, `zh-SG` and `zh-Hans…` get them,
 * while a tag asking for traditional characters (`zh-Hant…`, `zh-TW`, `zh-HK`, `zh-MO`) gets English.
 */
export function mailLanguageChain(preferredLanguage: string | null | undefined): MailLanguage[] {
  const subtags = (preferredLanguage ?? '').trim().toLowerCase().split(/[-_]/);
  let language: string | undefined = subtags[0];
  if (language === 'zh' && subtags.slice(1).some((subtag) => ['hant', 'tw', 'hk', 'mo'].includes(subtag))) language = undefined;
  const chain: MailLanguage[] = [];
  for (; language; language = fallbacks[language]) if (isMailLanguage(language) && !chain.includes(language)) chain.push(language);
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/** The language a participant's mail is written in: the first of their chain that has catalogues. */
export function resolveMailLanguage(preferredLanguage: string | null | undefined): MailLanguage {
  return mailLanguageChain(preferredLanguage)[0];
}

function isMailLanguage(language: string): language is MailLanguage {
  return (mailLanguages as readonly string[]).includes(language);
}

/** One `T` per mail language, made by `make`. */
export function byLanguage<T>(make: (language: MailLanguage) => T): Record<MailLanguage, T> {
  return Object.fromEntries(mailLanguages.map((language) => [language, make(language)])) as Record<MailLanguage, T>;
}
