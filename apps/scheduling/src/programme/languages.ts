import type { Translations } from './session.js';

/** The language tags of an `Accept-Language` header, the preferred first (by q, then by order); `*` and q=0 left out. */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter(({ tag, weight }) => /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(tag) && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ tag }) => tag);
}

function primary(tag: string): string {
  return tag.toLowerCase().split('-')[0]!;
}

/**
 * A text in the caller's language: for each accepted language in turn, its translation (the tag
 * itself, else one of the same primary language: `zh-CN` finds `zh`, `zh` finds `zh-Hans`); else the
 * text in the mission's first language (`text`); else any translation (the first by tag), so that a
 * description given in Chinese only is still shown.
 */
export function inLanguage(text: string, translations: Translations, accepted: readonly string[]): string;
export function inLanguage(text: string | null, translations: Translations, accepted: readonly string[]): string | null;
export function inLanguage(text: string | null, translations: Translations, accepted: readonly string[]): string | null {
  const tags = Object.keys(translations).sort();
  for (const wanted of accepted) {
    const exact = tags.find((tag) => tag.toLowerCase() === wanted.toLowerCase());
    const sameLanguage = exact ?? tags.find((tag) => primary(tag) === primary(wanted));
    if (sameLanguage) return translations[sameLanguage]!;
  }
  if (text !== null) return text;
  const first = tags[0];
  return first === undefined ? null : translations[first]!;
}
