import type { IndexedInstance } from '../../apps/scheduling/src/matchmaking/meeting-instance.js';
import { FIRST_MEETING_BONUS, meetingWeight } from '../../apps/scheduling/src/matchmaking/schedule-value.js';

/**
 * The scheduler's problem as an integer program in CPLEX LP format, for HiGHS:
 *
 *   x_m_s ∈ {0,1}: meeting m in slot s (only slots all its participants are available in: two, or a group's)
 *   y_p   ∈ {0,1}: participant p has at least one meeting
 *   maximise  Σ (10 + priority_m) x_m_s + 10 Σ y_p                       (schedule-value.ts)
 *   Σ_s x_m_s ≤ 1                                    each meeting at most once
 *   Σ_{m ∋ p} Σ_{t ∋ instant} x_m_t ≤ 1              p in one place at each slot's start instant
 *   Σ_m x_m_s ≤ tables_s                             tables of the slot
 *   Σ_{m ∋ p, s} x_m_s ≤ limit_p                     the participant's limit
 *   y_p ≤ Σ_{m ∋ p, s} x_m_s                         the fairness bonus needs a meeting
 *
 * Tables are interchangeable within a slot, so counting them is exact. With `relax` the binaries
 * become 0 ≤ x ≤ 1: its optimum is an upper bound on the integer one.
 */
export function integerProgram(instance: IndexedInstance, relax = false): { text: string; variables: number } {
  const { allowedSlots, meetingsOf, priority, slotTables, slotStart, slotEnd, limit } = instance;
  const slots = slotTables.length;
  const name = (m: number, s: number) => `x${m}_${s}`;
  const objective: string[] = [];
  const constraints: string[] = [];
  const binaries: string[] = [];
  const bySlot: string[][] = Array.from({ length: slots }, () => []);
  allowedSlots.forEach((allowed, m) => {
    const terms: string[] = [];
    for (const s of allowed) {
      objective.push(`${meetingWeight(priority[m])} ${name(m, s)}`);
      terms.push(name(m, s));
      bySlot[s].push(name(m, s));
      binaries.push(name(m, s));
    }
    if (terms.length > 1) constraints.push(`once${m}: ${terms.join(' + ')} <= 1`);
  });
  // The slots in progress at each slot's start: the maximal sets of slots that overlap one another.
  const cliques: number[][] = [];
  for (let s = 0; s < slots; s++) {
    const clique: number[] = [];
    for (let t = 0; t < slots; t++) if (slotStart[t] <= slotStart[s] && slotStart[s] < slotEnd[t]) clique.push(t);
    cliques.push(clique);
  }
  meetingsOf.forEach((meetings, p) => {
    if (meetings.length === 0) return;
    const all: string[] = [];
    cliques.forEach((clique, s) => {
      const inClique = new Set(clique);
      const terms: string[] = [];
      for (const m of meetings) for (const t of allowedSlots[m]) if (inClique.has(t)) terms.push(name(m, t));
      if (terms.length > 1) constraints.push(`busy${p}_${s}: ${terms.join(' + ')} <= 1`);
    });
    for (const m of meetings) for (const s of allowedSlots[m]) all.push(name(m, s));
    if (all.length === 0) return;
    if (all.length > limit[p]) constraints.push(`limit${p}: ${all.join(' + ')} <= ${limit[p]}`);
    objective.push(`${FIRST_MEETING_BONUS} y${p}`);
    binaries.push(`y${p}`);
    constraints.push(`served${p}: y${p} - ${all.join(' - ')} <= 0`);
  });
  bySlot.forEach((terms, s) => {
    if (terms.length > slotTables[s]) constraints.push(`tables${s}: ${terms.join(' + ')} <= ${slotTables[s]}`);
  });
  const wrap = (terms: string[], joiner: string) => {
    const lines: string[] = [];
    for (let i = 0; i < terms.length; i += 20) lines.push(terms.slice(i, i + 20).join(joiner));
    return lines.join(`\n ${joiner.trim()} `);
  };
  const text = [
    'Maximize',
    ` value: ${wrap(objective, ' + ')}`,
    'Subject To',
    ...constraints.map((constraint) => {
      const [head, tail] = constraint.split(': ');
      const [lhs, rhs] = tail.split(' <= ');
      const joiner = lhs.includes(' - ') ? ' - ' : ' + ';
      const [firstTerm, ...rest] = lhs.split(joiner);
      return ` ${head}: ${firstTerm}${rest.length ? joiner + wrap(rest, joiner) : ''} <= ${rhs}`;
    }),
    'Bounds',
    ...binaries.map((variable) => ` 0 <= ${variable} <= 1`),
    ...(relax ? [] : ['Binaries', wrap(binaries, ' ')]),
    'End',
  ].join('\n');
  return { text, variables: binaries.length };
}
