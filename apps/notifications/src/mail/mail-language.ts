/** Languages that have templates; English is the fallback. */
export const mailLanguages = ['en', 'zh'] as const;
export type MailLanguage = (typeof mailLanguages)[number];

/**
 * The template language for a participant's BCP 47 `preferredLanguage`: its primary subtag when a
 * template exists in it, English otherwise. The Chinese templates are in simplified characters, so
 * `zh`, `zh-CN`, `zh-SG` and `zh-Hans…` get them, while a tag asking for traditional characters
 * (`zh-Hant…`, `zh-TW`, `zh-HK`, `zh-MO`) has no template yet and falls back to English.
 */
export function resolveMailLanguage(preferredLanguage: string | null | undefined): MailLanguage {
  const subtags = (preferredLanguage ?? '').trim().toLowerCase().split(/[-_]/);
  const primary = subtags[0];
  if (primary === 'zh') {
    const traditional = subtags.slice(1).some((subtag) => ['hant', 'tw', 'hk', 'mo'].includes(subtag));
    return traditional ? 'en' : 'zh';
  }
  return (mailLanguages as readonly string[]).includes(primary) ? (primary as MailLanguage) : 'en';
}
