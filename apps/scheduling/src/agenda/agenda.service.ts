import { assertOrganiserOrSelf, Problem, type Caller } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, Not, type DataSource } from 'typeorm';
import { EnrolmentEntity } from '../enrolments/enrolment.entity.js';
import { meetingTimetableOf, publicEntry } from '../meetings/timetables/timetables.service.js';
import type { MissionEntity } from '../missions/mission.entity.js';
import { ParticipantEntity } from '../participants/participant.entity.js';
import { SessionEntity } from '../sessions/session.entity.js';
import { venuesOf } from '../sessions/sessions.service.js';
import { missionOf } from '../venues/venues.service.js';
import { agendaOf, publicProgramme, toCalendar } from './agenda.js';
import type { Agenda, PublicProgramme } from './agenda.view.js';

@Injectable()
export class AgendaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The participant's own token or an organiser of the mission; anyone else is refused before anything is read. */
  async agenda(caller: Caller, missionId: string, registrationId: string): Promise<Agenda> {
    return (await this.agendaWithDates(caller, missionId, registrationId)).agenda;
  }

  async agendaCalendar(caller: Caller, missionId: string, registrationId: string): Promise<string> {
    const { agenda, mission, updatedAt, meetings } = await this.agendaWithDates(caller, missionId, registrationId);
    return toCalendar(`${mission.code} — my agenda`, agenda.items, updatedAt, meetings);
  }

  async programme(missionId: string): Promise<PublicProgramme> {
    return (await this.programmeWithDates(missionId)).programme;
  }

  async programmeCalendar(missionId: string): Promise<string> {
    const { programme, updatedAt } = await this.programmeWithDates(missionId);
    return toCalendar(`${programme.code} — ${programme.title}`, programme.items, updatedAt);
  }

  private async agendaWithDates(caller: Caller, missionId: string, registrationId: string) {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    const manager = this.dataSource.manager;
    const mission = await missionOf(manager, missionId);
    const participant = await manager.findOneBy(ParticipantEntity, { registrationId, missionId });
    if (!participant) throw Problem.notFound('Participant', registrationId);
    const sessions = await this.released(missionId);
    const enrolments = await manager.find(EnrolmentEntity, { where: { registrationId, status: Not('cancelled') } });
    const meetings = await meetingTimetableOf(manager, missionId, registrationId, participant.timezone);
    const agenda: Agenda = {
      missionId,
      registrationId,
      timezone: participant.timezone,
      items: agendaOf(
        participant,
        sessions,
        new Map(enrolments.map((enrolment) => [enrolment.sessionId, { id: enrolment.id, status: enrolment.status as 'confirmed' | 'waitlisted' }])),
        await venuesOf(manager, sessions),
        mission.timezone,
      ),
      meetings: meetings.map(publicEntry),
    };
    return { agenda, mission, updatedAt: updatedAtOf(sessions), meetings };
  }

  private async programmeWithDates(missionId: string) {
    const mission: MissionEntity = await missionOf(this.dataSource.manager, missionId);
    const sessions = await this.released(missionId);
    const programme: PublicProgramme = {
      missionId,
      code: mission.code,
      title: mission.title,
      timezone: mission.timezone,
      items: publicProgramme(sessions, await venuesOf(this.dataSource.manager, sessions), mission.timezone),
    };
    return { programme, updatedAt: updatedAtOf(sessions) };
  }

  private released(missionId: string): Promise<SessionEntity[]> {
    return this.dataSource.manager.find(SessionEntity, { where: { missionId, releasedAt: Not(IsNull()) } });
  }
}

function updatedAtOf(sessions: readonly SessionEntity[]): Map<string, Date> {
  return new Map(sessions.map((session) => [session.id, session.updatedAt]));
}
