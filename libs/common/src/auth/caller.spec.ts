import { Problem } from '../problems/problem.js';
import { assertOrganiserOf, assertOrganiserOrSelf, organises, type Caller } from './caller.js';
import { organiserTokenVerifier, signOrganiserToken } from './organiser-token.js';

const verifier = (secret: string) => organiserTokenVerifier({ secret });
const rome: Caller = { kind: 'organiser', subject: 'rome', missions: ['m-rome'] };
const everyone: Caller = { kind: 'organiser', subject: 'admin', missions: ['*'] };
const participant: Caller = { kind: 'participant', registrationId: 'r-1', missionId: 'm-rome' };

function statusOf(work: () => void): number | 'allowed' {
  try {
    work();
    return 'allowed';
  } catch (error) {
    return (error as Problem).getStatus();
  }
}

describe('who may do what', () => {
  it('lets organisers act on their missions only', () => {
    expect(organises(rome, 'm-rome')).toBe(true);
    expect(organises(rome, 'm-chengdu')).toBe(false);
    expect(organises(everyone, 'm-chengdu')).toBe(true);
    expect(statusOf(() => assertOrganiserOf(rome, 'm-chengdu'))).toBe(403);
    expect(statusOf(() => assertOrganiserOf({ kind: 'anonymous' }, 'm-rome'))).toBe(401);
    expect(statusOf(() => assertOrganiserOf(participant, 'm-rome'))).toBe(403);
  });

  it('lets a participant read their own registration and nobody else’s', () => {
    expect(statusOf(() => assertOrganiserOrSelf(participant, 'm-rome', 'r-1'))).toBe('allowed');
    expect(statusOf(() => assertOrganiserOrSelf(participant, 'm-rome', 'r-2'))).toBe(403);
    expect(statusOf(() => assertOrganiserOrSelf(rome, 'm-rome', 'r-2'))).toBe('allowed');
    // Their own id under another mission's URL is not theirs to read.
    expect(statusOf(() => assertOrganiserOrSelf(participant, 'm-chengdu', 'r-1'))).toBe(403);
  });

  it('verifies organiser tokens by signature, algorithm and claims', async () => {
    const token = signOrganiserToken('secret-secret-secret', { sub: 'ana', role: 'organiser', missions: ['m-rome'] });
    expect(await verifier('secret-secret-secret')(token)).toMatchObject({ sub: 'ana', missions: ['m-rome'] });
    expect(await verifier('another-secret-secret')(token)).toBeNull();
    const [header, , signature] = token.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ sub: 'ana', role: 'organiser', missions: ['*'] })).toString('base64url');
    expect(await verifier('secret-secret-secret')(`${header}.${forgedClaims}.${signature}`)).toBeNull();
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${forgedClaims}.`;
    expect(await verifier('secret-secret-secret')(unsigned)).toBeNull();
  });
});
