import { JwtService } from '@nestjs/jwt';
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

  const organiser = { sub: 'ana@barcelona.cat', role: 'organiser', missions: ['6f1c1a52-8a0e-4d7e-9d43-2f4f3c5b9a10'] };

  it('accepts a token signed with the issuer’s key and carrying the organiser claims', async () => {
    const verify = organiserTokenVerifier({ secret: 'unused-secret-0123', oidc });
    expect(await verify(await sign(organiser))).toEqual({ claims: { ...organiser, exp: expect.any(Number), iat: expect.any(Number) } });
  });

  it('refuses another issuer, another audience, an expired token, a stranger’s key and missing claims', async () => {
    const verify = organiserTokenVerifier({ secret: 'unused-secret-0123', oidc });
    const refused = { refused: expect.any(String) };
    expect(await verify(await sign(organiser, { issuer: 'https://elsewhere.example' }))).toEqual(refused);
    expect(await verify(await sign(organiser, { audience: 'another-app' }))).toEqual(refused);
    expect(await verify(await sign(organiser, { expiresIn: '-1m' }))).toEqual(refused);
    expect(await verify(await signWithStrangerKey(organiser))).toEqual(refused);
    expect(await verify(await sign({ sub: 'ana', role: 'participant', missions: ['*'] }))).toEqual(refused);
  });

  it('refuses a token signed with the shared secret once an issuer is configured', async () => {
    const verify = organiserTokenVerifier({ secret: 'shared-secret-0123456', oidc });
    expect(await verify(signOrganiserToken('shared-secret-0123456', { sub: 'x', role: 'organiser', missions: ['*'] }))).toEqual({
      refused: expect.any(String),
    });
  });
});

describe('organiser tokens with the shared secret', () => {
  const secret = 'shared-secret-0123456';
  const verify = organiserTokenVerifier({ secret, maxLifetimeSeconds: 24 * 3600 });
  const signed = (claims: Record<string, unknown>, expiresIn?: number) =>
    new JwtService({ secret }).sign(claims, { algorithm: 'HS256', ...(expiresIn !== undefined ? { expiresIn } : {}) });

  it('refuses a token without exp, which would never expire', async () => {
    expect(await verify(signed({ sub: 'x', role: 'organiser', missions: ['*'] }))).toEqual({ refused: expect.stringMatching(/exp/) });
  });

  it('refuses a token living longer than the maximum, and takes one within it', async () => {
    expect(await verify(signed({ sub: 'x', role: 'organiser', missions: ['*'] }, 30 * 24 * 3600))).toEqual({ refused: expect.stringMatching(/longer/) });
    expect(await verify(signed({ sub: 'x', role: 'organiser', missions: ['*'] }, 3600))).toMatchObject({ claims: { sub: 'x' } });
  });

  it('refuses missions that are neither mission ids nor *', async () => {
    expect(await verify(signed({ sub: 'x', role: 'organiser', missions: ["m'; drop"] }, 3600))).toEqual({ refused: expect.stringMatching(/missions/) });
  });
});
