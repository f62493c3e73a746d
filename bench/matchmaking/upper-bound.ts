import type { IndexedInstance } from '../../apps/scheduling/src/matchmaking/meeting-instance.js';
import { FIRST_MEETING_BONUS, meetingWeight } from '../../apps/scheduling/src/matchmaking/schedule-value.js';

/**
 * A bound no schedule can beat, for instances too big for the integer program:
 * at most C meetings fit, where C is the least of
 *   - Σ over slots of min(tables, ⌊participants available then / 2⌋),
 *   - ⌊Σ over participants of min(limit, their requests, their available slots) / 2⌋,
 *   - the requests with a common slot;
 * these are worth at most the C highest meeting weights, plus the first-meeting bonus of every
 * participant with a request that has a common slot. (The slots of the generated instances do
 * not overlap, so "available slots" counts places a participant can be at once.)
 */
export function upperBound(instance: IndexedInstance): { value: number; meetings: number } {
  const { allowedSlots, meetingsOf, slotTables, unavailable, limit, priority } = instance;
  const slots = slotTables.length;
  const participants = limit.length;
  let bySlots = 0;
  for (let s = 0; s < slots; s++) {
    let available = 0;
    for (let p = 0; p < participants; p++) if (!unavailable[p * slots + s] && meetingsOf[p].length > 0) available++;
    bySlots += Math.min(slotTables[s], Math.floor(available / 2));
  }
  let seats = 0;
  let servable = 0;
  for (let p = 0; p < participants; p++) {
    const requests = meetingsOf[p].filter((m) => allowedSlots[m].length > 0).length;
    let free = 0;
    for (let s = 0; s < slots; s++) if (!unavailable[p * slots + s]) free++;
    seats += Math.min(limit[p], requests, free);
    if (requests > 0 && limit[p] > 0) servable++;
  }
  const feasible = allowedSlots.map((allowed, m) => (allowed.length > 0 ? meetingWeight(priority[m]) : 0)).filter((weight) => weight > 0);
  const meetings = Math.min(bySlots, Math.floor(seats / 2), feasible.length);
  const best = feasible.sort((a, b) => b - a).slice(0, meetings);
  return { value: best.reduce((sum, weight) => sum + weight, 0) + FIRST_MEETING_BONUS * servable, meetings };
}
