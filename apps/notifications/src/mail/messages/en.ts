/** What mails of several kinds say alike: the greeting, the closing, the sign-in link, a session's when and where. */
export const en = {
  greeting: 'Dear {name},',
  closing: 'Kind regards,\nThe organisers of {missionTitle}',
  manage: 'Manage your registration: {link}\nThis link is yours alone: please do not forward it.',
  whenHereAndThere: '{atRecipient} your time ({timezone})\n{atVenue} local time at the venue ({venueTimezone})',
  whenHere: '{atRecipient} your time and at the venue ({timezone})',
  venue: 'Venue: {venue}',
  venueToBeAnnounced: 'Venue: to be announced',
  reason: 'Reason: {reason}',
};
export type SharedMessage = keyof typeof en;
