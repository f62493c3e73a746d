import {
  ConfigurationError,
  DEVELOPMENT_JWT_SECRET,
  DEVELOPMENT_PARTICIPANT_LINK_SECRET,
  DEVELOPMENT_PARTICIPANT_TOKEN_SECRET,
  loadServiceConfig,
} from './service-config.js';

describe('service configuration', () => {
  it('works in development with no other variable, on the service’s own schema and port', () => {
    const config = loadServiceConfig('mou-registry', { NODE_ENV: 'development' });
    expect(config).toMatchObject({ schema: 'mou_registry', port: 3003, exchange: 'mission-hub.events', usesDevelopmentSecret: true, trustProxy: 'loopback' });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/mission_hub');
  });

  it('takes overrides and coerces the port', () => {
    const config = loadServiceConfig('registration', { NODE_ENV: 'test', DB_SCHEMA: 'registration_t1', PORT: '4001', JWT_SECRET: 'a-secret-of-sixteen+' });
    expect(config).toMatchObject({ schema: 'registration_t1', port: 4001, jwtSecret: 'a-secret-of-sixteen+', usesDevelopmentSecret: false });
  });

  it('takes its own database and broker addresses before the shared ones', () => {
    const shared = { NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres@db:5432/mission_hub', RABBITMQ_URL: 'amqp://guest:guest@mq:5672' } as const;
    const own = {
      ...shared,
      MOU_REGISTRY_DATABASE_URL: 'postgres://mission_hub_mou_registry:pw@mou-db:5432/mission_hub',
      MOU_REGISTRY_RABBITMQ_URL: 'amqp://mission-hub-mou-registry:pw@mq:5672',
    };
    expect(loadServiceConfig('mou-registry', own)).toMatchObject({ databaseUrl: own.MOU_REGISTRY_DATABASE_URL, rabbitmqUrl: own.MOU_REGISTRY_RABBITMQ_URL });
    expect(loadServiceConfig('registration', own)).toMatchObject({ databaseUrl: shared.DATABASE_URL, rabbitmqUrl: shared.RABBITMQ_URL });
    expect(() => loadServiceConfig('registration', { ...shared, REGISTRATION_DATABASE_URL: 'not a url' })).toThrow(/REGISTRATION_DATABASE_URL/);
  });

  it('names every invalid variable at start-up', () => {
    expect(() => loadServiceConfig('registration', { PORT: 'eighty', DB_SCHEMA: 'Robert"); DROP' })).toThrow(/PORT[\s\S]*DB_SCHEMA|DB_SCHEMA[\s\S]*PORT/);
  });

  it('refuses to run in production on the development secret', () => {
    expect(() => loadServiceConfig('dashboard', { NODE_ENV: 'production' })).toThrow(ConfigurationError);
    expect(() => loadServiceConfig('dashboard', { NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(ConfigurationError);
  });

  it('warns of the development secret also when JWT_SECRET is set to it (docker-compose’s default)', () => {
    expect(loadServiceConfig('dashboard', { NODE_ENV: 'test', JWT_SECRET: DEVELOPMENT_JWT_SECRET }).usesDevelopmentSecret).toBe(true);
  });

  it('accepts the development secret only when NODE_ENV says development or test', () => {
    expect(() => loadServiceConfig('dashboard', {})).toThrow(/NODE_ENV=development or test/);
    expect(() => loadServiceConfig('dashboard', { JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(ConfigurationError);
    expect(loadServiceConfig('dashboard', { JWT_SECRET: 'a-secret-of-sixteen+' }).usesDevelopmentSecret).toBe(false);
  });

  it('caps an organiser token’s lifetime at a day unless configured', () => {
    expect(loadServiceConfig('dashboard', { NODE_ENV: 'test' }).organiserTokenMaxLifetimeSeconds).toBe(86_400);
    expect(loadServiceConfig('dashboard', { NODE_ENV: 'test', ORGANISER_TOKEN_MAX_LIFETIME_S: '3600' }).organiserTokenMaxLifetimeSeconds).toBe(3600);
  });
});

describe('an OIDC issuer for organiser tokens', () => {
  it('takes the issuer, its key set and the audience together, and then needs no JWT_SECRET in production', () => {
    const config = loadServiceConfig('dashboard', {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://id.example/realms/mh',
      OIDC_JWKS_URL: 'https://id.example/realms/mh/certs',
      OIDC_AUDIENCE: 'mission-hub',
    });
    expect(config.oidc).toEqual({ issuer: 'https://id.example/realms/mh', jwksUrl: 'https://id.example/realms/mh/certs', audience: 'mission-hub' });
    expect(config.usesDevelopmentSecret).toBe(false);
  });

  it('requires an audience in production, where another application of the same issuer would otherwise pass', () => {
    const issuer = { OIDC_ISSUER: 'https://id.example/realms/mh', OIDC_JWKS_URL: 'https://id.example/realms/mh/certs' };
    expect(() => loadServiceConfig('dashboard', { NODE_ENV: 'production', ...issuer })).toThrow(/OIDC_AUDIENCE/);
    expect(loadServiceConfig('dashboard', { NODE_ENV: 'development', ...issuer }).oidc?.audience).toBeUndefined();
  });

  it('refuses one without the other', () => {
    expect(() => loadServiceConfig('dashboard', { OIDC_ISSUER: 'https://id.example/realms/mh' })).toThrow(/OIDC_JWKS_URL/);
  });
});

describe('the participants’ secrets', () => {
  it('go only to the services that hold them, with development values and a warning outside production', () => {
    const registration = loadServiceConfig('registration', { NODE_ENV: 'test' });
    expect(registration.developmentParticipantSecrets).toEqual(['PARTICIPANT_TOKEN_SECRET', 'PARTICIPANT_LINK_SECRET']);
    expect(registration.participantTokenSecret).toBe(DEVELOPMENT_PARTICIPANT_TOKEN_SECRET);
    const notifications = loadServiceConfig('notifications', { NODE_ENV: 'test', PARTICIPANT_LINK_SECRET: 'a-link-secret-of-thirty-two-chars-or-more' });
    expect(notifications).toMatchObject({ participantTokenSecret: '', participantLinkSecret: 'a-link-secret-of-thirty-two-chars-or-more' });
    expect(notifications.developmentParticipantSecrets).toEqual([]);
    expect(loadServiceConfig('scheduling', { NODE_ENV: 'test' })).toMatchObject({
      participantTokenSecret: '',
      participantLinkSecret: '',
      developmentParticipantSecrets: [],
    });
  });

  it('are required in production by the services that hold them, and must differ', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-secret-of-sixteen+' };
    expect(() => loadServiceConfig('registration', production)).toThrow(/PARTICIPANT_TOKEN_SECRET and PARTICIPANT_LINK_SECRET/);
    expect(() => loadServiceConfig('notifications', { ...production, PARTICIPANT_LINK_SECRET: DEVELOPMENT_PARTICIPANT_LINK_SECRET })).toThrow(
      /PARTICIPANT_LINK_SECRET/,
    );
    expect(loadServiceConfig('scheduling', production).developmentParticipantSecrets).toEqual([]);
    const same = 'one-secret-for-both-of-thirty-two-chars';
    expect(() => loadServiceConfig('registration', { ...production, PARTICIPANT_TOKEN_SECRET: same, PARTICIPANT_LINK_SECRET: same })).toThrow(/differ/);
  });

  it('points links at the web entry, without a trailing slash', () => {
    expect(loadServiceConfig('notifications', { NODE_ENV: 'test' }).webBaseUrl).toBe('http://127.0.0.1:8080');
    expect(loadServiceConfig('notifications', { NODE_ENV: 'test', WEB_BASE_URL: 'https://mission.example.eu/' }).webBaseUrl).toBe('https://mission.example.eu');
  });
});
