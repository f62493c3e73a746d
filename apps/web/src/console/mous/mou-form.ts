/** A posted form: each field by its name, as a urlencoded body arrives. */
export type FormFields = Record<string, string | undefined>;

/** Rows offered for parties and signatories when the page works without JavaScript; empty rows are left out. */
export const PARTY_ROWS = 4;
export const SIGNATORY_ROWS = 4;
export const SUMMARY_LANGUAGES = ['en', 'zh'] as const;

/** What the form sends to the registry, and for each field path of the body the form field it came from. */
export interface MouDraft {
  body: Record<string, unknown>;
  /** A body path (as a problem's `errors[].field` names it) → the form field to show its error beside. */
  fieldOf: (path: string) => string;
}

const value = (form: FormFields, name: string) => form[name]?.trim() ?? '';

/**
 * The form's fields are named by the body's dotted paths (`parties.0.name`), so that a problem's `errors[].field`
 * finds its input; rows left empty are skipped, and the paths of the rows kept are mapped back to the form's.
 */
export function mouDraftOf(form: FormFields, missionId: string): MouDraft {
  const body: Record<string, unknown> = { missionId, title: value(form, 'title') };
  const summary = Object.fromEntries(SUMMARY_LANGUAGES.map((language) => [language, value(form, `summary.${language}`)]).filter(([, text]) => text));
  body.summary = summary;
  const themes = value(form, 'themes')
    .split(/[,，;\n]/)
    .map((theme) => theme.trim())
    .filter(Boolean);
  if (themes.length > 0) body.themes = themes;

  const rename = new Map<string, string>();
  const rows = <T>(prefix: string, count: number, read: (row: string) => T | null): T[] => {
    const kept: T[] = [];
    for (let index = 0; index < count; index += 1) {
      const row = read(`${prefix}.${index}.`);
      if (row === null) continue;
      rename.set(`${prefix}.${kept.length}`, `${prefix}.${index}`);
      kept.push(row);
    }
    return kept;
  };
  body.parties = rows('parties', PARTY_ROWS, (row) => {
    const name = value(form, `${row}name`);
    if (!name) return null;
    const city = value(form, `${row}city`);
    return { name, kind: value(form, `${row}kind`), country: value(form, `${row}country`).toUpperCase(), ...(city ? { city } : {}) };
  });
  const signatories = rows('signatories', SIGNATORY_ROWS, (row) => {
    const name = value(form, `${row}name`);
    return name ? { name, title: value(form, `${row}title`), party: value(form, `${row}party`) } : null;
  });
  if (signatories.length > 0) body.signatories = signatories;
  for (const field of ['signedOn', 'signedPlace', 'entryIntoForceOn', 'expiresOn']) {
    const text = value(form, field);
    if (text) body[field] = text;
  }
  body.visibility = value(form, 'visibility') === 'public' ? 'public' : 'organisers';

  return {
    body,
    fieldOf(path) {
      const row = /^(parties|signatories)\.(\d+)(\..*)?$/.exec(path);
      if (row) {
        const renamed = rename.get(`${row[1]}.${row[2]}`);
        return renamed ? `${renamed}${row[3] ?? '.name'}` : row[1];
      }
      if (path.startsWith('themes')) return 'themes';
      if (path === 'summary' || path.startsWith('summary.')) return SUMMARY_LANGUAGES.some((language) => path === `summary.${language}`) ? path : 'summary.en';
      return path;
    },
  };
}
