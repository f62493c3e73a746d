import { ConfigurationError, loadServiceConfig } from './service-config.js';

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
  });
});
