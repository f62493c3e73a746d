import { sql, type Statement } from '#common';

/** Every statement of the inbox table (its retention sweep aside, which `MessageRetention` writes with the outbox's). */
export class InboxRepository {
  /**
   * The receipt of an event by a handler. No ON CONFLICT: for an event handled before, the key's
   * violation stops everything after it in its round trip and fails the transaction (`InboxService`).
   */
  static recordReceipt(eventId: string, handler: string): Statement {
    return sql(`INSERT INTO inbox (event_id, handler, received_at) VALUES ($1, $2, now())`, [eventId, handler]);
  }
}
