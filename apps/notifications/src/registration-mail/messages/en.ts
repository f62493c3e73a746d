/** The outcome of a registration: per kind a subject, what happened, and when (`<kind>On`). */
export const en = {
  mission: '{missionTitle} ({missionCode}, {missionDates})',
  whenHere: '{atRecipient} your time ({timezone})',
  whenHereAndThere: '{atRecipient} your time ({timezone}); {atMission} at the mission ({missionTimezone})',
  confirmedSubject: 'Your registration for {missionTitle} is confirmed',
  confirmed: 'Your registration for {mission} is confirmed. We look forward to welcoming you.',
  confirmedOn: 'Confirmed on {when}.',
  approvedSubject: 'Your registration for {missionTitle} has been approved',
  approved: 'An organiser has approved your registration for {mission}: your place is confirmed.',
  approvedOn: 'Approved on {when}.',
  promotedSubject: 'A place is free: your registration for {missionTitle} is confirmed',
  promoted: 'A place has become free and you have moved up from the waiting list: your registration for {mission} is now confirmed.',
  promotedOn: 'Confirmed on {when}.',
  waitlistedSubject: 'You are on the waiting list for {missionTitle}',
  waitlisted:
    '{mission} is fully booked at the moment, so you are on the waiting list{position, plural, =0 {.} other {, at position #.}} We will write to you as soon as a place becomes free.',
  waitlistedOn: 'Registered on {when}.',
  pending_approvalSubject: 'We have received your registration for {missionTitle}',
  pending_approval: 'We have received your registration for {mission}. An organiser will review it, and we will write to you once it has been decided.',
  pending_approvalOn: 'Received on {when}.',
  rejectedSubject: 'Your registration for {missionTitle}',
  rejected: 'We are sorry: your registration for {mission} could not be accepted.',
  rejectedOn: 'Decided on {when}.',
  cancelledSubject: 'Your registration for {missionTitle} is cancelled',
  cancelled: 'Your registration for {mission} has been cancelled.',
  cancelledOn: 'Cancelled on {when}.',
};
export type RegistrationMessage = keyof typeof en;
