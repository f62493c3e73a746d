import type { MailText } from '../../mail/mail-body.js';

/** Why a participant is sent their sign-in link on its own: they asked for it again, or their access was revoked. */
export const accessMailKinds = ['link_requested', 'access_revoked'] as const;
export type AccessMailKind = (typeof accessMailKinds)[number];

export interface AccessMailView {
  givenName: string;
  familyName: string;
  mission: { code: string; title: string };
  /** Where the link goes, as it is kept (`SIGN_IN_LINK`): put in when the mail is sent. */
  link: string;
  /** How many days the link is valid. */
  days: number;
}

/** One language's sign-in link e-mails. */
export interface AccessTemplates {
  kinds: Record<AccessMailKind, (view: AccessMailView) => MailText>;
}
