import { sendAhead } from '#common';
import type { CloudEvent } from '#contracts';
import type { EntityManager } from 'typeorm';
import { asCtes, type CounterStatement } from '../counters/counter-statement.js';
import { inlineEventJson } from './stream-notice.js';

/** One event of a mission's log, as the stream sends it. */
export interface LoggedEvent {
  position: number;
  type: string;
  /** The CloudEvent, as JSON. */
  json: string;
}

/** The event log's SQL, in one place. */
export const eventLogRepository = {
  /**
   * Appends an event, with the counters' writes for it in the same statement, and, for a mission's
   * event, announces it on `channel` when the transaction commits (Postgres delivers notifications
   * at commit, in commit order).
   *
   * Positions come from a sequence, so two transactions can take 10 and 11 and commit 11 first: a
   * client that saw 11 and resumes "after 11" would never get 10. A per-mission advisory lock, held
   * from before the position is drawn until the commit, makes a mission's positions commit in
   * order. Call this last in the transaction, so the lock is held for this statement and the commit only.
   * The counters' CTEs are read by nothing, so Postgres runs them after the main query, that is
   * after the lock: every transaction takes its mission's lock before any counter row, and no two
   * can wait for each other.
   */
  append(manager: EntityManager, event: CloudEvent, counters: readonly CounterStatement[], channel: string, lockKey: string): void {
    const json = JSON.stringify(event);
    // Nothing reads the result: the statement goes with the transaction's commit, in its round trip.
    if (!event.missionid) {
      const counted = asCtes(counters, 4);
      const withCounters = counted.ctes.length > 0 ? `WITH ${counted.ctes.join(', ')} ` : '';
      sendAhead(
        manager,
        `${withCounters}INSERT INTO mission_events (event_id, mission_id, type, time, event) VALUES ($1, NULL, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
        [event.id, event.type, event.time, json, ...counted.parameters],
      );
      return;
    }
    // One statement: the insert's row comes out of the materialised lock, so the lock is held before the position is drawn.
    const counted = asCtes(counters, 8);
    sendAhead(
      manager,
      `WITH ${counted.ctes.map((cte) => `${cte}, `).join('')}locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtextextended($8::text, 0))),
       stored AS (
         INSERT INTO mission_events (event_id, mission_id, type, time, event)
         SELECT $1::uuid, $2::uuid, $3::text, $4::timestamptz, $5::jsonb FROM locked
         ON CONFLICT (event_id) DO NOTHING RETURNING position
       )
       SELECT pg_notify($6, position::text || ' ' || $2::text || ' ' || $3::text || ' ' || $7::text) FROM stored`,
      [event.id, event.missionid, event.type, event.time, json, channel, inlineEventJson(json), lockKey, ...counted.parameters],
    );
  },

  /**
   * Under the participant's erasure lock (shared), held to the commit: an erasure under way is waited
   * for. Two statements: the look-up's snapshot must be taken after the wait, or it would not see that
   * erasure.
   */
  async isErased(manager: EntityManager, registrationId: string): Promise<boolean> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))`, [erasureLockKey(registrationId)]);
    return (await manager.query(`SELECT 1 FROM erased_participants WHERE registration_id = $1`, [registrationId])).length > 0;
  },

  async after(manager: EntityManager, missionId: string, position: number, limit: number): Promise<LoggedEvent[]> {
    const rows: { position: string; type: string; json: string }[] = await manager.query(
      `SELECT position, type, event::text AS json FROM mission_events WHERE mission_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
      [missionId, position, limit],
    );
    return rows.map((row) => ({ position: Number(row.position), type: row.type, json: row.json }));
  },

  async at(manager: EntityManager, position: number): Promise<LoggedEvent | null> {
    const rows: { position: string; type: string; json: string }[] = await manager.query(
      `SELECT position, type, event::text AS json FROM mission_events WHERE position = $1`,
      [position],
    );
    return rows[0] ? { position: Number(rows[0].position), type: rows[0].type, json: rows[0].json } : null;
  },

  async lastPosition(manager: EntityManager, missionId: string): Promise<number> {
    const [row]: { position: string | null }[] = await manager.query(`SELECT max(position) AS position FROM mission_events WHERE mission_id = $1`, [missionId]);
    return Number(row?.position ?? 0);
  },

  /**
   * Personal data erased upstream leaves the log too: the participant block of that registration's
   * events, and the owner of the MoU milestones they own (an MoU of no mission may name a participant
   * of any mission). The erasure is remembered, for events that name them and come later (`isErased`).
   */
  async eraseParticipant(manager: EntityManager, missionId: string, registrationId: string): Promise<void> {
    // Exclusive: an event naming them that is being stored meanwhile (isErased, shared) commits first, then is erased here.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [erasureLockKey(registrationId)]);
    await manager.query(`INSERT INTO erased_participants (registration_id) VALUES ($1) ON CONFLICT DO NOTHING`, [registrationId]);
    await manager.query(
      `UPDATE mission_events SET event = jsonb_set(event, '{data,participant}', '{"erased": true}'::jsonb)
        WHERE mission_id = $1 AND event->'data'->>'registrationId' = $2 AND event->'data' ? 'participant'`,
      [missionId, registrationId],
    );
    await manager.query(
      `UPDATE mission_events SET event = jsonb_set(event, '{data,owner}', '{"erased": true}'::jsonb)
        WHERE (mission_id = $1 OR mission_id IS NULL) AND event->'data'->'owner'->>'registrationId' = $2`,
      [missionId, registrationId],
    );
  },
};

function erasureLockKey(registrationId: string): string {
  return `dashboard:erasure:${registrationId}`;
}
