import { SignJWT } from 'jose';
import { checkParticipantLink, signParticipantLink } from './participant-link.js';
import { deriveParticipantToken, hashParticipantToken } from './participant-token.js';
import { signOrganiserToken } from './organiser-token.js';

const secret = 'a-participant-secret-of-32-chars-at-least';
const registrationId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const missionId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('derived access tokens', () => {
  it('are the same for the same registration and generation, so they need not be stored', () => {
    const token = deriveParticipantToken(secret, registrationId, 1);
    expect(token).toEqual(deriveParticipantToken(secret, registrationId, 1));
    expect(token.token).toMatch(/^mhp_[A-Za-z0-9_-]{43}$/);
    expect(token.hash).toBe(hashParticipantToken(token.token));
    expect(token.hash).not.toContain(token.token.slice(4));
  });

  it('differ by generation, registration and secret', () => {
    const token = deriveParticipantToken(secret, registrationId, 1).token;
    expect(deriveParticipantToken(secret, registrationId, 2).token).not.toBe(token);
    expect(deriveParticipantToken(secret, missionId, 1).token).not.toBe(token);
    expect(deriveParticipantToken(`${secret}!`, registrationId, 1).token).not.toBe(token);
  });

  it('are not derived without a secret (a service that does not hold it)', () => {
    expect(() => deriveParticipantToken('', registrationId, 1)).toThrow(/secret/);
  });
});

describe('sign-in links', () => {
  const issuedAt = new Date('2019-06-01T08:00:00Z');
  const link = { registrationId, missionId, generation: 3 };

  it('carry the registration, its mission and the link generation, and are the same for the same inputs', async () => {
    const jwt = await signParticipantLink(secret, link, issuedAt, 14);
    expect(jwt).toBe(await signParticipantLink(secret, link, issuedAt, 14));
    expect(await checkParticipantLink(secret, jwt, new Date('2019-06-14T08:00:00Z'))).toEqual({ valid: true, link });
  });

  it('expire after their days', async () => {
    const jwt = await signParticipantLink(secret, link, issuedAt, 14);
    expect(await checkParticipantLink(secret, jwt, new Date('2019-06-15T08:00:01Z'))).toEqual({ valid: false, why: 'expired' });
  });

  it('refuse another secret, a changed claim, another purpose and an organiser token', async () => {
    const now = new Date('2019-06-02T00:00:00Z');
    const jwt = await signParticipantLink(secret, link, issuedAt, 14);
    expect(await checkParticipantLink(`${secret}!`, jwt, now)).toEqual({ valid: false, why: 'invalid' });
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = Buffer.from(JSON.stringify({ ...claims, gen: 4 })).toString('base64url');
    expect(await checkParticipantLink(secret, `${header}.${tampered}.${signature}`, now)).toEqual({ valid: false, why: 'invalid' });
    const otherPurpose = await new SignJWT({ ...claims, purpose: 'password-reset' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));
    expect(await checkParticipantLink(secret, otherPurpose, now)).toEqual({ valid: false, why: 'invalid' });
    expect(await checkParticipantLink(secret, signOrganiserToken(secret, { sub: registrationId, role: 'organiser', missions: ['*'] }))).toEqual({
      valid: false,
      why: 'invalid',
    });
    expect(await checkParticipantLink(secret, 'not-a-jwt', now)).toEqual({ valid: false, why: 'invalid' });
  });
});
