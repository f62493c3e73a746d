import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { consoleDestination } from './sign-in.rules.js';

/** What the browser keeps between leaving for the identity provider and coming back: in an HttpOnly cookie only. */
export interface SignInFlow {
  state: string;
  verifier: string;
  /** The console page the organiser was going to. */
  next: string;
}

/** The flow's cookie lives ten minutes: long enough to type a password, short enough not to linger. */
export const SIGN_IN_FLOW_SECONDS = 600;

export function newSignInFlow(next: string | undefined): SignInFlow {
  return { state: randomBytes(32).toString('base64url'), verifier: randomBytes(48).toString('base64url'), next: consoleDestination(next) };
}

/** RFC 7636 S256: the challenge sent to the authorization endpoint, of which only the token endpoint sees the verifier. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function encodeSignInFlow(flow: SignInFlow): string {
  return Buffer.from(JSON.stringify(flow)).toString('base64url');
}

export function decodeSignInFlow(value: string | undefined): SignInFlow | undefined {
  if (!value) return undefined;
  try {
    const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<SignInFlow>;
    if (typeof flow.state !== 'string' || typeof flow.verifier !== 'string' || !flow.state || !flow.verifier) return undefined;
    return { state: flow.state, verifier: flow.verifier, next: consoleDestination(typeof flow.next === 'string' ? flow.next : undefined) };
  } catch {
    return undefined;
  }
}

/**
 * The flow the callback belongs to, or undefined: the `state` that came back must be the one this
 * browser's cookie holds (random, and set only by us, HttpOnly), so a callback started elsewhere is refused.
 */
export function matchingFlow(cookie: string | undefined, state: unknown): SignInFlow | undefined {
  const flow = decodeSignInFlow(cookie);
  if (!flow || typeof state !== 'string') return undefined;
  const expected = Buffer.from(flow.state);
  const received = Buffer.from(state);
  return expected.length === received.length && timingSafeEqual(expected, received) ? flow : undefined;
}
