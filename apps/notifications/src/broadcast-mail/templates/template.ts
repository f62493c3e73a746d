import type { MailText } from '../../mail/mail-body.js';

/** Everything a broadcast's mail shows: the organiser's words in the recipient's language, and whom it greets. */
export interface BroadcastView {
  /** The recipient's name as their language writes it. */
  name: string;
  missionTitle: string;
  /** The organiser's subject and body, as written (never parsed as a message). */
  subject: string;
  body: string;
}

/** One language's broadcast mail. */
export interface BroadcastTemplates {
  broadcast: (view: BroadcastView) => MailText;
}
