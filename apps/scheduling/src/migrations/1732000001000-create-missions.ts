import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMissions1732000001000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE missions (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        timezone text NOT NULL,
        cities jsonb NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE missions`);
  }
}
