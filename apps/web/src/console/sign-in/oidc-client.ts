import { organiserTokenVerifier, type OrganiserTokenVerifier, type OrganiserVerdict } from '#common';
import { z } from 'zod';
import type { OidcClientConfig } from '../../web-config.js';
import { pkceChallenge, type SignInFlow } from './oidc-flow.rules.js';

const discoveryDocument = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  end_session_endpoint: z.url().optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
});

export type Discovery = z.infer<typeof discoveryDocument>;

const tokenAnswer = z.object({ access_token: z.string().min(1), token_type: z.string().optional() });

/** Why a sign-in at the identity provider ended without a session (each its own page). */
export type ExchangeOutcome = { accessToken: string; verdict: OrganiserVerdict } | { failed: string };

/**
 * The web entry as the identity provider's client: its discovery document fetched once and kept
 * (fetched again only after a failure), the authorization URL, the code exchange, and the same
 * verifier the services use, so that the console keeps only a token they will accept.
 */
export class OidcClient {
  private discovery?: Promise<Discovery>;
  private verifier?: OrganiserTokenVerifier;

  constructor(private readonly config: OidcClientConfig) {}

  discover(): Promise<Discovery> {
    this.discovery ??= this.fetchDiscovery().catch((error: unknown) => {
      this.discovery = undefined;
      throw error;
    });
    return this.discovery;
  }

  async authorizationUrl(flow: SignInFlow): Promise<string> {
    const { authorization_endpoint } = await this.discover();
    const url = new URL(authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('redirect_uri', this.config.redirectUri);
    url.searchParams.set('scope', this.config.scopes);
    url.searchParams.set('state', flow.state);
    url.searchParams.set('code_challenge', pkceChallenge(flow.verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    return url.toString();
  }

  /** Exchanges the code (with the flow's PKCE verifier) and judges the access token as a service would. */
  async exchange(code: string, flow: SignInFlow): Promise<ExchangeOutcome> {
    const discovery = await this.discover();
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: this.config.redirectUri, code_verifier: flow.verifier });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const { clientSecret } = this.config;
    const methods = discovery.token_endpoint_auth_methods_supported;
    if (clientSecret && (!methods || methods.includes('client_secret_basic'))) {
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(this.config.clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
    } else {
      form.set('client_id', this.config.clientId);
      if (clientSecret) form.set('client_secret', clientSecret);
    }
    let answer: Response;
    try {
      answer = await fetch(discovery.token_endpoint, { method: 'POST', headers, body: form, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      return { failed: `the token endpoint did not answer (${error instanceof Error ? error.message : 'no answer'})` };
    }
    const body: unknown = await answer.json().catch(() => undefined);
    if (!answer.ok) {
      const reason = (body as { error?: unknown } | undefined)?.error;
      return { failed: `the token endpoint answered ${answer.status}${typeof reason === 'string' ? ` (${reason})` : ''}` };
    }
    const tokens = tokenAnswer.safeParse(body);
    if (!tokens.success) return { failed: 'the token endpoint gave no access token' };
    this.verifier ??= organiserTokenVerifier({
      secret: '',
      oidc: { issuer: this.config.issuer, jwksUrl: this.config.jwksUrl ?? discovery.jwks_uri, audience: this.config.audience },
    });
    return { accessToken: tokens.data.access_token, verdict: await this.verifier(tokens.data.access_token) };
  }

  private async fetchDiscovery(): Promise<Discovery> {
    const url = `${this.config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const answer = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    if (!answer.ok) throw new Error(`the identity provider's discovery document answered ${answer.status}`);
    const document = discoveryDocument.parse(await answer.json());
    // OpenID Connect Discovery 1.0, 4.3: the document must name the issuer it was fetched for.
    if (document.issuer !== this.config.issuer) throw new Error(`the discovery document names the issuer ${document.issuer}, not ${this.config.issuer}`);
    return document;
  }
}
