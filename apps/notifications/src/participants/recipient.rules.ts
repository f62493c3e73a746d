import type { RegistrationSnapshot, RegistrationStatus } from '#contracts';
import type { DirectoryEntry } from './participants.repository.js';

/** Why a registration id an event names gets no e-mail. */
export type SkipReason = 'unknown' | 'no-longer-registered';

export interface Recipients {
  recipients: DirectoryEntry[];
  skipped: { registrationId: string; why: SkipReason }[];
}

/** A rejected or cancelled registration is no longer told about the programme, whatever an event still says. */
const noLongerRegistered: readonly RegistrationStatus[] = ['rejected', 'cancelled'];

/**
 * Who of the registrations an event names gets an e-mail: each id once, in the event's order. An id
 * the directory does not know (never registered here, or erased) and a registration that is no
 * longer active are skipped, not failed: there is no one to tell.
 */
export function recipientsOf(registrationIds: readonly string[], entries: readonly DirectoryEntry[]): Recipients {
  const known = new Map(entries.map((entry) => [entry.registrationId, entry]));
  const result: Recipients = { recipients: [], skipped: [] };
  for (const registrationId of new Set(registrationIds)) {
    const entry = known.get(registrationId);
    if (!entry) result.skipped.push({ registrationId, why: 'unknown' });
    else if (noLongerRegistered.includes(entry.status)) result.skipped.push({ registrationId, why: 'no-longer-registered' });
    else result.recipients.push(entry);
  }
  return result;
}

/** The participant a registration snapshot describes, as the directory keeps them. */
export function entryOfSnapshot(snapshot: RegistrationSnapshot): DirectoryEntry {
  const { participant } = snapshot;
  return {
    registrationId: snapshot.registrationId,
    missionId: snapshot.missionId,
    status: snapshot.status,
    email: participant.email,
    givenName: participant.givenName,
    familyName: participant.familyName,
    jobTitle: participant.jobTitle,
    preferredLanguage: participant.preferredLanguage,
    timezone: participant.timezone,
    organisation: participant.organisation,
    delegation: participant.delegation,
    mission: snapshot.mission,
  };
}
