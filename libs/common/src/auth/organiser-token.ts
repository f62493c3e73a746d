import { JwtService } from '@nestjs/jwt';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';

const organiserClaims = z.object({
  sub: z.string().min(1),
  role: z.literal('organiser'),
  // Mission ids or '*': anything else would reach the queries as a mission id.
  missions: z.array(z.union([z.literal('*'), z.uuid()])).max(1000),
  /** Required: a token that never expires would keep its streams and its rights for ever. */
  exp: z.number(),
  iat: z.number().optional(),
});

export type OrganiserClaims = z.infer<typeof organiserClaims>;

/** The longest an organiser token may live, from its `iat` (or from now, without one), unless configured otherwise. */
export const DEFAULT_ORGANISER_TOKEN_MAX_LIFETIME_SECONDS = 24 * 3600;

/** Why a token's claims are refused, or null: exp missing is refused by the schema; here, a lifetime beyond the maximum. */
export function lifetimeRefusal(claims: OrganiserClaims, maxLifetimeSeconds: number, nowSeconds = Math.floor(Date.now() / 1000)): string | null {
  const from = claims.iat ?? nowSeconds;
  return claims.exp - from > maxLifetimeSeconds ? `lives longer than ${maxLifetimeSeconds} s` : null;
}

/** Where organiser tokens come from in production: an OIDC issuer, whose keys are published as a JWKS. */
export interface OidcIssuer {
  issuer: string;
  jwksUrl: string;
  audience?: string;
}

/** A token's claims, or why it is refused (said in the 401, so a caller can tell an expired token from a malformed one). */
export type OrganiserVerdict = { claims: OrganiserClaims } | { refused: string };

export type OrganiserTokenVerifier = (token: string) => Promise<OrganiserVerdict>;

export function signOrganiserToken(secret: string, claims: Omit<OrganiserClaims, 'exp' | 'iat'>, expiresInSeconds = 12 * 3600): string {
  return new JwtService({ secret }).sign(claims, { algorithm: 'HS256', expiresIn: expiresInSeconds });
}

/**
 * Verifies an organiser's token: signature, expiry, issuer and audience, then the claims (`exp`
 * required, a lifetime within the maximum, missions as ids or `*`). With an OIDC issuer only its
 * keys count — a token signed with the shared secret is refused, so whoever knows JWT_SECRET cannot
 * mint organisers in production. Without one, HS256 with JWT_SECRET, as on a developer's machine.
 */
export function organiserTokenVerifier(options: { secret: string; oidc?: OidcIssuer; maxLifetimeSeconds?: number }): OrganiserTokenVerifier {
  const { oidc } = options;
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_ORGANISER_TOKEN_MAX_LIFETIME_SECONDS;
  const judge = (payload: unknown): OrganiserVerdict => {
    const claims = organiserClaims.safeParse(payload);
    if (!claims.success) {
      const issue = claims.error.issues[0]!;
      return { refused: `claim ${issue.path.join('.') || '(none)'}: ${issue.message}` };
    }
    const refusal = lifetimeRefusal(claims.data, maxLifetime);
    return refusal ? { refused: `the token ${refusal}` } : { claims: claims.data };
  };
  const unverifiable = (error: unknown): OrganiserVerdict => ({ refused: error instanceof Error ? error.message : 'not a valid token' });
  if (oidc) {
    // jose fetches the key set once, caches it, and fetches again when a token names an unknown key (rotation).
    const keys = createRemoteJWKSet(new URL(oidc.jwksUrl));
    return async (token) => {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: oidc.issuer,
          ...(oidc.audience ? { audience: oidc.audience } : {}),
          algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
        });
        return judge(payload);
      } catch (error) {
        return unverifiable(error);
      }
    };
  }
  const jwt = new JwtService({ secret: options.secret, verifyOptions: { algorithms: ['HS256'] } });
  return async (token) => {
    try {
      return judge(jwt.verify(token));
    } catch (error) {
      return unverifiable(error);
    }
  };
}
