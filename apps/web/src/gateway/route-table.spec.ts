import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { owningService } from './route-table.js';

const documents = join(process.cwd(), 'docs/openapi');

/** Every `/api` path of each service's OpenAPI copy, with its parameters filled in. */
function apiPaths(): { service: string; path: string }[] {
  return readdirSync(documents)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const service = file.replace(/\.json$/, '');
      const document = JSON.parse(readFileSync(join(documents, file), 'utf8')) as { paths: Record<string, unknown> };
      return Object.keys(document.paths)
        .filter((path) => path.startsWith('/api/') && !path.startsWith('/api/docs'))
        .map((path) => ({ service, path: path.replace(/\{[^}]+\}/g, '0f8fad5b-d9cb-469f-a165-70867728950e') }));
    });
}

describe('the route table', () => {
  const paths = apiPaths();

  it('covers the documents of every service', () => {
    expect(new Set(paths.map(({ service }) => service))).toEqual(new Set(['registration', 'scheduling', 'mou-registry', 'notifications', 'dashboard']));
  });

  it.each(paths)('sends $path to $service, whose document holds it', ({ service, path }) => {
    expect(owningService(path)).toBe(service);
  });

  it('finds no path in two documents', () => {
    const owners = new Map<string, string[]>();
    for (const { service, path } of paths) owners.set(path, [...(owners.get(path) ?? []), service]);
    expect([...owners].filter(([, services]) => services.length > 1)).toEqual([]);
  });

  it('owns nothing outside /api', () => {
    expect(owningService('/api')).toBeUndefined();
    expect(owningService('/api/unknown')).toBeUndefined();
  });
});
