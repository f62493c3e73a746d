// What the demo's steps share: the participants as it knows them, the tally of what it did, and names.
import type * as story from './chengdu-liuzhou.js';

export interface Participant {
  id: string;
  /** Only when this run registered them, or replayed their registration within the key's 24 hours. */
  token: string | null;
  person: story.Person;
}

/** Counts what was created and what was found, and says so line by line. */
export class Tally {
  readonly created: Record<string, number> = {};
  readonly found: Record<string, number> = {};
  readonly skipped: string[] = [];

  constructor(private readonly log: (line: string) => void) {}

  add(kind: string, name: string, created: boolean, count = 1): void {
    const counts = created ? this.created : this.found;
    counts[kind] = (counts[kind] ?? 0) + count;
    this.log(`  ${created ? '+' : '='} ${kind}: ${name}${created ? '' : ' (already there)'}`);
  }

  skip(what: string): void {
    this.skipped.push(what);
    this.log(`  ! ${what}`);
  }
}

export function nameOf(person: story.Person): string {
  // Chinese names are written family name first, without a space.
  return person.preferredLanguage.startsWith('zh') ? `${person.familyName}${person.givenName}` : `${person.givenName} ${person.familyName}`;
}
