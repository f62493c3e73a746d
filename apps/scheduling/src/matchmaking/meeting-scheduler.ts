import { type IndexedInstance, type MeetingSchedulingInput, type PlacedMeeting, indexInstance } from './meeting-instance.js';
import { FIRST_MEETING_BONUS, type ScheduleValue, meetingWeight } from './schedule-value.js';

export interface SchedulerOptions {
  /** Breaks ties between otherwise equal meetings; the same input and seed always give the same schedule. */
  seed?: number;
  /**
   * How many probes the repair phase may make (a probe: one slot checked for one meeting, or one
   * meeting weighed as the one to take out); 10 million by default, about half a second of CPU for
   * 10,000 requests. A budget rather than a clock, so the result never depends on the machine's load.
   */
  effort?: number;
}

export type UnscheduledReason =
  /** There is no slot (of a block with tables) in which all its participants are available. */
  | 'no-common-slot'
  /** One of the participants has as many meetings as their limit allows. */
  | 'limit-reached'
  /** Every slot both could meet in is taken by their other meetings or has no table left. */
  | 'no-free-slot';

export interface MeetingSchedule {
  /** In time order, then by table. */
  placed: PlacedMeeting[];
  unscheduled: { meetingId: string; reason: UnscheduledReason }[];
  value: ScheduleValue;
  /** Announced meetings kept where they were; an announced meeting that no longer fits (its participant is now unavailable) is placed again. */
  keptInPlace: number;
  search: { steps: number; improvements: number };
}

const DEFAULT_EFFORT = 10_000_000;
const RELOCATION_DEPTH = 2;
const EVICTION_DEPTH = 1;
const MAX_PASSES = 4;

/**
 * Assigns accepted meetings to (slot, table) so that nobody is in two places at once, no table is
 * used twice in a slot, nobody has more meetings than their limit, nobody meets in a slot they are
 * unavailable in, and announced meetings stay where they are unless the run rebuilds. Among those
 * schedules it looks for the highest `value` (schedule-value.ts: meetings, their priorities, and
 * a bonus for each participant's first meeting). A group meeting (more than two participants) is
 * placed only where every one of them is free and under their limit; it is one table, and each of
 * its participants counts it among their meetings.
 *
 * 1. Greedy: meetings in order of what they would add now (a meeting that would be someone's first
 *    comes before one that would be their tenth; then higher priority), the most constrained
 *    (fewest common slots) first among equals. Each goes to the slot its two participants' other
 *    pending requests need least.
 * 2. Repair: for each meeting left out (most valuable first) and each slot both could meet in, make
 *    room: take out what is in the way (the participants' meetings at that time, the cheapest
 *    meeting of the slot when its tables are full, the cheapest meeting of a participant at their
 *    limit), put the meeting in, and find each meeting taken out a new place, through a chain of at
 *    most RELOCATION_DEPTH moves of one meeting each. One taken out that fits nowhere may in turn
 *    push out a cheaper one (EVICTION_DEPTH), and its other participant, now with a free hour and
 *    one meeting fewer, takes one of their own left-out requests if it can (an augmenting path).
 *    Of all the slots tried, the change that raises the value most is applied; passes repeat until
 *    none does or the step budget (`effort`) is spent. Every change raises the value, so it ends.
 */
export function scheduleMeetings(input: MeetingSchedulingInput, options: SchedulerOptions = {}): MeetingSchedule {
  const instance = indexInstance(input);
  const timetable = new Timetable(instance, options.seed ?? 1, options.effort ?? DEFAULT_EFFORT);
  const announced = timetable.keepAnnounced(input.rebuild ? [] : (input.announced ?? []));
  timetable.greedy();
  timetable.repair();
  return timetable.result(input.announced ?? [], announced);
}

class Timetable {
  private readonly slots: number;
  private readonly weight: Int32Array;
  /** Every meeting's participants in one flat array: meeting m's are `who[from[m]]` … `who[from[m + 1] - 1]` (fast to walk). */
  private readonly from: Int32Array;
  private readonly who: Int32Array;
  private readonly tiebreak: Uint32Array;
  /** The slot of each meeting, or -1. */
  private readonly slotOf: Int32Array;
  /** `at[p * slots + s]`: participant p's meeting in slot s, or -1. */
  private readonly at: Int32Array;
  private readonly count: Int32Array;
  private readonly load: Int32Array;
  private readonly members: number[][];
  private readonly position: Int32Array;
  /** Announced meetings kept in place: never moved. */
  private readonly pinned: Uint8Array;
  /** Meetings on the current chain of moves, which the chain must not move again. */
  private readonly onChain: Uint8Array;
  /** Undo log: meeting, slot, 1 for a placement or 0 for a removal. */
  private log: number[] = [];
  private value = 0;
  private freeTables = 0;
  private steps = 0;
  private improvements = 0;

  constructor(
    private readonly instance: IndexedInstance,
    seed: number,
    private readonly effort: number,
  ) {
    const meetings = instance.meetingIds.length;
    this.slots = instance.slotIds.length;
    this.weight = Int32Array.from(instance.priority, meetingWeight);
    this.from = new Int32Array(meetings + 1);
    instance.attendees.forEach((people, m) => (this.from[m + 1] = this.from[m] + people.length));
    this.who = new Int32Array(this.from[meetings]);
    instance.attendees.forEach((people, m) => this.who.set(people, this.from[m]));
    this.tiebreak = Uint32Array.from(instance.meetingIds, (id) => hash(seed, id));
    this.slotOf = new Int32Array(meetings).fill(-1);
    this.at = new Int32Array(instance.participantIds.length * this.slots).fill(-1);
    this.count = new Int32Array(instance.participantIds.length);
    this.load = new Int32Array(this.slots);
    this.members = Array.from({ length: this.slots }, () => []);
    this.position = new Int32Array(meetings);
    this.pinned = new Uint8Array(meetings);
    this.onChain = new Uint8Array(meetings);
    for (const tables of instance.slotTables) this.freeTables += tables;
  }

  /** Pins the announced meetings that still fit, highest priority first; returns the table of each. */
  keepAnnounced(announced: readonly PlacedMeeting[]): Map<number, number> {
    const { meetingIds, slotIds, slotTables, allowedSlots, priority } = this.instance;
    const meetingIndex = new Map(meetingIds.map((id, m) => [id, m]));
    const slotIndex = new Map(slotIds.map((id, s) => [id, s]));
    const tables = new Map<number, number>();
    const tablesTaken = new Set<string>();
    const candidates = announced
      .map((placed) => ({ m: meetingIndex.get(placed.meetingId), s: slotIndex.get(placed.slotId), table: placed.table }))
      .filter((c): c is { m: number; s: number; table: number } => c.m !== undefined && c.s !== undefined)
      .sort((x, y) => priority[y.m] - priority[x.m] || x.m - y.m);
    for (const { m, s, table } of candidates) {
      const fits =
        this.slotOf[m] === -1 &&
        Number.isInteger(table) &&
        table >= 1 &&
        table <= slotTables[s] &&
        !tablesTaken.has(`${s}:${table}`) &&
        allowedSlots[m].includes(s) &&
        this.canPlace(m, s);
      if (!fits) continue;
      this.place(m, s);
      this.pinned[m] = 1;
      tables.set(m, table);
      tablesTaken.add(`${s}:${table}`);
    }
    this.log = [];
    return tables;
  }

  greedy(): void {
    const { allowedSlots, attendees } = this.instance;
    const slots = this.slots;
    const gain = new Int32Array(this.slotOf.length);
    // How many pending requests of participant p could use slot s: the slot a meeting takes should be one its participants' other requests need least.
    const demand = new Int32Array(this.at.length);
    const settle = (m: number, sign: number) => {
      const people = attendees[m];
      for (const s of allowedSlots[m]) for (let i = 0; i < people.length; i++) demand[people[i] * slots + s] += sign;
    };
    // Order: what the meeting adds now, then fewest common slots, then the seeded tie-break; one number so the heap compares fast (6 + 7 + 32 bits, exact in a double).
    const key = new Float64Array(this.slotOf.length);
    const keyOf = (m: number) => (gain[m] * 128 + (127 - Math.min(127, allowedSlots[m].length))) * 2 ** 32 + (0xffffffff - this.tiebreak[m]);
    const heap = new Heap(key);
    for (let m = 0; m < this.slotOf.length; m++) {
      if (this.slotOf[m] !== -1 || allowedSlots[m].length === 0) continue;
      gain[m] = this.gain(m);
      key[m] = keyOf(m);
      settle(m, 1);
      heap.push(m);
    }
    while (heap.size > 0) {
      const m = heap.pop();
      const now = this.gain(m);
      if (now < gain[m]) {
        gain[m] = now;
        key[m] = keyOf(m);
        heap.push(m);
        continue;
      }
      settle(m, -1);
      let best = -1;
      let bestNeed = Infinity;
      let bestRoom = -1;
      for (const s of allowedSlots[m]) {
        if (!this.canPlace(m, s)) continue;
        let need = 0;
        for (let i = 0; i < attendees[m].length; i++) need += demand[attendees[m][i] * slots + s];
        const room = this.instance.slotTables[s] - this.load[s];
        if (need < bestNeed || (need === bestNeed && room > bestRoom)) {
          best = s;
          bestNeed = need;
          bestRoom = room;
        }
      }
      if (best !== -1) this.place(m, best);
    }
    this.log = [];
  }

  repair(): void {
    const { allowedSlots } = this.instance;
    this.steps = 0;
    for (let pass = 0; pass < MAX_PASSES && this.steps < this.effort; pass++) {
      const left: number[] = [];
      for (let m = 0; m < this.slotOf.length; m++) if (this.slotOf[m] === -1 && allowedSlots[m].length > 0) left.push(m);
      const gain = Int32Array.from(this.slotOf, (_, m) => this.gain(m));
      left.sort((x, y) => gain[y] - gain[x] || allowedSlots[x].length - allowedSlots[y].length || this.tiebreak[x] - this.tiebreak[y] || x - y);
      let improved = false;
      for (const m of left) {
        if (this.steps >= this.effort) break;
        if (this.slotOf[m] === -1 && this.improve(m, EVICTION_DEPTH)) {
          this.log = [];
          this.improvements++;
          improved = true;
        }
      }
      if (!improved) break;
    }
  }

  /**
   * Tries every slot for a meeting left out; applies the change that raises the value most, if any.
   * With depth > 0, a meeting that has to make way and fits nowhere gets the same treatment in turn.
   */
  private improve(m: number, depth: number): boolean {
    let bestDelta = 0;
    let bestChange: number[] | null = null;
    for (const s of this.instance.allowedSlots[m]) {
      const mark = this.log.length;
      const before = this.value;
      if (this.insertAt(m, s, depth) && this.value - before > bestDelta) {
        bestDelta = this.value - before;
        bestChange = this.log.slice(mark);
      }
      this.rollback(mark);
      if (this.steps >= this.effort) break;
    }
    if (!bestChange) return false;
    for (let i = 0; i < bestChange.length; i += 3) {
      if (bestChange[i + 2] === 1) this.place(bestChange[i], bestChange[i + 1]);
      else this.remove(bestChange[i]);
    }
    return true;
  }

  /**
   * Puts m in slot s, taking out whatever is in the way and moving it elsewhere where it can go; a
   * meeting that cannot go anywhere frees its other participant, who may then take one of their own
   * requests that was left out (an augmenting path: one meeting in, one out, one in).
   */
  private insertAt(m: number, s: number, depth: number): boolean {
    this.steps++;
    const { attendees, limit, meetingsOf } = this.instance;
    const people = attendees[m];
    const out: number[] = [];
    for (const p of people) if (!this.takeOutAt(p, s, out)) return false;
    if (this.load[s] >= this.instance.slotTables[s] && !this.takeOut(this.cheapest(this.members[s], -1), out)) return false;
    for (const p of people) if (this.count[p] >= limit[p] && !this.takeOut(this.cheapest(meetingsOf[p], -1), out)) return false;
    if (!this.canPlace(m, s)) return false;
    this.place(m, s);
    this.onChain[m] = 1;
    for (const x of out) this.onChain[x] = 1;
    for (const x of out) {
      this.onChain[x] = 0;
      if (this.relocate(x, RELOCATION_DEPTH) || (depth > 0 && this.improve(x, depth - 1))) continue;
      this.onChain[x] = 1;
      for (const q of attendees[x]) if (!people.includes(q)) this.fill(q);
    }
    for (const x of out) this.onChain[x] = 0;
    this.onChain[m] = 0;
    return true;
  }

  /** Takes out p's meetings at the time of slot s; false when one of them is announced and stays. */
  private takeOutAt(p: number, s: number, out: number[]): boolean {
    for (const t of this.instance.overlapping[s]) {
      const x = this.at[p * this.slots + t];
      if (x === -1) continue;
      if (this.pinned[x] || this.onChain[x]) return false;
      out.push(x);
      this.remove(x);
    }
    return true;
  }

  private takeOut(x: number, out: number[]): boolean {
    if (x === -1) return false;
    out.push(x);
    this.remove(x);
    return true;
  }

  /** Places the most valuable of p's left-out meetings that can go somewhere, moving others if need be. */
  private fill(p: number): void {
    const candidates = this.instance.meetingsOf[p].filter((z) => this.slotOf[z] === -1 && !this.onChain[z] && this.instance.allowedSlots[z].length > 0);
    candidates.sort((x, y) => this.gain(y) - this.gain(x) || x - y);
    for (const z of candidates) if (this.relocate(z, RELOCATION_DEPTH)) return;
  }

  /** Places a meeting that was taken out in another slot, moving at most `depth` others along the way; false leaves everything as it was. */
  private relocate(x: number, depth: number): boolean {
    this.steps++;
    // Every chain of moves ends with a meeting at a free table: with none left anywhere, no chain can succeed.
    if (this.freeTables === 0) return false;
    const allowed = this.instance.allowedSlots[x];
    for (const s of allowed) {
      if (this.canPlace(x, s)) {
        this.place(x, s);
        return true;
      }
    }
    if (depth === 0 || this.steps >= this.effort) return false;
    const { overlapping, slotTables, limit } = this.instance;
    const { from, who } = this;
    for (let i = from[x]; i < from[x + 1]; i++) if (this.count[who[i]] >= limit[who[i]]) return false;
    this.onChain[x] = 1;
    try {
      for (const s of allowed) {
        // Only a slot where exactly one meeting is in the way: moving that one on is the next link of the chain.
        let blocker = -1;
        let blockers = 0;
        for (const t of overlapping[s]) {
          for (let i = from[x]; i < from[x + 1]; i++) {
            const y = this.at[who[i] * this.slots + t];
            if (y === -1 || y === blocker) continue;
            blocker = y;
            blockers++;
          }
        }
        if (blockers !== 1 || (this.load[s] >= slotTables[s] && this.slotOf[blocker] !== s) || this.pinned[blocker] || this.onChain[blocker]) continue;
        const mark = this.log.length;
        this.remove(blocker);
        this.place(x, s);
        if (this.relocate(blocker, depth - 1)) return true;
        this.rollback(mark);
        if (this.steps >= this.effort) return false;
      }
      return false;
    } finally {
      this.onChain[x] = 0;
    }
  }

  /** The placed, movable meeting whose loss costs least, or -1. */
  private cheapest(candidates: Iterable<number>, best: number): number {
    let bestLoss = Infinity;
    for (const x of candidates) {
      this.steps++;
      if (this.slotOf[x] === -1 || this.pinned[x] || this.onChain[x]) continue;
      let loss = this.weight[x];
      for (let i = this.from[x]; i < this.from[x + 1]; i++) if (this.count[this.who[i]] === 1) loss += FIRST_MEETING_BONUS;
      if (loss < bestLoss || (loss === bestLoss && this.tiebreak[x] < this.tiebreak[best])) {
        best = x;
        bestLoss = loss;
      }
    }
    return best;
  }

  /** What placing m would add to the value now. */
  private gain(m: number): number {
    let gain = this.weight[m];
    for (let i = this.from[m]; i < this.from[m + 1]; i++) if (this.count[this.who[i]] === 0) gain += FIRST_MEETING_BONUS;
    return gain;
  }

  private canPlace(m: number, s: number): boolean {
    this.steps++;
    const { limit, slotTables } = this.instance;
    const { from, who } = this;
    if (this.load[s] >= slotTables[s]) return false;
    for (let i = from[m]; i < from[m + 1]; i++) if (this.count[who[i]] >= limit[who[i]]) return false;
    for (let i = from[m]; i < from[m + 1]; i++) if (!this.isFree(who[i], s)) return false;
    return true;
  }

  private isFree(p: number, s: number): boolean {
    for (const t of this.instance.overlapping[s]) if (this.at[p * this.slots + t] !== -1) return false;
    return true;
  }

  private place(m: number, s: number): void {
    this.value += this.gain(m);
    for (let i = this.from[m]; i < this.from[m + 1]; i++) {
      this.count[this.who[i]]++;
      this.at[this.who[i] * this.slots + s] = m;
    }
    this.load[s]++;
    this.freeTables--;
    this.slotOf[m] = s;
    this.position[m] = this.members[s].length;
    this.members[s].push(m);
    this.log.push(m, s, 1);
  }

  private remove(m: number): void {
    const s = this.slotOf[m];
    const { from, who } = this;
    for (let i = from[m]; i < from[m + 1]; i++) this.count[who[i]]--;
    this.value -= this.gain(m);
    for (let i = from[m]; i < from[m + 1]; i++) this.at[who[i] * this.slots + s] = -1;
    this.load[s]--;
    this.freeTables++;
    this.slotOf[m] = -1;
    const members = this.members[s];
    const last = members.pop()!;
    if (last !== m) {
      members[this.position[m]] = last;
      this.position[last] = this.position[m];
    }
    this.log.push(m, s, 0);
  }

  private rollback(mark: number): void {
    while (this.log.length > mark) {
      const placed = this.log.pop()!;
      const s = this.log.pop()!;
      const m = this.log.pop()!;
      if (placed === 1) this.remove(m);
      else this.place(m, s);
      this.log.length -= 3;
    }
  }

  result(announced: readonly PlacedMeeting[], pinnedTables: Map<number, number>): MeetingSchedule {
    const { meetingIds, slotIds, slotTables, allowedSlots, attendees, limit, priority } = this.instance;
    const tableOf = new Int32Array(this.slotOf.length);
    const taken = new Set<string>();
    for (const [m, table] of pinnedTables) {
      tableOf[m] = table;
      taken.add(`${this.slotOf[m]}:${table}`);
    }
    // A meeting that stays in the slot it was announced in keeps its table when it is free (a rebuild moves as little as it can).
    const meetingIndex = new Map(meetingIds.map((id, m) => [id, m]));
    for (const previous of [...announced].sort((x, y) => (x.meetingId < y.meetingId ? -1 : x.meetingId > y.meetingId ? 1 : 0))) {
      const m = meetingIndex.get(previous.meetingId);
      if (m === undefined || tableOf[m] !== 0 || this.slotOf[m] === -1 || slotIds[this.slotOf[m]] !== previous.slotId) continue;
      const key = `${this.slotOf[m]}:${previous.table}`;
      if (previous.table < 1 || previous.table > slotTables[this.slotOf[m]] || taken.has(key)) continue;
      tableOf[m] = previous.table;
      taken.add(key);
    }
    const nextTable = new Int32Array(this.slots).fill(1);
    for (let m = 0; m < this.slotOf.length; m++) {
      const s = this.slotOf[m];
      if (s === -1 || tableOf[m] !== 0) continue;
      while (taken.has(`${s}:${nextTable[s]}`)) nextTable[s]++;
      tableOf[m] = nextTable[s];
      taken.add(`${s}:${nextTable[s]}`);
    }

    const placed: PlacedMeeting[] = [];
    const unscheduled: MeetingSchedule['unscheduled'] = [];
    let prioritySum = 0;
    let meetings = 0;
    for (let m = 0; m < this.slotOf.length; m++) {
      const s = this.slotOf[m];
      if (s !== -1) {
        placed.push({ meetingId: meetingIds[m], slotId: slotIds[s], table: tableOf[m] });
        meetings++;
        prioritySum += priority[m];
      } else {
        const reason: UnscheduledReason =
          allowedSlots[m].length === 0 ? 'no-common-slot' : attendees[m].some((p) => this.count[p] >= limit[p]) ? 'limit-reached' : 'no-free-slot';
        unscheduled.push({ meetingId: meetingIds[m], reason });
      }
    }
    const slotIndex = new Map(slotIds.map((id, s) => [id, s]));
    placed.sort((x, y) => slotIndex.get(x.slotId)! - slotIndex.get(y.slotId)! || x.table - y.table);
    let participantsServed = 0;
    for (const count of this.count) if (count > 0) participantsServed++;
    return {
      placed,
      unscheduled,
      value: { value: this.value, meetings, prioritySum, participantsServed },
      keptInPlace: pinnedTables.size,
      search: { steps: this.steps, improvements: this.improvements },
    };
  }
}

/** A binary max-heap of meeting indices by a numeric key. */
class Heap {
  private readonly items: number[] = [];

  constructor(private readonly key: Float64Array) {}

  get size(): number {
    return this.items.length;
  }

  push(item: number): void {
    const { items, key } = this;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (key[items[parent]] >= key[item]) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = item;
  }

  pop(): number {
    const { items, key } = this;
    const top = items[0];
    const last = items.pop()!;
    const n = items.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && key[items[child + 1]] > key[items[child]]) child++;
      if (key[items[child]] <= key[last]) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/** FNV-1a of the id, mixed with the seed: a tie-break that depends on neither the input order nor the platform. */
function hash(seed: number, id: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}
