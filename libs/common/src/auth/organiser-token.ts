import { JwtService } from '@nestjs/jwt';
import { z } from 'zod';

const organiserClaims = z.object({
  sub: z.string().min(1),
  role: z.literal('organiser'),
  missions: z.array(z.string().min(1)),
});

export type OrganiserClaims = z.infer<typeof organiserClaims>;

export function signOrganiserToken(secret: string, claims: OrganiserClaims, expiresInSeconds = 12 * 3600): string {
  return new JwtService({ secret }).sign(claims, { algorithm: 'HS256', expiresIn: expiresInSeconds });
}

/** Verifies an organiser's HS256 token; any failure (signature, expiry, claims) is simply "not an organiser". */
export function organiserTokenVerifier(secret: string): (token: string) => OrganiserClaims | null {
  const jwt = new JwtService({ secret, verifyOptions: { algorithms: ['HS256'] } });
  return (token) => {
    try {
      const claims = organiserClaims.safeParse(jwt.verify(token));
      return claims.success ? claims.data : null;
    } catch {
      return null;
    }
  };
}
