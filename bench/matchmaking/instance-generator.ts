import type { AcceptedMeeting, MeetingBlock, MeetingParticipant, MeetingSchedulingInput } from '../../apps/scheduling/src/matchmaking/meeting-instance.js';
import { unavailableByCity } from '../../apps/scheduling/src/matchmaking/meeting-instance.js';

export interface GeneratorSettings {
  participants: number;
  /** Mean accepted requests sent per participant (each meeting has two participants, so each takes part in about twice as many). */
  requestsEach: number;
  seed: number;
  /** Tables per block; by default 6–10 % of the participants, within 30–150. */
  tables?: number;
  /**
   * The share of the requests that are group meetings (0 by default): each of those takes one or two
   * more attendees (a colleague on either side), so a delegation meets a company's team.
   */
  groupShare?: number;
}

/** A seeded 32-bit generator (mulberry32): the same seed gives the same instance on every machine. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['Chengdu', 'Liuzhou'] as const;
const SLOT_MINUTES = 20;
const PRIORITY_SHARES = [0.15, 0.25, 0.3, 0.2, 0.1];

/**
 * A mission's matchmaking as organisers see it: two B2B blocks (one in Chengdu on day 1, one in
 * Liuzhou on day 3) of 12–18 twenty-minute slots with 30–150 tables (about 6–10 % of the
 * participants, as many as the venue holds); 60 % of the participants travel to both cities, 20 %
 * are only in one; half have a 2–5 slot clash in their agenda (a site visit) and some declared single
 * slots unavailable; limits of 8, 10 or 12 meetings; requests go to popular participants more
 * often (a few are sought by many) with priorities 1–5, mostly 2–4; with `groupShare`, some of the
 * requests are group meetings of three or four.
 */
export function generateInstance(settings: GeneratorSettings): MeetingSchedulingInput {
  const random = randomSource(settings.seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const n = settings.participants;

  const blocks: MeetingBlock[] = CITIES.map((city, b) => {
    const start = Date.UTC(2027, 5, 10 + 2 * b, 6, 0);
    const slots = between(12, 18);
    const tables = Math.max(30, Math.min(150, Math.round(n * (0.06 + 0.04 * random()))));
    return {
      id: `block-${b + 1}`,
      city,
      tables: settings.tables ?? tables,
      slots: Array.from({ length: slots }, (_, i) => ({
        id: `block-${b + 1}-slot-${String(i + 1).padStart(2, '0')}`,
        start: new Date(start + i * SLOT_MINUTES * 60_000),
        end: new Date(start + (i + 1) * SLOT_MINUTES * 60_000),
      })),
    };
  });
  const mission = { from: new Date(Date.UTC(2027, 5, 9)), until: new Date(Date.UTC(2027, 5, 16)) };

  const participants: MeetingParticipant[] = [];
  const popularity: number[] = [];
  for (let p = 0; p < n; p++) {
    const where = random();
    const cities = where < 0.6 ? CITIES : where < 0.8 ? [CITIES[0]] : [CITIES[1]];
    const unavailable = new Set(
      unavailableByCity(
        blocks,
        cities.map((city) => ({ city, ...mission })),
      ),
    );
    if (random() < 0.5) {
      const block = blocks[between(0, blocks.length - 1)];
      const length = between(2, 5);
      const from = between(0, block.slots.length - length);
      for (const slot of block.slots.slice(from, from + length)) unavailable.add(slot.id);
    }
    for (const block of blocks) for (const slot of block.slots) if (random() < 0.03) unavailable.add(slot.id);
    participants.push({ id: `p-${String(p + 1).padStart(5, '0')}`, limit: [8, 10, 12][between(0, 2)], unavailableSlots: [...unavailable] });
    popularity.push(1 + 4 * random() ** 4);
  }

  const cumulative: number[] = [];
  popularity.reduce((sum, weight, p) => (cumulative[p] = sum + weight), 0);
  const total = cumulative[n - 1];
  const pick = () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const priority = () => {
    let u = random();
    for (let i = 0; i < PRIORITY_SHARES.length; i++) if ((u -= PRIORITY_SHARES[i]) < 0) return i + 1;
    return PRIORITY_SHARES.length;
  };

  const meetings: AcceptedMeeting[] = [];
  const pairs = new Set<string>();
  for (let p = 0; p < n; p++) {
    const sends = between(settings.requestsEach - 4, settings.requestsEach + 4);
    for (let tries = 0, sent = 0; sent < sends && tries < sends * 5; tries++) {
      const q = pick();
      const pair = p < q ? `${p}:${q}` : `${q}:${p}`;
      if (q === p || pairs.has(pair)) continue;
      pairs.add(pair);
      sent++;
      meetings.push({ id: `m-${String(meetings.length + 1).padStart(6, '0')}`, participants: [participants[p].id, participants[q].id], priority: priority() });
    }
  }
  // Drawn after every one-to-one request, so that the same seed gives the same requests with or without group meetings.
  const groups = Math.round((settings.groupShare ?? 0) * meetings.length);
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < groups && tries < groups * 10; tries++) chosen.add(between(0, meetings.length - 1));
  for (const m of [...chosen].sort((a, b) => a - b)) {
    const people = new Set(meetings[m].participants);
    const more = between(1, 2);
    for (let tries = 0; people.size < 2 + more && tries < 20; tries++) people.add(participants[pick()].id);
    meetings[m] = { ...meetings[m], participants: [...people] };
  }
  return { blocks, participants, meetings };
}
