import { pageQuery } from '#common';
import { languageTag } from '#contracts';
import { z } from 'zod';

const tag = z.string().trim().min(1).max(80);

export const profileSchema = z
  .object({
    /** What the participant's organisation offers. */
    offers: z.string().trim().min(1).max(2000),
    /** What it seeks. */
    seeks: z.string().trim().min(1).max(2000),
    themes: z.array(tag).max(20).default([]),
    sectors: z.array(tag).max(20).default([]),
    languages: z.array(languageTag).min(1).max(10),
  })
  .strict();
export type ProfileInput = z.infer<typeof profileSchema>;

/** Filters combine (all must match); `q` looks in offers and seeks. */
export const directoryQuery = pageQuery
  .extend({
    theme: tag.optional(),
    sector: tag.optional(),
    language: languageTag.optional(),
    q: z.string().trim().min(2).max(100).optional(),
  })
  .strict();
export type DirectoryQuery = z.infer<typeof directoryQuery>;
