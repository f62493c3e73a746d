import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { RegistrationSettingsInput } from './registration-settings.schema.js';

/** The SQL of setting a mission's registration settings (reads and locks are the seats', seats/). */
@Injectable()
export class RegistrationSettingsRepository {
  /** Creates or replaces the mission's settings; the upsert takes the row's lock, so it waits for registrations in flight and they for it. */
  async save(unit: UnitOfWork, missionId: string, input: RegistrationSettingsInput, updatedBy: string): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO registration_settings (mission_id, capacity, opens_at, closes_at, approval, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (mission_id) DO UPDATE SET
           capacity = EXCLUDED.capacity, opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at, approval = EXCLUDED.approval,
           updated_by = EXCLUDED.updated_by, updated_at = now()`,
        // The quotas are the delegations' now (delegations/); the old column is left as the migration found it.
        [missionId, input.capacity, input.opensAt ?? null, input.closesAt ?? null, input.approval, updatedBy],
      ),
    );
  }
}
