import { queryStatements, sqlLiteral } from '#common';
import type { EntityManager } from 'typeorm';
import type { OutgoingMail } from '../mail/mailer.js';
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

export interface AttemptOutcome {
  status: DeliveryStatus;
  smtpResponse: string | null;
  error: string | null;
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

/** The delivery log's SQL, in one place. */
export const deliveriesRepository = {
  /**
   * Records the first attempt at an e-mail with its outcome. Inserts nothing when this event already
   * has a row for this recipient, and then answers false.
   */
  async insertAttempted(manager: EntityManager, delivery: NewDelivery, attempt: AttemptOutcome): Promise<boolean> {
    const { sql, parameters } = this.insertAttemptedStatement(delivery, attempt);
    const inserted: unknown[] = await manager.query(sql, parameters);
    return inserted.length > 0;
  },

  /** `insertAttempted` as a statement, returning a row only if it inserted one: for `OutboxService.addIfChanged`. */
  insertAttemptedStatement(delivery: NewDelivery, attempt: AttemptOutcome): { sql: string; parameters: unknown[] } {
    return {
      sql: `INSERT INTO deliveries (id, cause_event_id, cause_event_type, mission_id, recipient, recipient_registration_id, template, language, message_id, message,
                               status, attempts, smtp_response, last_error, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text, 1, $12, $13, CASE WHEN $11::text = 'sent' THEN now() END)
       ON CONFLICT ON CONSTRAINT deliveries_once_per_event_and_recipient DO NOTHING
       RETURNING id`,
      parameters: [
        delivery.id,
        delivery.causeEventId,
        delivery.causeEventType,
        delivery.missionId,
        delivery.recipient,
        delivery.recipientRegistrationId,
        delivery.template,
        delivery.language,
        delivery.message.messageId,
        JSON.stringify(delivery.message),
        attempt.status,
        attempt.smtpResponse,
        attempt.error,
      ],
    };
  },

  /** The delivery of this event to this recipient, if it is still pending (the unique key finds it). */
  async pendingIdsOf(manager: EntityManager, causeEventId: string, recipient: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM deliveries WHERE cause_event_id = $1 AND recipient = $2 AND status = 'pending' ORDER BY seq`,
      [causeEventId, recipient],
    );
    return rows.map((row) => row.id);
  },

  /** Locks the row until the caller's transaction ends, and only while it is still pending. */
  async lockPending(manager: EntityManager, id: string): Promise<DeliveryRow | null> {
    const rows: DeliveryRow[] = await manager.query(`SELECT * FROM deliveries WHERE id = $1 AND status = 'pending' FOR UPDATE`, [id]);
    return rows[0] ?? null;
  },

  async markSent(manager: EntityManager, id: string, attempts: number, smtpResponse: string): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET status = 'sent', attempts = $2, smtp_response = $3, last_error = NULL, sent_at = now(), updated_at = now() WHERE id = $1`,
      [id, attempts, smtpResponse],
    );
  },

  async recordFailedAttempt(manager: EntityManager, id: string, attempts: number, error: string, final: boolean): Promise<void> {
    await manager.query(`UPDATE deliveries SET status = $4, attempts = $2, last_error = $3, updated_at = now() WHERE id = $1`, [
      id,
      attempts,
      error,
      final ? 'failed' : 'pending',
    ]);
  },

  async pageOfMission(
    manager: EntityManager,
    missionId: string,
    options: { status?: DeliveryStatus; afterSeq: string | null; limit: number },
  ): Promise<DeliveryRow[]> {
    return manager.query(
      `SELECT * FROM deliveries
        WHERE mission_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::bigint IS NULL OR seq > $3)
        ORDER BY seq LIMIT $4`,
      [missionId, options.status ?? null, options.afterSeq, options.limit],
    );
  },

  /**
   * Whether the participant has been erased, holding their erasure lock until the caller's
   * transaction ends: an erasure arriving meanwhile waits, then finds (and forgets) what this
   * transaction wrote. Two statements, because a statement's snapshot predates its wait for the
   * lock; sent in one message (one round trip), each with its own snapshot.
   */
  async lockAndCheckErased(manager: EntityManager, registrationId: string): Promise<boolean> {
    const key = sqlLiteral(registrationId);
    // Shared: mails to one participant need not wait for each other, only for their erasure.
    const [, erased] = await queryStatements(
      manager,
      `SELECT pg_advisory_xact_lock_shared(hashtext('erasure:' || ${key})); SELECT 1 FROM erased_registrations WHERE registration_id = ${key}`,
    );
    return (erased?.rowCount ?? 0) > 0;
  },

  /**
   * Forgets who a participant's e-mails went to, and remembers that they are erased so that no mail
   * still on its way is sent or logged later. An e-mail not sent yet is not sent any more: its row
   * becomes failed, so no delivery of its cause event can pick it up again.
   */
  async eraseRecipient(manager: EntityManager, registrationId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('erasure:' || $1))`, [registrationId]);
    await manager.query(`INSERT INTO erased_registrations (registration_id) VALUES ($1) ON CONFLICT DO NOTHING`, [registrationId]);
    await manager.query(
      `UPDATE deliveries
          SET recipient = 'erased:' || id,
              message = jsonb_build_object('erased', true),
              status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
              last_error = CASE WHEN status = 'pending' THEN 'participant erased before delivery' ELSE last_error END,
              updated_at = now()
        WHERE recipient_registration_id = $1 AND recipient NOT LIKE 'erased:%'`,
      [registrationId],
    );
  },
};
