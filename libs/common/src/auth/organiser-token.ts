import { JwtService } from '@nestjs/jwt';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';

const organiserClaims = z.object({
  sub: z.string().min(1),
  role: z.literal('organiser'),
  missions: z.array(z.string().min(1)),
  /** Set when signing (`expiresIn`); read back so that a long-lived connection can end with its token. */
  exp: z.number().optional(),
});

export type OrganiserClaims = z.infer<typeof organiserClaims>;

/** Where organiser tokens come from in production: an OIDC issuer, whose keys are published as a JWKS. */
export interface OidcIssuer {
  issuer: string;
  jwksUrl: string;
  audience?: string;
}

export type OrganiserTokenVerifier = (token: string) => Promise<OrganiserClaims | null>;

export function signOrganiserToken(secret: string, claims: Omit<OrganiserClaims, 'exp'>, expiresInSeconds = 12 * 3600): string {
  return new JwtService({ secret }).sign(claims, { algorithm: 'HS256', expiresIn: expiresInSeconds });
}

/**
 * Verifies an organiser's token; any failure (signature, expiry, issuer, claims) is simply "not an
 * organiser". With an OIDC issuer only its keys count — a token signed with the shared secret is
 * refused, so whoever knows JWT_SECRET cannot mint organisers in production. Without one, HS256
 * with JWT_SECRET, as on a developer's machine.
 */
export function organiserTokenVerifier(options: { secret: string; oidc?: OidcIssuer }): OrganiserTokenVerifier {
  const { oidc } = options;
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
        const claims = organiserClaims.safeParse(payload);
        return claims.success ? claims.data : null;
      } catch {
        return null;
      }
    };
  }
  const jwt = new JwtService({ secret: options.secret, verifyOptions: { algorithms: ['HS256'] } });
  return async (token) => {
    try {
      const claims = organiserClaims.safeParse(jwt.verify(token));
      return claims.success ? claims.data : null;
    } catch {
      return null;
    }
  };
}
