import { pageOf } from '#common';
import { instant, languageTag } from '#contracts';
import { z } from 'zod';
import type { DirectoryPerson, Person } from '../../participants/person.js';
import { personView, toPersonView } from '../../participants/person.view.js';
import type { Suggestion } from './suggestion.rules.js';

const profileOfPerson = z
  .object({
    offers: z.string(),
    seeks: z.string(),
    themes: z.array(z.string()),
    sectors: z.array(z.string()),
    languages: z.array(languageTag),
    updatedAt: instant,
  })
  .nullable()
  .describe('Their matchmaking profile; null when they published none.');

/** A line of the matchmaking directory: who they are and what they offer and seek, never an e-mail address. */
export const directoryPersonView = personView.extend({
  profile: profileOfPerson,
  hidden: z.boolean().describe('Whether they hide from the directory: only ever true on the viewer’s own line.'),
});
export type DirectoryPersonView = z.infer<typeof directoryPersonView>;

export const directoryPage = pageOf(directoryPersonView);

export function toDirectoryPersonView(entry: DirectoryPerson): DirectoryPersonView {
  return {
    ...toPersonView(entry.person.registrationId, new Map([[entry.person.registrationId, entry.person]])),
    profile: entry.profile ? { ...entry.profile, updatedAt: entry.profile.updatedAt.toISOString() } : null,
    hidden: entry.hidden,
  };
}

export const suggestionView = z.object({
  person: personView,
  score: z.number().int().positive().describe('Higher is a better match; only the order means something.'),
  reasons: z.object({
    themes: z.array(z.string()).describe('Themes both name.'),
    sectors: z.array(z.string()).describe('Sectors both name.'),
    theyOffer: z.array(z.string()).describe('Words of what they offer that you seek.'),
    theySeek: z.array(z.string()).describe('Words of what they seek that you offer.'),
    languages: z.array(z.string()).describe('Languages both meet in.'),
  }),
});

export const suggestionsView = z.object({
  items: z.array(suggestionView).describe('Best match first.'),
});
export type SuggestionsView = z.infer<typeof suggestionsView>;

export function toSuggestionsView(suggestions: readonly Suggestion[], people: ReadonlyMap<string, Person>): SuggestionsView {
  return {
    items: suggestions.map((suggestion) => ({
      person: toPersonView(suggestion.registrationId, people),
      score: suggestion.score,
      reasons: suggestion.reasons,
    })),
  };
}
