import { createHash } from 'node:crypto';

/**
 * What the event log announces on its Postgres channel when a mission's event commits:
 * `<position> <mission id> <type> <CloudEvent JSON>`, the JSON left out when it would not fit in a
 * notification (Postgres allows under 8000 bytes), in which case the listener reads the row.
 */
export interface StreamNotice {
  position: number;
  missionId: string;
  type: string;
  /** The CloudEvent as JSON, or null when it has to be read from the log. */
  json: string | null;
}

/** Leaves room for position, mission id and type within Postgres's 8000-byte payload limit. */
export const MAX_INLINE_EVENT_BYTES = 7600;

/** One channel per schema, so that isolated copies of the dashboard (tests) never hear each other. */
export function streamChannel(schema: string): string {
  const channel = `stream.${schema}`;
  // Channel names are identifiers: at most 63 bytes.
  return Buffer.byteLength(channel) <= 63 ? channel : `stream.${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
}

export function inlineEventJson(json: string): string {
  return Buffer.byteLength(json) <= MAX_INLINE_EVENT_BYTES ? json : '';
}

export function parseStreamNotice(payload: string): StreamNotice | null {
  const first = payload.indexOf(' ');
  const second = payload.indexOf(' ', first + 1);
  const third = payload.indexOf(' ', second + 1);
  if (first < 1 || second < 0 || third < 0) return null;
  const position = Number(payload.slice(0, first));
  if (!Number.isSafeInteger(position) || position < 1) return null;
  const json = payload.slice(third + 1);
  return { position, missionId: payload.slice(first + 1, second), type: payload.slice(second + 1, third), json: json.length > 0 ? json : null };
}
