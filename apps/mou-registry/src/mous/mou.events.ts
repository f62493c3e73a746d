import type { EventData } from '#contracts';
import type { MouRow } from './mous.repository.js';

/** What every mou.* event says about the MoU. */
export function toMouEventData(row: MouRow): EventData<'mou.drafted'> {
  return {
    mouId: row.id,
    reference: row.reference,
    missionId: row.missionId,
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    parties: row.parties.map(({ name, kind, country }) => ({ name, kind, country })),
  };
}
