import { chain, erasureLock, sql, type Deferred, type Statement, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { OutgoingMail } from '../mail/mailer.service.js';
import type { DeliveryStatus } from './delivery.schema.js';

export interface DeliveryRow {
  id: string;
  seq: string;
  cause_event_id: string;
  cause_event_type: string;
  mission_id: string | null;
  recipient: string;
  recipient_registration_id: string | null;
  channel: 'email';
  template: string;
  language: string;
  message_id: string;
  message: OutgoingMail;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

export interface NewDelivery {
  id: string;
  causeEventId: string;
  causeEventType: string;
  missionId: string | null;
  recipient: string;
  recipientRegistrationId: string | null;
  template: string;
  language: string;
  message: OutgoingMail;
}

/** A pending e-mail the dispatcher has claimed (leased: not due again until its lease ends). */
export interface DueDeliveryRow {
  id: string;
  cause_event_id: string;
  cause_event_type: string;
  correlation_id: string | null;
  mission_id: string | null;
  recipient_registration_id: string | null;
  template: string;
  language: string;
  message: OutgoingMail;
  attempts: number;
  /** The recipient is erased (an erasure and `deferQueue` keep this from happening; checked once more before sending). */
  erased: boolean;
  /** The recipient's mission and link generation as the participant directory holds them at the claim; null when it holds none. */
  holder_mission_id: string | null;
  link_generation: number | null;
}

/** How a cause's e-mails stand: queued (all of them) = pending + sent + failed + bounced (failed for good by a 5xx). */
export interface DeliveryFigures {
  queued: number;
  pending: number;
  sent: number;
  failed: number;
  bounced: number;
}

/** What became of a claimed e-mail's attempt, as `settle` records it. */
export type SettledDelivery =
  | { id: string; status: 'sent'; smtpResponse: string }
  | { id: string; status: 'pending'; error: string; retryInMs: number }
  | { id: string; status: 'failed'; error: string; bounced?: boolean }
  | { id: string; status: 'erased' };

/** The delivery log's SQL (`deliveries`, `erased_registrations`), in one place. */
@Injectable()
export class DeliveriesRepository {
  /**
   * Queues e-mails in the caller's transaction, due now, with its next statement or its COMMIT (nothing
   * here needs their results). Inserts nothing for a recipient this event has already queued (the
   * unique key), nor for an erased participant: it holds their erasure locks (shared; `lockErasures`
   * false when the caller took them already) until the caller's transaction ends, so an erasure either
   * came before and is seen, or waits and then forgets these rows. `alongside`, a write of the
   * caller's, goes in the same statement: one round trip for both on the path every registration takes.
   * Answers the deferred insert (or `alongside` alone), or null when there is nothing to write.
   */
  deferQueue(
    unit: UnitOfWork,
    deliveries: readonly NewDelivery[],
    correlationId: string,
    options: { lockErasures: boolean; alongside?: Statement },
  ): Deferred | null {
    const { alongside } = options;
    if (deliveries.length === 0) return alongside ? unit.defer(alongside, 'the write queued with no e-mail') : null;
    const column = <K extends keyof NewDelivery>(key: K) => deliveries.map((delivery) => delivery[key]);
    const participants = [...new Set(deliveries.flatMap((delivery) => delivery.recipientRegistrationId ?? []))];
    // A statement of its own (in the same round trip): the insert's snapshot must be taken after the wait for these locks.
    if (options.lockErasures && participants.length > 0) this.deferErasureLocks(unit, participants);
    const insert = sql(
      `INSERT INTO deliveries (id, cause_event_id, cause_event_type, correlation_id, mission_id, recipient, recipient_registration_id,
                               template, language, message_id, message, status, attempts, next_attempt_at)
       SELECT d.id, d.cause_event_id, d.cause_event_type, $1, d.mission_id, d.recipient, d.registration_id,
              d.template, d.language, d.message ->> 'messageId', d.message, 'pending', 0, now()
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::jsonb[])
              AS d (id, cause_event_id, cause_event_type, mission_id, recipient, registration_id, template, language, message)
        WHERE d.registration_id IS NULL OR NOT EXISTS (SELECT 1 FROM erased_registrations e WHERE e.registration_id = d.registration_id)
       ON CONFLICT ON CONSTRAINT deliveries_once_per_event_and_recipient DO NOTHING`,
      [
        correlationId,
        column('id'),
        column('causeEventId'),
        column('causeEventType'),
        column('missionId'),
        column('recipient'),
        column('recipientRegistrationId'),
        column('template'),
        column('language'),
        deliveries.map((delivery) => JSON.stringify(delivery.message)),
      ],
    );
    return unit.defer(alongside ? chain(alongside, insert, 'alongside') : insert, 'the queued e-mails');
  }

  /**
   * Takes the participants' erasure locks (shared: writes about one participant need not wait for
   * each other, only for their erasure) until the caller's transaction ends: an erasure arriving
   * meanwhile waits, then finds (and forgets) what this transaction wrote. Sent with the caller's
   * next statement, which takes its snapshot after the wait and so sees an erasure that came first.
   */
  deferErasureLocks(unit: UnitOfWork, registrationIds: readonly string[]): Deferred {
    return unit.defer(erasureLock.shared(registrationIds), 'the erasure locks');
  }

  /**
   * Claims up to `limit` e-mails that are due, oldest due first, for `leaseMs`: their next attempt
   * moves to the lease's end, so no other dispatcher takes them while this one sends, and a crash
   * leaves them due again when the lease runs out. One statement, its own transaction: no row stays
   * locked, and no connection held, while the mail goes out. Rows another transaction holds (another
   * claim, an erasure) are skipped. Each comes with its recipient's link generation as the directory
   * holds it now, for the sign-in link minted as it is sent.
   */
  claimDue(unit: UnitOfWork, limit: number, leaseMs: number): Promise<DueDeliveryRow[]> {
    return unit.query<DueDeliveryRow>(
      sql(
        `WITH claimed AS (
           UPDATE deliveries d
              SET next_attempt_at = now() + $2 * interval '1 millisecond'
             FROM (SELECT id FROM deliveries
                    WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at
                    LIMIT $1
                      FOR UPDATE SKIP LOCKED) AS due
            WHERE d.id = due.id
           RETURNING d.id, d.cause_event_id, d.cause_event_type, d.correlation_id, d.mission_id, d.recipient_registration_id, d.template, d.language,
                     d.message, d.attempts,
                     EXISTS (SELECT 1 FROM erased_registrations e WHERE e.registration_id = d.recipient_registration_id) AS erased)
         SELECT c.*, p.mission_id AS holder_mission_id, p.link_generation
           FROM claimed c LEFT JOIN participant_directory p ON p.registration_id = c.recipient_registration_id`,
        [limit, leaseMs],
      ),
    );
  }

  /**
   * Records the outcome of each claimed e-mail's attempt, as one statement (for
   * `OutboxService.addAllIfChanged`, which sends it with the e-mails' events). An erased one is failed
   * and forgotten, as `eraseRecipient` would have done, and its attempt not counted. Only a row whose
   * attempts are still those it was claimed with (`attemptsBefore`) changes, and its id is returned
   * as `key`: recorded twice (a commit whose answer was lost, tried again), it is recorded once.
   */
  settle(settled: readonly SettledDelivery[], attemptsBefore: ReadonlyMap<string, number>): Statement {
    return sql(
      `UPDATE deliveries d
               SET status = CASE WHEN o.status = 'erased' THEN 'failed'
                                 -- Erased while it was being sent: failed as the erasure left it, unless it did go out.
                                 WHEN d.recipient LIKE 'erased:%' AND o.status <> 'sent' THEN d.status
                                 ELSE o.status END,
                   attempts = d.attempts + CASE WHEN o.status = 'erased' THEN 0 ELSE 1 END,
                   smtp_response = o.smtp_response,
                   last_error = CASE WHEN o.status = 'erased' THEN 'participant erased before delivery' ELSE o.error END,
                   sent_at = CASE WHEN o.status = 'sent' THEN now() END,
                   next_attempt_at = CASE WHEN o.status = 'pending' THEN now() + o.retry_in_ms * interval '1 millisecond' END,
                   recipient = CASE WHEN o.status = 'erased' THEN 'erased:' || d.id ELSE d.recipient END,
                   message = CASE WHEN o.status = 'erased' THEN jsonb_build_object('erased', true) ELSE d.message END,
                   bounced = coalesce(o.bounced, false),
                   updated_at = now()
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::boolean[], $7::integer[])
                   AS o (id, status, smtp_response, error, retry_in_ms, bounced, attempts_before)
             WHERE d.id = o.id AND d.attempts = o.attempts_before
         RETURNING d.id::text AS key`,
      [
        settled.map((s) => s.id),
        settled.map((s) => s.status),
        settled.map((s) => (s.status === 'sent' ? s.smtpResponse : null)),
        settled.map((s) => (s.status === 'pending' || s.status === 'failed' ? s.error : null)),
        settled.map((s) => (s.status === 'pending' ? Math.round(s.retryInMs) : null)),
        settled.map((s) => (s.status === 'failed' ? (s.bounced ?? false) : null)),
        settled.map((s) => attemptsBefore.get(s.id) ?? -1),
      ],
    );
  }

  pageOfMission(unit: UnitOfWork, missionId: string, options: { status?: DeliveryStatus; afterSeq: string | null; limit: number }): Promise<DeliveryRow[]> {
    return unit.query<DeliveryRow>(
      sql(
        `SELECT * FROM deliveries
          WHERE mission_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::bigint IS NULL OR seq > $3)
          ORDER BY seq LIMIT $4`,
        [missionId, options.status ?? null, options.afterSeq, options.limit],
      ),
    );
  }

  /** Each cause's e-mails by outcome (a broadcast's figures: its id is their cause). */
  async figuresOf(unit: UnitOfWork, causeIds: readonly string[]): Promise<Map<string, DeliveryFigures>> {
    if (causeIds.length === 0) return new Map();
    const rows = await unit.query<{ cause_event_id: string } & DeliveryFigures>(
      sql(
        `SELECT cause_event_id, count(*)::int AS queued,
                count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(*) FILTER (WHERE status = 'sent')::int AS sent,
                count(*) FILTER (WHERE status = 'failed' AND NOT bounced)::int AS failed,
                count(*) FILTER (WHERE status = 'failed' AND bounced)::int AS bounced
           FROM deliveries WHERE cause_event_id = ANY($1::uuid[]) GROUP BY cause_event_id`,
        [causeIds],
      ),
    );
    return new Map(rows.map(({ cause_event_id, ...figures }) => [cause_event_id, figures]));
  }

  async isErased(unit: UnitOfWork, registrationId: string): Promise<boolean> {
    const rows = await unit.query(sql(`SELECT 1 FROM erased_registrations WHERE registration_id = $1`, [registrationId]));
    return rows.length > 0;
  }

  /**
   * Forgets who a participant's e-mails went to, and remembers that they are erased so that no mail
   * queued later is sent. An e-mail not sent yet is not sent any more: its row becomes failed. One
   * the dispatcher is sending right now (claimed, no lock held) may still go out: its outcome is then
   * recorded on the forgotten row, which stays failed unless it was sent.
   */
  async eraseRecipient(unit: UnitOfWork, registrationId: string): Promise<void> {
    await unit.query(erasureLock.exclusive(registrationId));
    await unit.query(sql(`INSERT INTO erased_registrations (registration_id) VALUES ($1) ON CONFLICT DO NOTHING`, [registrationId]));
    await unit.query(
      sql(
        `UPDATE deliveries
          SET recipient = 'erased:' || id,
              message = jsonb_build_object('erased', true),
              status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
              last_error = CASE WHEN status = 'pending' THEN 'participant erased before delivery' ELSE last_error END,
              updated_at = now()
        WHERE recipient_registration_id = $1 AND recipient NOT LIKE 'erased:%'`,
        [registrationId],
      ),
    );
  }
}
