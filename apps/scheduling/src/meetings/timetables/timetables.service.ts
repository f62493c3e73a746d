import { assertOrganiserOrSelf, Problem, Transactions, type Caller, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { ParticipantsRepository, PeopleRepository } from '../../participants/participants.repository.js';
import { toPersonView } from '../../participants/person.view.js';
import { localIso } from '../../programme/local-time.js';
import { meetingSequence } from '../requests/meeting.rules.js';
import type { PublicTimetableEntry, Timetable } from './timetable.view.js';
import { TimetablesRepository } from './timetables.repository.js';

export type { PublicTimetableEntry } from './timetable.view.js';

/** A meeting of the timetable, with what calendars need besides. */
export type TimetableEntry = PublicTimetableEntry & {
  /** For calendars (iCalendar SEQUENCE): seconds from the request to the meeting's last change. */
  sequence: number;
  updatedAt: Date;
};

/** An entry as the JSON shows it (the calendar's bookkeeping left out). */
export function publicEntry({ sequence: _, updatedAt: __, ...entry }: TimetableEntry): PublicTimetableEntry {
  return entry;
}

@Injectable()
export class TimetablesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly timetables: TimetablesRepository,
    private readonly participants: ParticipantsRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** The participant's own token or an organiser of the mission; anyone else is refused before anything is read. */
  async timetable(caller: Caller, missionId: string, registrationId: string): Promise<Timetable> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    const unit = this.transactions.outside;
    const participant = await this.participants.find(unit, missionId, registrationId);
    if (!participant) throw Problem.notFound('Participant', registrationId);
    const items = await this.entries(unit, missionId, registrationId, participant.timezone);
    return { missionId, registrationId, timezone: participant.timezone, items: items.map(publicEntry) };
  }

  /** A participant's meetings as the last run announced them, in time order, on their clock (`timezone`) and the venue's. */
  async entries(unit: UnitOfWork, missionId: string, registrationId: string, timezone: string): Promise<TimetableEntry[]> {
    const meetings = await this.timetables.placedMeetings(unit, missionId, registrationId);
    const people = await this.people.people(
      unit,
      meetings.flatMap((meeting) => meeting.attendees.map((attendee) => attendee.registrationId)),
    );
    const wallClock = (meeting: { startsAt: Date; endsAt: Date }, zone: string) => ({
      timezone: zone,
      startsAt: localIso(meeting.startsAt, zone),
      endsAt: localIso(meeting.endsAt, zone),
    });
    return meetings.map((meeting) => {
      const side =
        meeting.requesterId === registrationId
          ? 'requester'
          : meeting.inviteeId === registrationId
            ? 'invitee'
            : meeting.attendees.find((attendee) => attendee.registrationId === registrationId)?.side;
      const counterpartId = side === 'requester' ? meeting.inviteeId : meeting.requesterId;
      return {
        meetingId: meeting.id,
        counterpartId,
        counterpart: toPersonView(counterpartId, people),
        with: meeting.attendees.filter((attendee) => attendee.side !== side).map((attendee) => toPersonView(attendee.registrationId, people)),
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        participantTime: wallClock(meeting, timezone),
        venueTime: meeting.venue ? wallClock(meeting, meeting.venue.timezone) : null,
        table: meeting.tableNumber,
        blockId: meeting.blockId,
        venue: meeting.venue,
        outcome: meeting.outcome,
        sequence: meetingSequence(meeting),
        updatedAt: meeting.updatedAt,
      };
    });
  }
}
