import { chain, erasureLock, sql, type Deferred, type Statement, type UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import { inlineEventJson } from './stream-notice.js';

/** One event of a mission's log, as the stream sends it. */
export interface LoggedEvent {
  position: number;
  type: string;
  /** The CloudEvent, as JSON. */
  json: string;
}

interface LoggedEventRow {
  position: string;
  type: string;
  json: string;
}

/** Every statement of the event log (`mission_events`) and of the erasures it remembers (`erased_participants`). */
@Injectable()
export class EventLogRepository {
  /**
   * Appends the event with `counters`, its counters' write, in one statement sent with the COMMIT;
   * a mission's event is announced on `channel` at commit, its position drawn under the mission's
   * lock (`lockKey`) so that a mission's positions commit in order. docs/DESIGN.md, "Inside the dashboard".
   */
  deferAppend(unit: UnitOfWork, event: CloudEvent, counters: Statement | null, channel: string, lockKey: string): Deferred {
    const json = JSON.stringify(event);
    const append = event.missionid
      ? // The row comes out of the lock's subquery (volatile, so never flattened): the lock is held before the position is drawn.
        sql(
          `INSERT INTO mission_events (event_id, mission_id, type, time, event)
           SELECT $1::uuid, $2::uuid, $3::text, $4::timestamptz, $5::jsonb FROM (SELECT pg_advisory_xact_lock(hashtextextended($8::text, 0)) OFFSET 0) AS locked
           ON CONFLICT (event_id) DO NOTHING
           RETURNING pg_notify($6, position::text || ' ' || $2::text || ' ' || $3::text || ' ' || $7::text)`,
          [event.id, event.missionid, event.type, event.time, json, channel, inlineEventJson(json), lockKey],
        )
      : sql(`INSERT INTO mission_events (event_id, mission_id, type, time, event) VALUES ($1, NULL, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`, [
          event.id,
          event.type,
          event.time,
          json,
        ]);
    // The counters' CTE is read by nothing, so Postgres runs it after the insert, that is after the lock.
    return unit.defer(counters ? chain(counters, append, 'counted') : append, `the event log's row of ${event.type} ${event.id}`);
  }

  /**
   * Under the participant's erasure lock (shared), held to the commit: an erasure under way is waited
   * for. Two statements: the look-up's snapshot must be taken after the wait, or it would not see that
   * erasure.
   */
  /** Every read of the transaction sees one moment: a summary's counts and position, a report's pages. */
  deferSnapshot(unit: UnitOfWork): Deferred {
    return unit.defer(sql(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`), 'the snapshot');
  }

  async isErased(unit: UnitOfWork, registrationId: string): Promise<boolean> {
    await unit.query(erasureLock.shared([registrationId]));
    return (await unit.query(sql(`SELECT 1 FROM erased_participants WHERE registration_id = $1`, [registrationId]))).length > 0;
  }

  async after(unit: UnitOfWork, missionId: string, position: number, limit: number): Promise<LoggedEvent[]> {
    const rows = await unit.query<LoggedEventRow>(
      sql(`SELECT position, type, event::text AS json FROM mission_events WHERE mission_id = $1 AND position > $2 ORDER BY position LIMIT $3`, [
        missionId,
        position,
        limit,
      ]),
    );
    return rows.map(toLoggedEvent);
  }

  async at(unit: UnitOfWork, position: number): Promise<LoggedEvent | null> {
    const [row] = await unit.query<LoggedEventRow>(sql(`SELECT position, type, event::text AS json FROM mission_events WHERE position = $1`, [position]));
    return row ? toLoggedEvent(row) : null;
  }

  async lastPosition(unit: UnitOfWork, missionId: string): Promise<number> {
    const [row] = await unit.query<{ position: string | null }>(sql(`SELECT max(position) AS position FROM mission_events WHERE mission_id = $1`, [missionId]));
    return Number(row?.position ?? 0);
  }

  /**
   * Personal data erased upstream leaves the log too: the participant block of that registration's
   * events, and the owner of the MoU milestones they own (an MoU of no mission may name a participant
   * of any mission). The erasure is remembered, for events that name them and come later (`isErased`).
   */
  async eraseParticipant(unit: UnitOfWork, missionId: string, registrationId: string): Promise<void> {
    // Exclusive: an event naming them that is being stored meanwhile (isErased, shared) commits first, then is erased here.
    await unit.query(erasureLock.exclusive(registrationId));
    await unit.query(sql(`INSERT INTO erased_participants (registration_id) VALUES ($1) ON CONFLICT DO NOTHING`, [registrationId]));
    await unit.query(
      sql(
        `UPDATE mission_events SET event = jsonb_set(event, '{data,participant}', '{"erased": true}'::jsonb)
          WHERE mission_id = $1 AND event->'data'->>'registrationId' = $2 AND event->'data' ? 'participant'`,
        [missionId, registrationId],
      ),
    );
    await unit.query(
      sql(
        `UPDATE mission_events SET event = jsonb_set(event, '{data,owner}', '{"erased": true}'::jsonb)
          WHERE (mission_id = $1 OR mission_id IS NULL) AND event->'data'->'owner'->>'registrationId' = $2`,
        [missionId, registrationId],
      ),
    );
  }
}

function toLoggedEvent(row: LoggedEventRow): LoggedEvent {
  return { position: Number(row.position), type: row.type, json: row.json };
}
