import type { Language } from './language.js';

/** The text of one area of the pages in every language; the English keys are the reference. */
export type Catalogue<Key extends string = string> = Record<Language, Record<Key, string>>;

/**
 * A catalogue, typed so that every language has the English keys. Placeholders are `{name}`;
 * `messages.spec.ts` checks that every language has the same ones.
 */
export function defineMessages<const English extends Record<string, string>>(
  catalogue: { en: English } & Record<Exclude<Language, 'en'>, Record<keyof English, string>>,
): Catalogue<keyof English & string> {
  return catalogue as Catalogue<keyof English & string>;
}

export type Translate<Key extends string> = (key: Key, parameters?: Record<string, string | number>) => string;

/** The messages of a catalogue in one language, with their placeholders filled in. */
export function translator<Key extends string>(catalogue: Catalogue<Key>, language: Language): Translate<Key> {
  const messages = catalogue[language];
  return (key, parameters = {}) => messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in parameters ? String(parameters[name]) : whole));
}

export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}
