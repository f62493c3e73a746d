import { dueOffset, PeriodicWork, SERVICE_CONFIG, Transactions, type ReminderOffset, type ServiceConfig, type UnitOfWork } from '#common';
import { OutboxService } from '#messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { meetingSequence } from '../meetings/requests/meeting.rules.js';
import { MissionsRepository } from '../missions/missions.repository.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import { toSessionSnapshot } from '../programme/session.events.js';
import { RemindersRepository, type ReminderCandidate, type ReminderSubject } from './reminders.repository.js';

/** Candidates read per statement; each is announced in a transaction of its own. */
const BATCH = 100;

/**
 * Reminders before sessions and meetings (docs/DESIGN.md, Reminders). Nothing is stored ahead of
 * time: each period (`PeriodicJob` `reminders`, one instance per period) finds what starts within the
 * longest offset and has an offset due that was not announced for its start, and announces it, one
 * event per recipient, in the transaction that records it in `reminders_sent` and holds the session
 * or meeting: a move, a cancellation, someone leaving commit before (and are seen) or after (and
 * count from the next period), so the reminder goes for the time as it stands, to whoever is there.
 */
@Injectable()
export class RemindersService extends PeriodicWork {
  private readonly offsets: { session: ReminderOffset[]; meeting: ReminderOffset[] };

  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly reminders: RemindersRepository,
    private readonly programme: ProgrammeRepository,
    private readonly missions: MissionsRepository,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    super({ name: 'reminders', intervalMs: config.periodicJobs['reminders'] ?? 60_000, database: () => transactions.outside });
    this.offsets = config.reminderOffsets;
  }

  protected override enabled(): boolean {
    return this.offsets.session.length + this.offsets.meeting.length > 0;
  }

  /** One look; answers how many reminders of each kind it announced (events, one per recipient). */
  async run(now = new Date()): Promise<{ sessions: number; meetings: number }> {
    const sessions = await this.each('session', now, (unit, candidate, offset) => this.remindOfSession(unit, candidate, offset));
    const meetings = await this.each('meeting', now, (unit, candidate, offset) => this.remindOfMeeting(unit, candidate, offset));
    if (sessions + meetings > 0) this.logger.log({ msg: 'reminders announced', sessions, meetings });
    return { sessions, meetings };
  }

  private async each(
    kind: ReminderSubject,
    now: Date,
    remind: (unit: UnitOfWork, candidate: ReminderCandidate, offset: ReminderOffset) => Promise<number>,
  ): Promise<number> {
    const offsets = this.offsets[kind];
    if (offsets.length === 0) return 0;
    const ms = offsets.map((offset) => offset.ms);
    let announced = 0;
    const seen = new Set<string>();
    for (;;) {
      const read = this.transactions.outside;
      const candidates = (await this.reminders.due(read, kind, now, ms, BATCH)).filter((candidate) => !seen.has(candidate.id));
      for (const candidate of candidates) {
        seen.add(candidate.id);
        const offset = dueOffset(candidate.startsAt, offsets, now);
        if (offset) announced += await this.transactions.run((unit) => remind(unit, candidate, offset));
      }
      // A candidate that turned out gone (moved meanwhile) is read again: `seen` keeps the loop finite.
      if (candidates.length === 0) return announced;
    }
  }

  private async remindOfSession(unit: UnitOfWork, candidate: ReminderCandidate, offset: ReminderOffset): Promise<number> {
    const held = await this.reminders.holdSession(unit, candidate.id, candidate.startsAt);
    if (!held) return 0;
    const session = (await this.programme.session(unit, held.missionId, candidate.id))!;
    const speakers = session.speakers.flatMap((speaker) => (speaker.registrationId ? [speaker.registrationId] : []));
    const recipients = await this.reminders.sessionRecipients(unit, session, speakers);
    const reminderId = randomUUID();
    const recorded = await this.reminders.record(unit, {
      kind: 'session',
      subjectId: session.id,
      startsAt: session.startsAt,
      offsetMs: offset.ms,
      offset: offset.offset,
      reminderId,
      recipients: recipients.length,
    });
    if (!recorded || recipients.length === 0) return 0;
    const mission = await this.missions.get(unit, session.missionId);
    const { capacity: _, ...snapshot } = toSessionSnapshot(session, await this.programme.venue(unit, session.venueId), mission);
    await this.outbox.addMany(
      unit,
      recipients.map(({ registrationId, role }) => ({
        type: 'session.reminder_due' as const,
        data: { reminderId, missionId: session.missionId, registrationId, offset: offset.offset, role, session: snapshot },
        context: { subject: session.id, missionId: session.missionId },
      })),
    );
    return recipients.length;
  }

  private async remindOfMeeting(unit: UnitOfWork, candidate: ReminderCandidate, offset: ReminderOffset): Promise<number> {
    const held = await this.reminders.holdMeeting(unit, candidate.id, candidate.startsAt);
    if (!held) return 0;
    const { meeting, present } = held;
    const reminderId = randomUUID();
    const recorded = await this.reminders.record(unit, {
      kind: 'meeting',
      subjectId: meeting.id,
      startsAt: meeting.startsAt,
      offsetMs: offset.ms,
      offset: offset.offset,
      reminderId,
      recipients: present.length,
    });
    if (!recorded || present.length === 0) return 0;
    await this.outbox.addMany(
      unit,
      present.map((registrationId) => ({
        type: 'meeting.reminder_due' as const,
        data: {
          reminderId,
          missionId: meeting.missionId,
          registrationId,
          offset: offset.offset,
          meetingId: meeting.id,
          counterpartIds: meeting.parties.filter((party) => party !== registrationId),
          startsAt: meeting.startsAt.toISOString(),
          endsAt: meeting.endsAt.toISOString(),
          table: String(meeting.tableNumber),
          venue: meeting.venue,
          sequence: meetingSequence(meeting),
        },
        context: { subject: meeting.id, missionId: meeting.missionId },
      })),
    );
    return present.length;
  }
}
