import { pageOf } from '#common';
import { instant, languageTag, uuid } from '#contracts';
import { z } from 'zod';
import type { Person } from '../../participants/person.js';
import type { MatchmakingProfile } from './profile.js';

/** A published matchmaking profile as the API answers it; the schema also documents the responses. */
export const profileView = z.object({
  registrationId: uuid,
  missionId: uuid,
  delegation: z.string().nullable().describe("The participant's delegation, as registered; null without one."),
  name: z.string().nullable().describe('Given and family name (never an e-mail address); null once erased.'),
  organisation: z.string().nullable(),
  country: z.string().nullable().describe("The organisation's country (ISO 3166-1 alpha-2)."),
  offers: z.string().describe("What the participant's organisation offers."),
  seeks: z.string().describe('What it seeks.'),
  themes: z.array(z.string()),
  sectors: z.array(z.string()),
  languages: z.array(languageTag).describe('The languages the participant meets in.'),
  updatedAt: instant.describe('When the profile was last published.'),
});

export type ProfileView = z.infer<typeof profileView>;

export const profilePage = pageOf(profileView);

export function toProfileView(profile: MatchmakingProfile, delegation: string | null, person: Person | null): ProfileView {
  return {
    registrationId: profile.registrationId,
    missionId: profile.missionId,
    delegation,
    name: person?.name ?? null,
    organisation: person?.organisation ?? null,
    country: person?.country ?? null,
    offers: profile.offers,
    seeks: profile.seeks,
    themes: profile.themes,
    sectors: profile.sectors,
    languages: profile.languages,
    updatedAt: profile.updatedAt.toISOString(),
  };
}
