import { createHash } from 'node:crypto';
import type { ChainVerdict, HistoryEntry } from './history.view.js';

/** The first entry of an MoU's trail follows this. */
export const GENESIS_HASH = '0'.repeat(64);

export type { ChainVerdict, HistoryEntry };

/** What an entry says; its hash covers all of it and the previous entry's hash. */
export type HistoryContent = Omit<HistoryEntry, 'previousHash' | 'hash'>;

/** JSON with keys sorted at every level, so that the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEntry(content: HistoryContent, previousHash: string): string {
  const { mouId, seq, action, actor, at, details } = content;
  return createHash('sha256').update(canonicalJson({ mouId, seq, action, actor, at, details, previousHash })).digest('hex');
}

/** The next entry of a trail whose last entry is `last` (or none). */
export function chain(content: Omit<HistoryContent, 'seq'>, last: Pick<HistoryEntry, 'seq' | 'hash'> | null): HistoryEntry {
  const seq = (last?.seq ?? 0) + 1;
  const previousHash = last?.hash ?? GENESIS_HASH;
  const entry = { ...content, seq };
  return { ...entry, previousHash, hash: hashEntry(entry, previousHash) };
}

/** Walks the trail in order: intact, or the first entry whose content, link or place does not hold. */
export function verifyChain(entries: readonly HistoryEntry[]): ChainVerdict {
  let previousHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const broken = (reason: string): ChainVerdict => ({ intact: false, entries: entries.length, brokenAt: entry.seq, reason });
    if (entry.seq !== index + 1) return broken(`entry ${index + 1} is missing`);
    if (entry.previousHash !== previousHash) return broken('it does not follow the entry before it');
    if (hashEntry(entry, entry.previousHash) !== entry.hash) return broken('its content does not match its hash');
    previousHash = entry.hash;
  }
  return { intact: true, entries: entries.length };
}
