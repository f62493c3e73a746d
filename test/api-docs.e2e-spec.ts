import type { ServiceName } from '#common';
import { validate } from '@readme/openapi-parser';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { call } from './support/api.js';
import { useSystem } from './support/system.js';

// The OpenAPI documents in docs/openapi are what the services serve at /api/docs-json, kept in the
// repository so that an API change shows in review. `npm run openapi` writes them anew.
const services: ServiceName[] = ['scheduling', 'registration', 'mou-registry', 'notifications', 'dashboard'];
const update = process.env.UPDATE_API_DOCS === '1';
const folder = new URL('../docs/openapi/', import.meta.url);

describe('the OpenAPI documents in docs/openapi', () => {
  const system = useSystem({ services });

  it.each(services)('%s serves a valid OpenAPI document, the one committed in docs/openapi', async (service) => {
    const served = await call(`${system.url(service)}/api/docs-json`);
    expect(served.status).toBe(200);
    expect(served.body.openapi).toMatch(/^3\./);
    const validation = await validate(structuredClone(served.body));
    expect(validation).toMatchObject({ valid: true });
    const file = new URL(`${service}.json`, folder);
    if (update) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(file, `${JSON.stringify(served.body, null, 2)}\n`);
    }
    expect(existsSync(file)).toBe(true);
    expect(served.body).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
