import { sql, upsertIfNewer, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';

export interface ParticipantRow {
  registrationId: string;
  missionId: string;
  status: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  preferredLanguage: string | null;
  erasedAt: Date | null;
}

/** A participant as registration announced them, as of the event's time. */
export interface ParticipantSnapshot {
  registrationId: string;
  missionId: string;
  status: string;
  givenName: string;
  familyName: string;
  email: string;
  preferredLanguage: string | null;
  asOf: string;
}

/**
 * Every statement of the registry's read model of participants, and of an erasure, which also
 * reaches the signatories and milestone owners that name the participant.
 */
@Injectable()
export class ParticipantsRepository {
  async find(unit: UnitOfWork, ids: readonly string[]): Promise<Map<string, ParticipantRow>> {
    if (ids.length === 0) return new Map();
    const rows = await unit.query<ParticipantRow>(
      sql(
        `SELECT registration_id AS "registrationId", mission_id AS "missionId", status, given_name AS "givenName", family_name AS "familyName",
           email, preferred_language AS "preferredLanguage", erased_at AS "erasedAt"
         FROM participants WHERE registration_id = ANY($1::uuid[])`,
        [ids],
      ),
    );
    return new Map(rows.map((row) => [row.registrationId, row]));
  }

  /** Out-of-order copies never go back in time, and an erased participant never comes back. */
  async keep(unit: UnitOfWork, participant: ParticipantSnapshot): Promise<void> {
    await unit.query(
      upsertIfNewer({
        table: 'participants',
        key: ['registration_id'],
        values: {
          registration_id: participant.registrationId,
          mission_id: participant.missionId,
          status: participant.status,
          given_name: participant.givenName,
          family_name: participant.familyName,
          email: participant.email,
          preferred_language: participant.preferredLanguage,
          as_of: participant.asOf,
        },
        insertOnly: ['mission_id'],
        andWhere: 'participants.erased_at IS NULL',
      }),
    );
  }

  /** The contact data goes everywhere in the registry (milestone owners become `ownerName`); who signed, and for whom, stays. */
  async erase(unit: UnitOfWork, erasure: { registrationId: string; missionId: string; erasedAt: string; ownerName: string }): Promise<void> {
    const { registrationId, missionId, erasedAt, ownerName } = erasure;
    await unit.query(
      sql(
        `INSERT INTO participants (registration_id, mission_id, status, as_of, erased_at) VALUES ($1, $2, 'erased', $3, $3)
         ON CONFLICT (registration_id) DO UPDATE SET status = 'erased', given_name = NULL, family_name = NULL, email = NULL,
           preferred_language = NULL, erased_at = EXCLUDED.erased_at`,
        [registrationId, missionId, erasedAt],
      ),
    );
    await unit.query(sql(`UPDATE mou_signatories SET name = NULL, erased_at = $2 WHERE registration_id = $1`, [registrationId, erasedAt]));
    await unit.query(
      sql(`UPDATE milestones SET owner_name = $2, owner_email = NULL, owner_language = NULL WHERE owner_registration_id = $1`, [registrationId, ownerName]),
    );
    // Action plans: an author or a pilot project's person responsible keeps the link and loses the name and contact data.
    await unit.query(
      sql(`UPDATE action_plan_authors SET name = $2, email = NULL, erased_at = $3 WHERE registration_id = $1`, [registrationId, ownerName, erasedAt]),
    );
    await unit.query(
      sql(`UPDATE pilot_projects SET responsible_name = $2, responsible_email = NULL, responsible_language = NULL WHERE responsible_registration_id = $1`, [
        registrationId,
        ownerName,
      ]),
    );
  }
}
