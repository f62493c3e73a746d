/**
 * Whom to meet: a participant's matchmaking profile against the others', as a score and its reasons.
 * Symmetric (what A offers B seeks counts as what B seeks A offers), so two people rank each other
 * alike. See docs/DESIGN.md, "Matchmaking for people".
 */

export interface MatchProfile {
  offers: string;
  seeks: string;
  themes: readonly string[];
  sectors: readonly string[];
  languages: readonly string[];
}

export interface MatchCandidate {
  registrationId: string;
  organisation: string | null;
  profile: MatchProfile;
}

export interface MatchReasons {
  themes: string[];
  sectors: string[];
  /** Words of what they offer that the viewer seeks. */
  theyOffer: string[];
  /** Words of what they seek that the viewer offers. */
  theySeek: string[];
  languages: string[];
}

export interface Suggestion {
  registrationId: string;
  score: number;
  reasons: MatchReasons;
}

export const THEME_POINTS = 3;
export const SECTOR_POINTS = 2;
export const WORD_POINTS = 2;
/** Words counted each way: a long text does not outweigh shared themes. */
export const MAX_WORDS = 4;
export const LANGUAGE_POINTS = 1;

/** Words too common to say anything about a match. */
const STOP_WORDS = new Set(
  'about also and any are can for from have into more most other our over such than that the their them then there these they this those with within without your we who what which will would partner partners project projects'.split(
    ' ',
  ),
);

/** The significant words of a text: lower case, four letters or more, a plural's `s` dropped, no common words. */
export function significantWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 4 || STOP_WORDS.has(raw)) continue;
    words.add(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return words;
}

const folded = (values: readonly string[]) => new Map(values.map((value) => [value.trim().toLowerCase(), value]));

function shared(a: readonly string[], b: readonly string[]): string[] {
  const theirs = folded(b);
  return [...folded(a)]
    .filter(([key]) => theirs.has(key))
    .map(([, value]) => value)
    .sort();
}

function wordsIn(a: Set<string>, b: Set<string>): string[] {
  return [...a]
    .filter((word) => b.has(word))
    .sort()
    .slice(0, MAX_WORDS);
}

/** How well two profiles match: 0 when nothing but a language is shared. */
export function matchScore(viewer: MatchProfile, other: MatchProfile): { score: number; reasons: MatchReasons } {
  const reasons: MatchReasons = {
    themes: shared(viewer.themes, other.themes),
    sectors: shared(viewer.sectors, other.sectors),
    theyOffer: wordsIn(significantWords(other.offers), significantWords(viewer.seeks)),
    theySeek: wordsIn(significantWords(other.seeks), significantWords(viewer.offers)),
    languages: shared(viewer.languages, other.languages),
  };
  const score =
    THEME_POINTS * reasons.themes.length + SECTOR_POINTS * reasons.sectors.length + WORD_POINTS * (reasons.theyOffer.length + reasons.theySeek.length);
  return { score: score > 0 ? score + LANGUAGE_POINTS * Math.min(1, reasons.languages.length) : 0, reasons };
}

/**
 * The candidates worth meeting, best first (ties by registration id), at most `limit`: never the
 * viewer, anyone `excluded` (hidden from the directory, met or asked already), a colleague of the
 * same organisation, or someone who matches on nothing.
 */
export function suggest(
  viewer: { registrationId: string; organisation: string | null; profile: MatchProfile },
  candidates: readonly MatchCandidate[],
  excluded: ReadonlySet<string>,
  limit: number,
): Suggestion[] {
  const organisation = viewer.organisation?.trim().toLowerCase();
  return candidates
    .filter(
      (candidate) =>
        candidate.registrationId !== viewer.registrationId &&
        !excluded.has(candidate.registrationId) &&
        !(organisation && candidate.organisation?.trim().toLowerCase() === organisation),
    )
    .map((candidate) => ({ registrationId: candidate.registrationId, ...matchScore(viewer.profile, candidate.profile) }))
    .filter((suggestion) => suggestion.score > 0)
    .sort((a, b) => b.score - a.score || (a.registrationId < b.registrationId ? -1 : a.registrationId > b.registrationId ? 1 : 0))
    .slice(0, limit);
}
