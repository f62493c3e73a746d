import { admits } from './enrolment.rules.js';
import type { Session } from './session.js';

/**
 * Who is looking at a mission's released programme, as far as a session's audience matters: one of its
 * organisers, one of its participants (with the sessions they hold a seat in or wait for), or anyone else.
 */
export type ProgrammeViewer = { kind: 'organiser' } | { kind: 'participant'; registrationId: string; enrolledIn: ReadonlySet<string> } | { kind: 'anyone' };

export const anyone: ProgrammeViewer = { kind: 'anyone' };

export type AudiencedSession = Pick<Session, 'id' | 'audience' | 'speakers'>;

/**
 * Whether a released session exists for `viewer`. One by invitation only exists for the mission's
 * organisers and for the participants it concerns, as their agendas show it: those invited, those
 * speaking, and those enrolled (an organiser may enrol someone not invited). For anyone else it does
 * not exist at all, so that its title, time, place and speakers are told to no one who asks for them.
 * Every other audience is public: the programme shows it to everyone.
 */
export function isVisibleTo(session: AudiencedSession, viewer: ProgrammeViewer): boolean {
  if (session.audience.kind !== 'invitation' || viewer.kind === 'organiser') return true;
  if (viewer.kind === 'anyone') return false;
  const { registrationId } = viewer;
  return (
    admits(session.audience, { registrationId, delegation: null }) ||
    session.speakers.some((speaker) => speaker.registrationId === registrationId) ||
    viewer.enrolledIn.has(session.id)
  );
}
