import { assertOrganiserOrSelf, Problem, Transactions, type Caller } from '#common';
import { Injectable } from '@nestjs/common';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository.js';
import { publicEntry, TimetablesService } from '../meetings/timetables/timetables.service.js';
import { MissionsRepository } from '../missions/missions.repository.js';
import { ParticipantsRepository } from '../participants/participants.repository.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import type { Session } from '../programme/session.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { agendaOf, publicProgramme, toCalendar } from './agenda.js';
import type { Agenda, PublicProgramme } from './agenda.view.js';

@Injectable()
export class AgendaService {
  constructor(
    private readonly transactions: Transactions,
    private readonly missions: MissionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly sessionReads: ProgrammeRepository,
    private readonly timetables: TimetablesService,
  ) {}

  /** The participant's own token or an organiser of the mission; anyone else is refused before anything is read. */
  async agenda(caller: Caller, missionId: string, registrationId: string, accepted: readonly string[] = []): Promise<Agenda> {
    return (await this.agendaWithDates(caller, missionId, registrationId, accepted)).agenda;
  }

  async agendaCalendar(caller: Caller, missionId: string, registrationId: string, accepted: readonly string[] = []): Promise<string> {
    const { agenda, mission, updatedAt, meetings } = await this.agendaWithDates(caller, missionId, registrationId, accepted);
    return toCalendar(`${mission.code} — my agenda`, agenda.items, updatedAt, meetings);
  }

  async programme(missionId: string, accepted: readonly string[] = []): Promise<PublicProgramme> {
    return (await this.programmeWithDates(missionId, accepted)).programme;
  }

  async programmeCalendar(missionId: string, accepted: readonly string[] = []): Promise<string> {
    const { programme, updatedAt } = await this.programmeWithDates(missionId, accepted);
    return toCalendar(`${programme.code} — ${programme.title}`, programme.items, updatedAt);
  }

  private async agendaWithDates(caller: Caller, missionId: string, registrationId: string, accepted: readonly string[]) {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    const unit = this.transactions.outside;
    const mission = await this.missions.get(unit, missionId);
    const participant = await this.participants.find(unit, missionId, registrationId);
    if (!participant) throw Problem.notFound('Participant', registrationId);
    const sessions = await this.sessions.released(unit, missionId);
    const enrolments = await this.enrolments.openOfParticipant(unit, registrationId);
    const meetings = await this.timetables.entries(unit, missionId, registrationId, participant.timezone);
    const agenda: Agenda = {
      missionId,
      registrationId,
      timezone: participant.timezone,
      items: agendaOf(
        participant,
        sessions,
        new Map(enrolments.map((enrolment) => [enrolment.sessionId, { id: enrolment.id, status: enrolment.status as 'confirmed' | 'waitlisted' }])),
        await this.sessionReads.venuesOf(unit, sessions),
        mission.timezone,
        { rooms: await this.sessionReads.roomsOf(unit, sessions), accepted },
      ),
      meetings: meetings.map(publicEntry),
    };
    return { agenda, mission, updatedAt: updatedAtOf(sessions), meetings };
  }

  private async programmeWithDates(missionId: string, accepted: readonly string[]) {
    const unit = this.transactions.outside;
    const mission = await this.missions.get(unit, missionId);
    const sessions = await this.sessions.released(unit, missionId);
    const programme: PublicProgramme = {
      missionId,
      code: mission.code,
      title: mission.title,
      timezone: mission.timezone,
      items: publicProgramme(sessions, await this.sessionReads.venuesOf(unit, sessions), mission.timezone, {
        rooms: await this.sessionReads.roomsOf(unit, sessions),
        accepted,
      }),
    };
    return { programme, updatedAt: updatedAtOf(sessions) };
  }
}

function updatedAtOf(sessions: readonly Session[]): Map<string, Date> {
  return new Map(sessions.map((session) => [session.id, session.updatedAt]));
}
