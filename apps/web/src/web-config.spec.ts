import { loadWebConfig } from './web-config.js';

describe("the web entry's OIDC sign-in configuration", () => {
  const issuer = { OIDC_ISSUER: 'https://id.example/realms/mh' };

  it('makes the console a client of the issuer, coming back to WEB_BASE_URL', () => {
    const config = loadWebConfig({ ...issuer, OIDC_CLIENT_ID: 'console', OIDC_AUDIENCE: 'mission-hub', WEB_BASE_URL: 'https://missions.example/' });
    expect(config.oidc).toEqual({
      issuer: 'https://id.example/realms/mh',
      clientId: 'console',
      scopes: 'openid profile email',
      redirectUri: 'https://missions.example/console/sign-in/callback',
      audience: 'mission-hub',
    });
    expect(loadWebConfig({}).oidc).toBeUndefined();
  });

  it('refuses an issuer without a client id, and one without an audience in production', () => {
    expect(() => loadWebConfig(issuer)).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadWebConfig({ ...issuer, OIDC_CLIENT_ID: 'console', NODE_ENV: 'production' })).toThrow(/OIDC_AUDIENCE/);
  });
});
