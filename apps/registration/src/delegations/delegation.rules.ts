import type { DelegationOfSeats } from '../seats/seats.rules.js';

/** A delegation sits at most this deep: a delegation, its parts, their parts (Stuttgart Region › Ludwigsburg › a district). */
export const MAX_DELEGATION_DEPTH = 3;

/** What the hierarchy rules need of a delegation. */
export interface DelegationNode {
  id: string;
  parentId: string | null;
}

/** What the registration form says of the delegation chosen: its id, or (older clients) its name. */
export interface DelegationChoice {
  delegationId?: string;
  delegation?: string;
}

export type Resolution =
  | { kind: 'none' }
  | { kind: 'found'; delegation: DelegationOfSeats }
  /** The mission has no delegations at all: the free text is kept as before delegations existed. */
  | { kind: 'free-text'; name: string }
  | { kind: 'unknown' };

export type ParentProblem = 'unknown-parent' | 'cycle' | 'too-deep';

/**
 * A mission's delegations: choosing one, their hierarchy and their order. Plain code, tested without
 * Nest or a database; the caller holds the mission's lock, so the delegations it passes are the current ones.
 */
export class DelegationRules {
  /** Names compare as people read them: case, width and spacing do not matter (`lyon`, ` LYON ` and `Lyon` are one). */
  static nameKey(name: string): string {
    return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');
  }

  /** Whether `name` is one of the delegation's names, in any language. */
  static isNamed(delegation: Pick<DelegationOfSeats, 'name' | 'names'>, name: string): boolean {
    const key = DelegationRules.nameKey(name);
    return [delegation.name, ...Object.values(delegation.names)].some((one) => DelegationRules.nameKey(one) === key);
  }

  /** The delegation a registrant chose: by id first, else by any of its names; a mission without delegations keeps free text. */
  static resolve(delegations: readonly DelegationOfSeats[], choice: DelegationChoice): Resolution {
    if (choice.delegationId === undefined && choice.delegation === undefined) return { kind: 'none' };
    if (delegations.length === 0) return choice.delegationId === undefined ? { kind: 'free-text', name: choice.delegation! } : { kind: 'unknown' };
    const found =
      choice.delegationId !== undefined
        ? delegations.find((delegation) => delegation.id === choice.delegationId)
        : delegations.find((delegation) => DelegationRules.isNamed(delegation, choice.delegation!));
    return found ? { kind: 'found', delegation: found } : { kind: 'unknown' };
  }

  /** The names of `names` that another delegation of the mission already answers to. */
  static clashes(delegations: readonly Pick<DelegationOfSeats, 'id' | 'name' | 'names'>[], id: string | null, names: readonly string[]): string[] {
    return names.filter((name) => delegations.some((other) => other.id !== id && DelegationRules.isNamed(other, name)));
  }

  /** The delegation's depth: 1 at the top. */
  static depth(delegations: readonly DelegationNode[], id: string): number {
    return DelegationRules.ancestors(delegations, id).length + 1;
  }

  /** The delegations above `id`, nearest first (stops at a cycle, which `parentProblem` never lets in). */
  static ancestors(delegations: readonly DelegationNode[], id: string): string[] {
    const byId = new Map(delegations.map((delegation) => [delegation.id, delegation]));
    const above: string[] = [];
    for (
      let parent = byId.get(id)?.parentId ?? null;
      parent !== null && parent !== id && !above.includes(parent);
      parent = byId.get(parent)?.parentId ?? null
    ) {
      above.push(parent);
    }
    return above;
  }

  /** `id` and every delegation within it, at any depth. */
  static subtree(delegations: readonly DelegationNode[], id: string): string[] {
    const within = [id];
    for (let index = 0; index < within.length; index++) {
      for (const delegation of delegations) if (delegation.parentId === within[index] && !within.includes(delegation.id)) within.push(delegation.id);
    }
    return within;
  }

  /** How many levels `id`'s subtree spans: 1 for a delegation without parts. */
  static height(delegations: readonly DelegationNode[], id: string): number {
    const children = delegations.filter((delegation) => delegation.parentId === id && delegation.id !== id);
    return 1 + Math.max(0, ...children.map((child) => DelegationRules.height(delegations, child.id)));
  }

  /**
   * Whether `id` (null: a new delegation) may lie within `parentId`: the parent is one of the mission's,
   * not `id` itself nor within it (no cycles), and `id` with its parts stays within the depth limit.
   */
  static parentProblem(delegations: readonly DelegationNode[], id: string | null, parentId: string | null): ParentProblem | null {
    if (parentId === null) return null;
    if (!delegations.some((delegation) => delegation.id === parentId)) return 'unknown-parent';
    if (id !== null && (parentId === id || DelegationRules.ancestors(delegations, parentId).includes(id))) return 'cycle';
    const height = id === null ? 1 : DelegationRules.height(delegations, id);
    return DelegationRules.depth(delegations, parentId) + height > MAX_DELEGATION_DEPTH ? 'too-deep' : null;
  }

  /** The delegations a registration heads, with every delegation within them: what its head's link opens. */
  static headed(delegations: readonly (DelegationNode & { headRegistrationId: string | null })[], registrationId: string): string[] {
    const heads = delegations.filter((delegation) => delegation.headRegistrationId === registrationId);
    return [...new Set(heads.flatMap((delegation) => DelegationRules.subtree(delegations, delegation.id)))];
  }

  /** `ids` with `moved` at `position` (1 first; past the end: last): the new order of precedence. */
  static moveTo(ids: readonly string[], moved: string, position: number): string[] {
    const rest = ids.filter((id) => id !== moved);
    const at = Math.min(Math.max(position, 1), rest.length + 1) - 1;
    return [...rest.slice(0, at), moved, ...rest.slice(at)];
  }

  /** Whether `order` names each of the mission's delegations exactly once. */
  static isPermutation(current: readonly string[], order: readonly string[]): boolean {
    return order.length === current.length && new Set(order).size === order.length && order.every((id) => current.includes(id));
  }

  /**
   * The name to show a reader: the first of their languages (Accept-Language, by q) that the
   * delegation has, matched on the whole tag and then on its primary language; else its main name.
   */
  static nameFor(delegation: Pick<DelegationOfSeats, 'name' | 'names'>, acceptLanguage: string | undefined): string {
    const byTag = new Map(Object.entries(delegation.names).map(([tag, name]) => [tag.toLowerCase(), name]));
    const byPrimary = new Map(Object.entries(delegation.names).map(([tag, name]) => [tag.toLowerCase().split('-')[0]!, name]));
    for (const tag of preferredTags(acceptLanguage)) {
      const name = byTag.get(tag) ?? byPrimary.get(tag.split('-')[0]!);
      if (name) return name;
    }
    return delegation.name;
  }

  /** The main name of `names`: English if it has one, else the first given. */
  static mainName(names: Readonly<Record<string, string>>): string {
    return names.en ?? Object.values(names)[0]!;
  }
}

/** An Accept-Language header's tags, lower case, most preferred first. */
function preferredTags(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}
