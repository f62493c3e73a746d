import { ConfigurationError, DEVELOPMENT_JWT_SECRET, loadServiceConfig } from './service-config.js';

describe('service configuration', () => {
  it('works with no variables at all, on the service’s own schema and port', () => {
    const config = loadServiceConfig('mou-registry', {});
    expect(config).toMatchObject({ schema: 'mou_registry', port: 3003, exchange: 'mission-hub.events', usesDevelopmentSecret: true });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/mission_hub');
  });

  it('takes overrides and coerces the port', () => {
    const config = loadServiceConfig('registration', { DB_SCHEMA: 'registration_t1', PORT: '4001', JWT_SECRET: 'a-secret-of-sixteen+' });
    expect(config).toMatchObject({ schema: 'registration_t1', port: 4001, jwtSecret: 'a-secret-of-sixteen+', usesDevelopmentSecret: false });
  });

  it('names every invalid variable at start-up', () => {
    expect(() => loadServiceConfig('registration', { PORT: 'eighty', DB_SCHEMA: 'Robert"); DROP' })).toThrow(/PORT[\s\S]*DB_SCHEMA|DB_SCHEMA[\s\S]*PORT/);
  });

  it('refuses to run in production on the development secret', () => {
    expect(() => loadServiceConfig('dashboard', { NODE_ENV: 'production' })).toThrow(ConfigurationError);
    expect(() => loadServiceConfig('dashboard', { NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(ConfigurationError);
  });

  it('warns of the development secret also when JWT_SECRET is set to it (docker-compose’s default)', () => {
    expect(loadServiceConfig('dashboard', { JWT_SECRET: DEVELOPMENT_JWT_SECRET }).usesDevelopmentSecret).toBe(true);
  });
});

describe('an OIDC issuer for organiser tokens', () => {
  it('takes the issuer and its key set together, and then needs no JWT_SECRET in production', () => {
    const config = loadServiceConfig('dashboard', {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://id.example/realms/mh',
      OIDC_JWKS_URL: 'https://id.example/realms/mh/certs',
    });
    expect(config.oidc).toEqual({ issuer: 'https://id.example/realms/mh', jwksUrl: 'https://id.example/realms/mh/certs', audience: undefined });
    expect(config.usesDevelopmentSecret).toBe(false);
  });

  it('refuses one without the other', () => {
    expect(() => loadServiceConfig('dashboard', { OIDC_ISSUER: 'https://id.example/realms/mh' })).toThrow(/OIDC_JWKS_URL/);
  });
});
