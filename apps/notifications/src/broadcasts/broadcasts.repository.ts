import { sql, type Statement, type UnitOfWork } from '#common';
import type { RegistrationSnapshot } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { MailLanguage } from '../mail/mail-language.js';
import type { BroadcastText } from '../broadcast-mail/broadcast.mail.js';
import type { Audience, AudienceWorld } from './broadcast.rules.js';

export type BroadcastStatus = 'scheduled' | 'sent' | 'cancelled';

export interface Broadcast {
  broadcastId: string;
  missionId: string;
  createdBy: string;
  audience: Audience;
  texts: Partial<Record<MailLanguage, BroadcastText>>;
  defaultLanguage: MailLanguage;
  status: BroadcastStatus;
  sendAt: Date;
  createdAt: Date;
  cancelledAt: Date | null;
  releasedAt: Date | null;
  recipients: number | null;
}

interface BroadcastRow {
  broadcast_id: string;
  mission_id: string;
  created_by: string;
  audience: Audience;
  texts: Broadcast['texts'];
  default_language: MailLanguage;
  status: BroadcastStatus;
  send_at: Date;
  created_at: Date;
  cancelled_at: Date | null;
  released_at: Date | null;
  recipients: number | null;
}

/** What notifications knows of a participant beside the directory: where an audience finds them, and their access token's hash. */
export interface Member {
  registrationId: string;
  delegationId: string | null;
  categoryId: string | null;
  categoryCode: string | null;
}

/** One broadcast in a participant's feed, in the language it was sent to them in. */
export interface FeedItem {
  broadcastId: string;
  language: MailLanguage;
  subject: string;
  body: string;
  deliveredAt: Date;
}

/** A token's generation only moves forward; at one generation, the later word wins. */
const NEWER_TOKEN = `(EXCLUDED.token_generation, EXCLUDED.token_as_of) >= (broadcast_members.token_generation, broadcast_members.token_as_of)`;

/**
 * The SQL of broadcasts (`broadcasts`, `broadcast_recipients`) and of the read models an audience is
 * resolved from (`broadcast_members`, `broadcast_delegations`, `broadcast_session_people`, `broadcast_meetings`).
 */
@Injectable()
export class BroadcastsRepository {
  async insert(unit: UnitOfWork, broadcast: Omit<Broadcast, 'createdAt' | 'cancelledAt' | 'releasedAt' | 'recipients' | 'status'>): Promise<Broadcast> {
    const [row] = await unit.query<BroadcastRow>(
      sql(
        `INSERT INTO broadcasts (broadcast_id, mission_id, created_by, audience, texts, default_language, status, send_at)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, 'scheduled', $7) RETURNING *`,
        [
          broadcast.broadcastId,
          broadcast.missionId,
          broadcast.createdBy,
          JSON.stringify(broadcast.audience),
          JSON.stringify(broadcast.texts),
          broadcast.defaultLanguage,
          broadcast.sendAt,
        ],
      ),
    );
    return toBroadcast(row!);
  }

  async find(unit: UnitOfWork, missionId: string, broadcastId: string): Promise<Broadcast | null> {
    const [row] = await unit.query<BroadcastRow>(sql(`SELECT * FROM broadcasts WHERE mission_id = $1 AND broadcast_id = $2`, [missionId, broadcastId]));
    return row ? toBroadcast(row) : null;
  }

  /** A mission's broadcasts, newest first. */
  async ofMission(unit: UnitOfWork, missionId: string, limit: number): Promise<Broadcast[]> {
    const rows = await unit.query<BroadcastRow>(sql(`SELECT * FROM broadcasts WHERE mission_id = $1 ORDER BY created_at DESC LIMIT $2`, [missionId, limit]));
    return rows.map(toBroadcast);
  }

  /**
   * Cancels a broadcast that has not gone; answers it as it now stands (null: no such broadcast). A
   * release under way holds the row's lock: the cancel waits for it and then finds it sent.
   */
  async cancel(unit: UnitOfWork, missionId: string, broadcastId: string): Promise<{ cancelled: boolean; broadcast: Broadcast | null }> {
    const [row] = await unit.query<BroadcastRow>(
      sql(
        `UPDATE broadcasts SET status = 'cancelled', cancelled_at = now()
          WHERE mission_id = $1 AND broadcast_id = $2 AND status = 'scheduled' RETURNING *`,
        [missionId, broadcastId],
      ),
    );
    if (row) return { cancelled: true, broadcast: toBroadcast(row) };
    return { cancelled: false, broadcast: await this.find(unit, missionId, broadcastId) };
  }

  /**
   * The broadcast due first, locked for the caller's transaction (the release): another instance
   * skips it, and a crash before the commit leaves it due, untouched, for the next one to take.
   */
  async claimDue(unit: UnitOfWork): Promise<Broadcast | null> {
    const [row] = await unit.query<BroadcastRow>(
      sql(`SELECT * FROM broadcasts WHERE status = 'scheduled' AND send_at <= now() ORDER BY send_at LIMIT 1 FOR UPDATE SKIP LOCKED`, []),
    );
    return row ? toBroadcast(row) : null;
  }

  /** When the next scheduled broadcast is due, if any: the release loop sleeps until then. */
  async nextDueAt(unit: UnitOfWork): Promise<Date | null> {
    const [row] = await unit.query<{ send_at: Date }>(sql(`SELECT min(send_at) AS send_at FROM broadcasts WHERE status = 'scheduled'`, []));
    return row?.send_at ?? null;
  }

  /** The broadcast went to these recipients: their feed rows (the erased left out), with the caller's next statement. */
  deferFeed(unit: UnitOfWork, broadcastId: string, recipients: readonly { registrationId: string; language: MailLanguage }[]): void {
    if (recipients.length === 0) return;
    unit.defer(
      sql(
        `INSERT INTO broadcast_recipients (broadcast_id, registration_id, language, delivered_at)
         SELECT $1, r.registration_id, r.language, now() FROM unnest($2::uuid[], $3::text[]) AS r (registration_id, language)
          WHERE NOT EXISTS (SELECT 1 FROM erased_registrations e WHERE e.registration_id = r.registration_id)
         ON CONFLICT DO NOTHING`,
        [broadcastId, recipients.map((r) => r.registrationId), recipients.map((r) => r.language)],
      ),
      'the broadcast’s feed rows',
    );
  }

  /** The broadcast went, to `recipients` of them: a statement, for the release's event to go with. */
  released(broadcastId: string, recipients: number): Statement {
    return sql(`UPDATE broadcasts SET status = 'sent', released_at = now(), recipients = $2 WHERE broadcast_id = $1`, [broadcastId, recipients]);
  }

  /** What an audience of `missionId` is resolved against, beside the directory's participants (`members` of them). */
  async world(
    unit: UnitOfWork,
    missionId: string,
    sessionIds: readonly string[],
  ): Promise<Omit<AudienceWorld, 'candidates'> & { members: Map<string, Member> }> {
    const members = await unit.query<{ registration_id: string; delegation_id: string | null; category_id: string | null; category_code: string | null }>(
      sql(`SELECT registration_id, delegation_id, category_id, category_code FROM broadcast_members WHERE mission_id = $1`, [missionId]),
    );
    const delegations = await unit.query<{ delegation_id: string; parent_id: string | null }>(
      sql(`SELECT delegation_id, parent_id FROM broadcast_delegations WHERE mission_id = $1`, [missionId]),
    );
    const sessionPeople =
      sessionIds.length === 0
        ? []
        : await unit.query<{ session_id: string; registration_id: string; status: 'confirmed' | 'waitlisted' | 'cancelled' }>(
            sql(`SELECT session_id, registration_id, status FROM broadcast_session_people WHERE session_id = ANY($1::uuid[])`, [sessionIds]),
          );
    const meetings = await unit.query<{ starts_at: Date; parties: string[] }>(
      sql(`SELECT starts_at, parties FROM broadcast_meetings WHERE mission_id = $1 AND starts_at IS NOT NULL`, [missionId]),
    );
    return {
      members: new Map(
        members.map((row) => [
          row.registration_id,
          { registrationId: row.registration_id, delegationId: row.delegation_id, categoryId: row.category_id, categoryCode: row.category_code },
        ]),
      ),
      delegations: delegations.map((row) => ({ delegationId: row.delegation_id, parentId: row.parent_id })),
      sessionPeople: sessionPeople.map((row) => ({ sessionId: row.session_id, registrationId: row.registration_id, status: row.status })),
      meetings: meetings.map((row) => ({ startsAt: row.starts_at.toISOString(), parties: row.parties })),
    };
  }

  /** A participant's feed, newest first, `before` a time (the page's cursor). */
  async feed(unit: UnitOfWork, registrationId: string, before: Date | null, limit: number): Promise<FeedItem[]> {
    const rows = await unit.query<{ broadcast_id: string; language: MailLanguage; text: BroadcastText; delivered_at: Date }>(
      sql(
        `SELECT r.broadcast_id, r.language, b.texts -> r.language AS text, r.delivered_at
           FROM broadcast_recipients r JOIN broadcasts b USING (broadcast_id)
          WHERE r.registration_id = $1 AND ($2::timestamptz IS NULL OR r.delivered_at < $2)
          ORDER BY r.delivered_at DESC, r.broadcast_id LIMIT $3`,
        [registrationId, before, limit],
      ),
    );
    return rows.map((row) => ({
      broadcastId: row.broadcast_id,
      language: row.language,
      subject: row.text.subject,
      body: row.text.body,
      deliveredAt: row.delivered_at,
    }));
  }

  // The read models, each row only moving forward (events may come out of order).

  /** A registration's delegation, category and access token, unless they are erased. */
  keepMember(unit: UnitOfWork, snapshot: RegistrationSnapshot, asOf: string): void {
    unit.defer(
      sql(
        `INSERT INTO broadcast_members (registration_id, mission_id, delegation_id, category_id, category_code, token_hash, token_generation, token_as_of, as_of)
         SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::text, $6::text, $7::integer, $8::timestamptz, $8::timestamptz
          WHERE NOT EXISTS (SELECT 1 FROM erased_registrations WHERE registration_id = $1::uuid)
         ON CONFLICT (registration_id) DO UPDATE SET
           delegation_id = EXCLUDED.delegation_id, category_id = EXCLUDED.category_id, category_code = EXCLUDED.category_code, as_of = EXCLUDED.as_of,
           token_hash = CASE WHEN ${NEWER_TOKEN} THEN coalesce(EXCLUDED.token_hash, broadcast_members.token_hash) ELSE broadcast_members.token_hash END,
           token_generation = CASE WHEN ${NEWER_TOKEN} THEN EXCLUDED.token_generation ELSE broadcast_members.token_generation END,
           token_as_of = CASE WHEN ${NEWER_TOKEN} THEN EXCLUDED.token_as_of ELSE broadcast_members.token_as_of END
         WHERE broadcast_members.as_of <= EXCLUDED.as_of`,
        [
          snapshot.registrationId,
          snapshot.missionId,
          snapshot.participant.delegationId ?? null,
          snapshot.category?.categoryId ?? null,
          snapshot.category?.code ?? null,
          snapshot.accessTokenHash ?? null,
          snapshot.tokenGeneration ?? 1,
          asOf,
        ],
      ),
      "the broadcasts' copy of a registration",
    );
  }

  /** A participant's new access token (revoked, or renewed): kept unless a newer one is; one not seen yet is kept with the token only. */
  keepToken(unit: UnitOfWork, token: { registrationId: string; missionId: string; tokenGeneration: number; accessTokenHash: string }, asOf: string): void {
    unit.defer(
      sql(
        `INSERT INTO broadcast_members (registration_id, mission_id, token_hash, token_generation, token_as_of, as_of)
         SELECT $1::uuid, $2::uuid, $3::text, $4::integer, $5::timestamptz, '-infinity'
          WHERE NOT EXISTS (SELECT 1 FROM erased_registrations WHERE registration_id = $1::uuid)
         ON CONFLICT (registration_id) DO UPDATE
           SET token_hash = EXCLUDED.token_hash, token_generation = EXCLUDED.token_generation, token_as_of = EXCLUDED.token_as_of
         WHERE ${NEWER_TOKEN}`,
        [token.registrationId, token.missionId, token.accessTokenHash, token.tokenGeneration, asOf],
      ),
      "the broadcasts' copy of an access token",
    );
  }

  /** Who holds the access token of `tokenHash`, unless erased. */
  async tokenOwner(unit: UnitOfWork, tokenHash: string): Promise<{ registrationId: string; missionId: string } | null> {
    const [row] = await unit.query<{ registration_id: string; mission_id: string }>(
      sql(
        `SELECT registration_id, mission_id FROM broadcast_members m
          WHERE token_hash = $1 AND NOT EXISTS (SELECT 1 FROM erased_registrations e WHERE e.registration_id = m.registration_id)`,
        [tokenHash],
      ),
    );
    return row ? { registrationId: row.registration_id, missionId: row.mission_id } : null;
  }

  keepDelegation(
    unit: UnitOfWork,
    delegation: { delegationId: string; missionId: string; parentId: string | null; name: string; removed: boolean },
    asOf: string,
  ): void {
    unit.defer(
      sql(
        `INSERT INTO broadcast_delegations (delegation_id, mission_id, parent_id, name, removed, as_of) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (delegation_id) DO UPDATE SET
           parent_id = CASE WHEN EXCLUDED.removed THEN broadcast_delegations.parent_id ELSE EXCLUDED.parent_id END,
           name = CASE WHEN EXCLUDED.removed THEN broadcast_delegations.name ELSE EXCLUDED.name END,
           removed = EXCLUDED.removed, as_of = EXCLUDED.as_of
         WHERE broadcast_delegations.as_of <= EXCLUDED.as_of`,
        [delegation.delegationId, delegation.missionId, delegation.parentId, delegation.name, delegation.removed, asOf],
      ),
      "the broadcasts' copy of a delegation",
    );
  }

  keepEnrolment(
    unit: UnitOfWork,
    enrolment: { sessionId: string; registrationId: string; missionId: string; status: 'confirmed' | 'waitlisted' | 'cancelled' },
    asOf: string,
  ): void {
    unit.defer(
      sql(
        `INSERT INTO broadcast_session_people (session_id, registration_id, mission_id, status, as_of)
         SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM erased_registrations WHERE registration_id = $2)
         ON CONFLICT (session_id, registration_id) DO UPDATE SET status = EXCLUDED.status, as_of = EXCLUDED.as_of
         WHERE broadcast_session_people.as_of <= EXCLUDED.as_of`,
        [enrolment.sessionId, enrolment.registrationId, enrolment.missionId, enrolment.status, asOf],
      ),
      "the broadcasts' copy of an enrolment",
    );
  }

  /** A meeting's place and parties; `startsAt` null: not placed (cancelled, declined, or not yet scheduled). */
  keepMeeting(unit: UnitOfWork, meeting: { meetingId: string; missionId: string; startsAt: string | null; parties: readonly string[] }, asOf: string): void {
    unit.defer(
      sql(
        `INSERT INTO broadcast_meetings (meeting_id, mission_id, starts_at, parties, as_of) VALUES ($1, $2, $3, $4::uuid[], $5)
         ON CONFLICT (meeting_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, parties = EXCLUDED.parties, as_of = EXCLUDED.as_of
         WHERE broadcast_meetings.as_of <= EXCLUDED.as_of`,
        [meeting.meetingId, meeting.missionId, meeting.startsAt, meeting.parties, asOf],
      ),
      "the broadcasts' copy of a meeting",
    );
  }

  /** Erasure: every trace of the participant here goes (the meetings' parties are read through the directory, which forgot them too). */
  forget(unit: UnitOfWork, registrationId: string): void {
    unit.defer(
      sql(
        `WITH members AS (DELETE FROM broadcast_members WHERE registration_id = $1),
              sessions AS (DELETE FROM broadcast_session_people WHERE registration_id = $1)
         DELETE FROM broadcast_recipients WHERE registration_id = $1`,
        [registrationId],
      ),
      "the broadcasts' erasure of a participant",
    );
  }
}

function toBroadcast(row: BroadcastRow): Broadcast {
  return {
    broadcastId: row.broadcast_id,
    missionId: row.mission_id,
    createdBy: row.created_by,
    audience: row.audience,
    texts: row.texts,
    defaultLanguage: row.default_language,
    status: row.status,
    sendAt: row.send_at,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
    releasedAt: row.released_at,
    recipients: row.recipients,
  };
}
