import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { mailLanguageChain, mailLocales, type MailLanguage } from './mail-language.js';

/** One language's messages of a kind: ICU MessageFormat strings by key (docs/DESIGN.md, Mail languages). */
export type Catalogue<Key extends string> = Readonly<Record<Key, string>>;
/** A kind's catalogues, one per mail language; `mail-messages.spec.ts` checks they all say the same things. */
export type Catalogues<Key extends string> = Readonly<Record<MailLanguage, Catalogue<Key>>>;

export type MessageValues = Record<string, PrimitiveType>;

/** Formats one key of a kind's catalogues in one language. */
export type Messages<Key extends string> = (key: Key, values?: MessageValues) => string;

/**
 * `language`'s messages of `catalogues`: a message it lacks is taken from the next language of its
 * chain (ca → es → en), though the catalogue tests make that a last resort.
 */
export function messagesIn<Key extends string>(catalogues: Catalogues<Key>, language: MailLanguage): Messages<Key> {
  const chain = mailLanguageChain(language);
  return (key, values) => {
    const found = chain.find((candidate) => typeof catalogues[candidate][key] === 'string') ?? 'en';
    return compiled(catalogues[found], key, found).format(values) as string;
  };
}

/** Parsing a message costs far more than formatting it: each is parsed once. */
const formats = new WeakMap<object, Map<string, IntlMessageFormat>>();
function compiled(catalogue: Catalogue<string>, key: string, language: MailLanguage): IntlMessageFormat {
  let byKey = formats.get(catalogue);
  if (!byKey) formats.set(catalogue, (byKey = new Map()));
  let format = byKey.get(key);
  if (!format) {
    // ignoreTag: a `<` in a message is text, not markup.
    format = new IntlMessageFormat(catalogue[key], mailLocales[language], undefined, { ignoreTag: true });
    byKey.set(key, format);
  }
  return format;
}
