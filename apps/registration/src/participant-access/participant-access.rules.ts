/** At most one link mail per registration in this long, however often its address is typed into the form. */
export const LINK_MAIL_INTERVAL_MS = 60_000;

export type SignInRefusal = 'invalid' | 'superseded';

/** The rules of participant links: plain code, tested without Nest, a database or a broker. */
export class ParticipantAccessRules {
  /** Whether a link asked for now is mailed: not when one was mailed for the registration less than a minute ago. */
  static mayMailLink(lastRequestedAt: Date | null | undefined, now: Date): boolean {
    return !lastRequestedAt || now.getTime() - lastRequestedAt.getTime() >= LINK_MAIL_INTERVAL_MS;
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
