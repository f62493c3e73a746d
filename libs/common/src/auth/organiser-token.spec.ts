import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { organiserTokenVerifier, signOrganiserToken, type OidcIssuer } from './organiser-token.js';

describe('organiser tokens from an OIDC issuer', () => {
  const issuer = 'https://login.mission-hub.example/realms/organisers';
  let server: Server;
  let oidc: OidcIssuer;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; expiresIn?: string; audience?: string }) => Promise<string>;
  let signWithStrangerKey: (claims: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const stranger = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    // The issuer's published key set, served the way an identity provider serves it.
    server = createServer((_, response) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    oidc = { issuer, jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`, audience: 'mission-hub' };
    const build = (claims: Record<string, unknown>, options: { issuer?: string; expiresIn?: string; audience?: string }) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? 'mission-hub')
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h');
    sign = (claims, options = {}) => build(claims, options).sign(privateKey);
    signWithStrangerKey = (claims) => build(claims, {}).sign(stranger.privateKey);
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const organiser = { sub: 'ana@barcelona.cat', role: 'organiser', missions: ['m-chengdu'] };

  it('accepts a token signed with the issuer’s key and carrying the organiser claims', async () => {
    const verify = organiserTokenVerifier({ secret: 'unused-secret-0123', oidc });
    expect(await verify(await sign(organiser))).toEqual({ ...organiser, exp: expect.any(Number) });
  });

  it('refuses another issuer, another audience, an expired token, a stranger’s key and missing claims', async () => {
    const verify = organiserTokenVerifier({ secret: 'unused-secret-0123', oidc });
    expect(await verify(await sign(organiser, { issuer: 'https://elsewhere.example' }))).toBeNull();
    expect(await verify(await sign(organiser, { audience: 'another-app' }))).toBeNull();
    expect(await verify(await sign(organiser, { expiresIn: '-1m' }))).toBeNull();
    expect(await verify(await signWithStrangerKey(organiser))).toBeNull();
    expect(await verify(await sign({ sub: 'ana', role: 'participant', missions: ['*'] }))).toBeNull();
  });

  it('refuses a token signed with the shared secret once an issuer is configured', async () => {
    const verify = organiserTokenVerifier({ secret: 'shared-secret-0123456', oidc });
    expect(await verify(signOrganiserToken('shared-secret-0123456', { sub: 'x', role: 'organiser', missions: ['*'] }))).toBeNull();
  });
});
