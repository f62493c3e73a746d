import { createHash } from 'node:crypto';

/**
 * The `Message-ID` of the one e-mail an event causes to one recipient. It depends on nothing but
 * the event id and the address, so a copy re-sent after a crash is the same message to every mail
 * client (they fold messages by Message-ID) rather than a second one.
 */
export function deriveMessageId(eventId: string, recipient: string): string {
  const digest = createHash('sha256')
    .update(`${eventId}:${normaliseRecipient(recipient)}`)
    .digest('hex');
  return `<${digest}@mission-hub.local>`;
}

/** The form of an address the delivery log keys on: `Ana@Example.org` and `ana@example.org ` are one person. */
export function normaliseRecipient(address: string): string {
  return address.trim().toLowerCase();
}

/** The header that names the CloudEvent behind an e-mail (DESIGN.md, Mail). */
export const CAUSE_EVENT_HEADER = 'X-Mission-Hub-Event';
