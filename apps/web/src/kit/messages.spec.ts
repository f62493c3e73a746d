import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { languages } from './language.js';
import { placeholdersOf, type Catalogue } from './messages.js';

/** Every `*.messages.ts` of the web entry, so that a new area's catalogue is checked without being listed here. */
function catalogueFiles(directory = join(process.cwd(), 'apps/web/src')): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return catalogueFiles(path);
    return entry.name.endsWith('.messages.ts') ? [path] : [];
  });
}

describe('message catalogues', () => {
  const files = catalogueFiles();

  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [relative(process.cwd(), file), file]))('%s: every language has every key, with the same placeholders', async (_, file) => {
    const module = (await import(file)) as Record<string, unknown>;
    const catalogues = Object.values(module).filter((value): value is Catalogue => typeof value === 'object' && value !== null && 'en' in value);
    expect(catalogues.length).toBeGreaterThan(0);
    for (const catalogue of catalogues) {
      const keys = new Set(Object.values(catalogue).flatMap((messages) => Object.keys(messages)));
      for (const language of Object.keys(languages) as (keyof typeof languages)[]) {
        const messages = catalogue[language] ?? {};
        expect({ language, missing: [...keys].filter((key) => !(key in messages)) }).toEqual({ language, missing: [] });
        for (const key of keys) {
          if (!(key in messages)) continue;
          expect({ language, key, placeholders: placeholdersOf(messages[key]) }).toEqual({
            language,
            key,
            placeholders: placeholdersOf(catalogue.en[key] ?? ''),
          });
          expect({ language, key, empty: messages[key].trim() === '' }).toEqual({ language, key, empty: false });
        }
      }
    }
  });
});
