import type { SessionKind } from '#contracts';

/** How deep sessions nest: a forum, its panels, a panel's break-out groups. */
export const MAX_NESTING_DEPTH = 3;

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** The ids of a session's ancestors, its parent first, from each session's parent; a loop (never stored) stops the walk. */
export function ancestorsOf(parentSessionId: string | null, parents: ReadonlyMap<string, string | null>): string[] {
  const ancestors: string[] = [];
  for (let id = parentSessionId; id !== null && !ancestors.includes(id); id = parents.get(id) ?? null) ancestors.push(id);
  return ancestors;
}

/** The ids of a session's descendants, from each session's parent, nearest first. */
export function descendantsOf(sessionId: string, parents: ReadonlyMap<string, string | null>): string[] {
  const children = new Map<string, string[]>();
  for (const [id, parent] of parents) if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), id]);
  const found: string[] = [];
  const queue = [...(children.get(sessionId) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === sessionId || found.includes(id)) continue;
    found.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return found;
}

/** How many levels a session and its descendants take: 1 for a session without children. */
export function heightOf(sessionId: string, parents: ReadonlyMap<string, string | null>): number {
  const depthBelow = (id: string, seen: Set<string>): number => {
    let height = 1;
    for (const [child, parent] of parents) {
      if (parent === id && !seen.has(child)) height = Math.max(height, 1 + depthBelow(child, new Set([...seen, child])));
    }
    return height;
  };
  return depthBelow(sessionId, new Set([sessionId]));
}

/** Whether `inner` lies within `outer`'s time, ends included. */
export function liesWithin(inner: Interval, outer: Interval): boolean {
  return outer.startsAt.getTime() <= inner.startsAt.getTime() && inner.endsAt.getTime() <= outer.endsAt.getTime();
}

/** Whether one of two sessions holds the other, at any depth; each is given with its ancestors' ids. */
export function related(a: { sessionId: string; ancestors?: readonly string[] }, b: { sessionId: string; ancestors?: readonly string[] }): boolean {
  return (a.ancestors ?? []).includes(b.sessionId) || (b.ancestors ?? []).includes(a.sessionId);
}

export type NestingProblem =
  | { kind: 'not-found' }
  | { kind: 'parent-cancelled' }
  | { kind: 'parent-is-transfer' }
  | { kind: 'loop' }
  | { kind: 'too-deep'; depth: number }
  | { kind: 'outside-parent' };

/**
 * Why `child` (its subtree `height` levels tall) cannot be held by `parent` (with the parent's own
 * ancestors), or null: the parent must run, not be a transfer, not be the child or one of its
 * descendants, leave the whole subtree within `MAX_NESTING_DEPTH`, and hold the child's time.
 */
export function nestingProblem(
  child: Interval & { id: string | null; height: number },
  parent: (Interval & { id: string; kind: SessionKind; status: 'active' | 'cancelled'; ancestors: readonly string[] }) | null,
): NestingProblem | null {
  if (!parent) return { kind: 'not-found' };
  if (child.id !== null && (parent.id === child.id || parent.ancestors.includes(child.id))) return { kind: 'loop' };
  if (parent.status !== 'active') return { kind: 'parent-cancelled' };
  if (parent.kind === 'transfer') return { kind: 'parent-is-transfer' };
  const depth = parent.ancestors.length + 1 + child.height;
  if (depth > MAX_NESTING_DEPTH) return { kind: 'too-deep', depth };
  if (!liesWithin(child, parent)) return { kind: 'outside-parent' };
  return null;
}

/**
 * What a new time for a session that holds others does to its children. A move (both ends by the same
 * time) takes them along, each by that time: `shift` milliseconds. Any other change (longer, shorter)
 * leaves them where they are, and is possible only when each still lies within: else `outside` names
 * those that would not.
 */
export function childrenAfterChange<T extends Interval>(
  previous: Interval,
  next: Interval,
  children: readonly T[],
): { kind: 'move'; shift: number } | { kind: 'stay' } | { kind: 'outside'; children: T[] } {
  const startShift = next.startsAt.getTime() - previous.startsAt.getTime();
  const endShift = next.endsAt.getTime() - previous.endsAt.getTime();
  if (startShift === endShift && startShift !== 0 && children.length > 0) return { kind: 'move', shift: startShift };
  const outside = children.filter((child) => !liesWithin(child, next));
  return outside.length > 0 ? { kind: 'outside', children: outside } : { kind: 'stay' };
}

/** An interval moved by `shift` milliseconds. */
export function shifted<T extends Interval>(interval: T, shift: number): T {
  return { ...interval, startsAt: new Date(interval.startsAt.getTime() + shift), endsAt: new Date(interval.endsAt.getTime() + shift) };
}
