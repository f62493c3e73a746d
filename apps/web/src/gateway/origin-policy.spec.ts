import { credentialFor, requestSite } from './origin-policy.js';

const own = 'https://hub.example';
const allowed = ['https://mission.example'];

describe('requestSite', () => {
  it('trusts Sec-Fetch-Site same-origin, or an Origin equal to the own one', () => {
    expect(requestSite({ 'sec-fetch-site': 'same-origin' }, own, allowed)).toBe('same-origin');
    expect(requestSite({ origin: own }, own, allowed)).toBe('same-origin');
    expect(requestSite({ origin: own, 'sec-fetch-site': 'same-origin' }, own, allowed)).toBe('same-origin');
  });

  it('tells an allowed origin from any other', () => {
    expect(requestSite({ origin: 'https://mission.example', 'sec-fetch-site': 'cross-site' }, own, allowed)).toBe('allowed-origin');
    expect(requestSite({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, own, allowed)).toBe('other-origin');
  });

  it('counts a request from a cross-site page, or from no page at all, as another origin', () => {
    expect(requestSite({ 'sec-fetch-site': 'cross-site' }, own, allowed)).toBe('other-origin');
    expect(requestSite({ 'sec-fetch-site': 'same-site' }, own, allowed)).toBe('other-origin');
    expect(requestSite({}, own, allowed)).toBe('other-origin');
  });
});

describe('credentialFor', () => {
  const cookies = { mh_participant: 'mhp_abc', mh_organiser: 'eyJorg' };

  it('forwards an explicit Authorization header as it is, from anywhere', () => {
    expect(credentialFor({ authorization: 'Bearer x' }, cookies, 'other-origin')).toBe('Bearer x');
  });

  it('turns a session cookie into a bearer token for same-origin calls only', () => {
    expect(credentialFor({}, cookies, 'same-origin')).toBe('Bearer eyJorg');
    expect(credentialFor({ 'x-mission-hub-session': 'participant' }, cookies, 'same-origin')).toBe('Bearer mhp_abc');
    expect(credentialFor({}, { mh_participant: 'mhp_abc' }, 'same-origin')).toBe('Bearer mhp_abc');
    expect(credentialFor({}, cookies, 'allowed-origin')).toBeUndefined();
    expect(credentialFor({}, cookies, 'other-origin')).toBeUndefined();
  });
});
