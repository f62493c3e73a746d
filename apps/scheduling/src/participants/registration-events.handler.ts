import { registrationSnapshotTypes, type CloudEvent, type RegistrationSnapshot, type RegistrationSnapshotType } from '#contracts';
import { sendAhead } from '#common';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { In, Not, type EntityManager } from 'typeorm';
import { EnrolmentEntity } from '../enrolments/enrolment.entity.js';
import { SessionSeats } from '../enrolments/session-seats.js';
import { MeetingsService } from '../meetings/requests/meetings.service.js';
import { NEWER_TOKEN, participantsRepository } from './participants.repository.js';

/**
 * Keeps scheduling's participants from registration's events, once per event (inbox). A registration
 * that is cancelled or erased leaves its sessions, and each seat it held goes to that session's waitlist;
 * its open meeting requests are cancelled (its placed meetings are freed by the next scheduling run).
 */
@ApiExcludeController()
@Controller()
export class RegistrationEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly seats: SessionSeats,
    private readonly meetings: MeetingsService,
  ) {}

  @EventPattern([...registrationSnapshotTypes])
  async onRegistration(@Payload() event: CloudEvent<RegistrationSnapshotType>): Promise<void> {
    await this.inbox.handle(event, 'scheduling.participants', async ({ manager }) => {
      this.keep(manager, event.data, event.time);
      if (event.data.status === 'cancelled') {
        await this.leaveSessions(manager, event.data.registrationId, event);
        await this.meetings.leave(manager, event.data.registrationId, event);
      }
    });
  }

  /** The participant's access token was replaced (revoked, or a random one given way to a derived one): the old one stops working here too. */
  @EventPattern(['participant.access_revoked', 'participant.access_token_renewed'])
  async onAccessTokenReplaced(@Payload() event: CloudEvent<'participant.access_revoked' | 'participant.access_token_renewed'>): Promise<void> {
    await this.inbox.handle(event, 'scheduling.participants', ({ manager }) => participantsRepository.replaceAccessToken(manager, event.data, event.time));
  }

  @EventPattern('participant.erased')
  async onErased(@Payload() event: CloudEvent<'participant.erased'>): Promise<void> {
    const { registrationId } = event.data;
    await this.inbox.handle(event, 'scheduling.participants', async ({ manager }) => {
      // The row may not exist yet (events out of order): it is created erased, and stays so.
      await manager.query(
        `INSERT INTO participants (registration_id, mission_id, status, preferred_language, timezone, erased_at, as_of)
         VALUES ($1, $2, 'cancelled', 'en', 'UTC', $3, $3)
         ON CONFLICT (registration_id) DO UPDATE
           SET token_hash = NULL, erased_at = EXCLUDED.erased_at`,
        [registrationId, event.data.missionId, event.data.erasedAt],
      );
      await this.leaveSessions(manager, registrationId, event);
      await this.meetings.leave(manager, registrationId, event);
    });
  }

  /**
   * Events may arrive out of order (retries): the copy only moves forward, and an erased one stays
   * erased. Nothing reads the result: the write goes with the transaction's next statement or its commit.
   */
  private keep(manager: EntityManager, registration: RegistrationSnapshot, asOf: string): void {
    const { participant } = registration;
    sendAhead(
      manager,
      `INSERT INTO participants (registration_id, mission_id, status, delegation, preferred_language, timezone, token_hash, token_generation, token_as_of, as_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $9, $8, $8)
       ON CONFLICT (registration_id) DO UPDATE
         SET status = EXCLUDED.status, delegation = EXCLUDED.delegation, preferred_language = EXCLUDED.preferred_language,
             timezone = EXCLUDED.timezone, as_of = EXCLUDED.as_of,
             token_hash = CASE WHEN participants.erased_at IS NOT NULL THEN NULL
                               WHEN ${NEWER_TOKEN} THEN coalesce(EXCLUDED.token_hash, participants.token_hash)
                               ELSE participants.token_hash END,
             token_generation = CASE WHEN ${NEWER_TOKEN} THEN EXCLUDED.token_generation ELSE participants.token_generation END,
             token_as_of = CASE WHEN ${NEWER_TOKEN} THEN EXCLUDED.token_as_of ELSE participants.token_as_of END
       WHERE participants.as_of <= EXCLUDED.as_of`,
      [
        registration.registrationId,
        registration.missionId,
        registration.status,
        participant.delegation,
        participant.preferredLanguage,
        participant.timezone,
        registration.accessTokenHash ?? null,
        asOf,
        registration.tokenGeneration ?? 1,
      ],
    );
  }

  private async leaveSessions(manager: EntityManager, registrationId: string, cause: CloudEvent): Promise<void> {
    // The participant's row first, then the sessions in id order: the order enrolment takes them in.
    await manager.query(`SELECT 1 FROM participants WHERE registration_id = $1 FOR UPDATE`, [registrationId]);
    const enrolments = await manager.find(EnrolmentEntity, { where: { registrationId, status: Not('cancelled') }, order: { sessionId: 'ASC' } });
    if (enrolments.length === 0) return;
    for (const enrolment of enrolments) {
      const session = (await this.seats.lock(manager, enrolment.sessionId))!;
      // Under the session's lock, the enrolment as it is now: a concurrent cancel may have been first.
      const current = await manager.findOneBy(EnrolmentEntity, { id: enrolment.id, status: In(['confirmed', 'waitlisted']) });
      if (current) await this.seats.cancel(manager, session, current, 'participant-left', cause);
    }
  }
}
