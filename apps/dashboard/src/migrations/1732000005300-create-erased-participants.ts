import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participants erased so far, by registration id only: an event that names one of them and
 * arrives after the erasure (another service published it before it learnt of the erasure) is
 * stored already erased.
 */
export class CreateErasedParticipants1732000005300 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE erased_participants (registration_id uuid PRIMARY KEY, erased_at timestamptz NOT NULL DEFAULT now())`);
    // The erasures the log has seen so far, and what they left behind: owners of milestones they held.
    await runner.query(`
      INSERT INTO erased_participants (registration_id)
      SELECT DISTINCT (event->'data'->>'registrationId')::uuid FROM mission_events WHERE type = 'participant.erased'
      ON CONFLICT DO NOTHING`);
    await runner.query(`
      UPDATE mission_events SET event = jsonb_set(event, '{data,owner}', '{"erased": true}'::jsonb)
       WHERE event->'data'->'owner'->>'registrationId' IN (SELECT registration_id::text FROM erased_participants)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE erased_participants`);
  }
}
