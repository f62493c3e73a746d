/** What a typed or scanned check-in code names: a registration by its id, or by the first characters of it. */
export type CheckInCode = { kind: 'id'; registrationId: string } | { kind: 'prefix'; prefix: string };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Shorter than this, a prefix could name several registrations of a large mission too often to be worth typing. */
export const SHORTEST_PREFIX = 8;

/**
 * Reads a check-in code as a person types it or a camera reads it: the registration's id alone, or
 * inside a link (a QR code may hold a URL; its last id is the registration's), or the first
 * characters of the id (dashes and spaces ignored, any case), which a person can read out and type.
 */
export function parseCheckInCode(text: string): CheckInCode | null {
  const ids = text.match(UUID);
  if (ids) return { kind: 'id', registrationId: ids[ids.length - 1].toLowerCase() };
  const compact = text.replace(/[\s-]/g, '').toLowerCase();
  if (compact.length >= SHORTEST_PREFIX && compact.length < 32 && /^[0-9a-f]+$/.test(compact)) return { kind: 'prefix', prefix: compact };
  return null;
}

/** Whether `registrationId` starts with the (dash-free) prefix. */
export function matchesPrefix(registrationId: string, prefix: string): boolean {
  return registrationId.replace(/-/g, '').toLowerCase().startsWith(prefix);
}
