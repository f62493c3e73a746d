import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface OidcProviderOptions {
  clientId: string;
  /** The `aud` of the access tokens it issues (change it between tests to issue tokens for another application). */
  audience: string;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
}

/**
 * A small OpenID Connect provider for tests, on 127.0.0.1 and a free port: its discovery document,
 * an authorize endpoint that approves at once (no login form) and sends the browser back with a code,
 * a token endpoint that checks the PKCE verifier (S256) and issues an RS256 JWT access token with the
 * organiser's claims, and its JWKS. Each code works once.
 */
export class OidcProvider {
  audience: string;
  /** The organiser claims its tokens carry. */
  claims: Record<string, unknown> = { role: 'organiser', missions: ['*'] };
  /** Token requests it answered, with whether the verifier matched (what a test can check). */
  readonly tokenRequests: { verifierMatched: boolean }[] = [];
  private server?: Server;
  private privateKey?: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  private jwk?: JWK;
  private readonly grants = new Map<string, Grant>();
  private readonly kid = randomBytes(8).toString('hex');

  constructor(private readonly options: OidcProviderOptions) {
    this.audience = options.audience;
  }

  get issuer(): string {
    if (!this.server) throw new Error('the OIDC provider is used before it started');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  async start(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: this.kid, alg: 'RS256', use: 'sig' };
    this.server = createServer((request, response) => {
      this.handle(request).then(
        ({ status, headers, body }) => {
          response.writeHead(status, headers);
          response.end(body);
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(String(error));
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A token as its token endpoint would issue it, for calling the services directly. */
  mint(overrides: Record<string, unknown> = {}): Promise<string> {
    return new SignJWT({ ...this.claims, ...overrides })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setSubject('organiser@mission-hub.test')
      .setAudience((overrides.aud as string | undefined) ?? this.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.privateKey!);
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const url = new URL(request.url ?? '/', this.issuer);
    const json = (status: number, body: unknown) => ({
      status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify(body),
    });
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: this.jwksUrl,
        end_session_endpoint: `${this.issuer}/logout`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none', 'client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [this.jwk] });
    if (url.pathname === '/authorize') {
      const query = url.searchParams;
      const redirectUri = query.get('redirect_uri') ?? '';
      if (query.get('client_id') !== this.options.clientId || query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256') {
        return json(400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('base64url');
      this.grants.set(code, { clientId: this.options.clientId, redirectUri, challenge: query.get('code_challenge') ?? '' });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state') ?? '');
      return { status: 302, headers: { location: back.toString() }, body: '' };
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const form = new URLSearchParams(await text(request));
      const grant = this.grants.get(form.get('code') ?? '');
      this.grants.delete(form.get('code') ?? '');
      const verifierMatched =
        !!grant &&
        createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url') === grant.challenge;
      this.tokenRequests.push({ verifierMatched });
      if (form.get('grant_type') !== 'authorization_code' || !grant || !verifierMatched || form.get('redirect_uri') !== grant.redirectUri) {
        return json(400, { error: 'invalid_grant' });
      }
      return json(200, { access_token: await this.mint(), token_type: 'Bearer', expires_in: 3600 });
    }
    return json(404, { error: 'not_found' });
  }
}

async function text(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** One provider for a test file, started before the system that is pointed at it (call this before `useSystem`). */
export function useOidcProvider(options: OidcProviderOptions): OidcProvider {
  const provider = new OidcProvider(options);
  beforeAll(() => provider.start());
  afterAll(() => provider.stop());
  return provider;
}
