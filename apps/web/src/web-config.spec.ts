import { nextUpstream } from './gateway/upstreams.js';
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

describe("the web entry's upstreams", () => {
  it('takes several instances of a service from *_URLS, in turn, and one from *_URL as before', () => {
    const config = loadWebConfig({ REGISTRATION_URLS: 'http://10.0.0.1:3001/, http://10.0.0.2:3001', SCHEDULING_URL: 'http://10.0.0.3:3002' });
    expect(config.upstreamPools.registration).toEqual(['http://10.0.0.1:3001', 'http://10.0.0.2:3001']);
    expect([1, 2, 3, 4].map(() => nextUpstream(config, 'registration'))).toEqual([
      'http://10.0.0.1:3001',
      'http://10.0.0.2:3001',
      'http://10.0.0.1:3001',
      'http://10.0.0.2:3001',
    ]);
    expect([1, 2].map(() => nextUpstream(config, 'scheduling'))).toEqual(['http://10.0.0.3:3002', 'http://10.0.0.3:3002']);
    expect(nextUpstream(config, 'dashboard')).toBe('http://127.0.0.1:3000');
    expect(() => loadWebConfig({ DASHBOARD_URLS: 'http://a:3000,not a url' })).toThrow(/DASHBOARD_URLS/);
  });
});
