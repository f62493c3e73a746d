import { encodeSignInFlow, matchingFlow, newSignInFlow, pkceChallenge } from './oidc-flow.rules.js';

describe("the console's OIDC sign-in flow", () => {
  it('derives the S256 challenge of RFC 7636', () => {
    // RFC 7636, appendix B.
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('comes back only with the state this browser was given, to a console page only', () => {
    const flow = newSignInFlow('/console/m/3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b/live');
    const cookie = encodeSignInFlow(flow);
    expect(matchingFlow(cookie, flow.state)).toEqual(flow);
    expect(matchingFlow(cookie, `${flow.state}x`)).toBeUndefined();
    expect(
      matchingFlow(
        cookie,
        flow.state.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).toBeUndefined();
    expect(matchingFlow(cookie, undefined)).toBeUndefined();
    expect(matchingFlow(undefined, flow.state)).toBeUndefined();
    expect(matchingFlow('not base64 json', flow.state)).toBeUndefined();
    expect(newSignInFlow('https://evil.example/').next).toBe('/console');
    const crafted = encodeSignInFlow({ ...flow, next: '//evil.example' });
    expect(matchingFlow(crafted, flow.state)?.next).toBe('/console');
  });
});
