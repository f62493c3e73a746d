/** At most one link mail per registration in this long, however often its address is typed into the form. */
export const LINK_MAIL_INTERVAL_MS = 60_000;

/** What one client address may ask of the "send me my link again" form: so many requests per window. */
export interface AddressQuota {
  requests: number;
  windowMs: number;
}

export const DEFAULT_ADDRESS_QUOTA: AddressQuota = { requests: 10, windowMs: 10 * 60_000 };

/** One address's use of its quota: requests counted since the window began. */
export interface AddressWindow {
  startedAt: number;
  count: number;
}

export type AddressDecision = { allowed: true; window: AddressWindow; remaining: number } | { allowed: false; window: AddressWindow; retryAfterMs: number };

export type SignInRefusal = 'invalid' | 'superseded';

/** The rules of participant links: plain code, tested without Nest, a database or a broker. */
export class ParticipantAccessRules {
  /** Whether a link asked for now is mailed: not when one was mailed for the registration less than a minute ago. */
  static mayMailLink(lastRequestedAt: Date | null | undefined, now: Date): boolean {
    return !lastRequestedAt || now.getTime() - lastRequestedAt.getTime() >= LINK_MAIL_INTERVAL_MS;
  }

  /**
   * One more request from an address whose window is `window` (none yet: undefined), at `now` (ms): a
   * fixed window that starts at the address's first request; past the quota, refused until it ends.
   */
  static takeRequest(window: AddressWindow | undefined, now: number, quota: AddressQuota): AddressDecision {
    const current = window && now - window.startedAt < quota.windowMs ? window : { startedAt: now, count: 0 };
    if (current.count >= quota.requests) return { allowed: false, window: current, retryAfterMs: current.startedAt + quota.windowMs - now };
    const next = { startedAt: current.startedAt, count: current.count + 1 };
    return { allowed: true, window: next, remaining: quota.requests - next.count };
  }

  /** Whether a window no longer limits anything, so its address can be forgotten. */
  static expired(window: AddressWindow, now: number, quota: AddressQuota): boolean {
    return now - window.startedAt >= quota.windowMs;
  }

  /**
   * Why a link that is ours and unexpired still does not sign in: its registration is unknown,
   * erased or of another mission (invalid), or a newer link has been made since (superseded).
   */
  static signInRefusal(
    link: { missionId: string; generation: number },
    registration: { missionId: string; linkGeneration: number; erasedAt?: Date | null } | null,
  ): SignInRefusal | null {
    if (!registration || registration.erasedAt || registration.missionId !== link.missionId) return 'invalid';
    if (registration.linkGeneration !== link.generation) return 'superseded';
    return null;
  }
}
