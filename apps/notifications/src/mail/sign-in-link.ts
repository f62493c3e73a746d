import type { MailText } from './mail-body.js';
import type { MailLanguage } from './mail-language.js';
import type { OutgoingMail } from './mailer.service.js';
import { sharedText } from './messages/index.js';

/**
 * Where a mail's sign-in link goes, as it is kept in the delivery log: the link is a credential, so
 * it is minted when the mail is sent and never stored (DESIGN.md, Participant links).
 */
export const SIGN_IN_LINK = '{{sign-in-link}}';

/** `content` with the "Manage your registration" paragraph, its link left to the sending (`SIGN_IN_LINK`), before the closing one. */
export function withManageLink(content: MailText, language: MailLanguage): MailText {
  const closing = content.paragraphs.at(-1)!;
  return { ...content, paragraphs: [...content.paragraphs.slice(0, -1), sharedText(language).manage(SIGN_IN_LINK), closing] };
}

/** The mail as it is sent: its sign-in link in place, in the text and as a link in the HTML. */
export function withSignInLink(mail: OutgoingMail, url: string): OutgoingMail {
  const anchor = `<a href="${escapeAttribute(url)}">${escapeAttribute(url)}</a>`;
  return { ...mail, text: mail.text.replaceAll(SIGN_IN_LINK, url), html: mail.html.replaceAll(SIGN_IN_LINK, anchor) };
}

export function carriesSignInLink(mail: OutgoingMail): boolean {
  return mail.text.includes(SIGN_IN_LINK);
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
