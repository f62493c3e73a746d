import { instant, languageTag, localDate } from '#contracts';
import { z } from 'zod';
import { sha256 } from '../history/history.view.js';
import { documentTypes } from './version.rules.js';
import type { VersionRow } from './versions.repository.js';

export type { VersionRow };

/** A version of the text, as the API answers it; the schemas below also document the responses. */
export const versionView = z.object({
  version: z.number().int().positive().describe('1, 2, … in the order the versions were added.'),
  language: languageTag,
  mediaType: z.enum(documentTypes),
  sha256,
  size: z.number().int().positive().describe('In bytes.'),
  amendment: z.boolean().describe('Versions added after the MoU was signed amend it, and are signed in their turn.'),
  addedAt: instant,
  signed: z.object({ on: localDate, place: z.string(), at: instant }).nullable().describe('Null until signed; a signed version is frozen.'),
});

export type VersionView = z.infer<typeof versionView>;

export function toVersionView(version: VersionRow): VersionView {
  return {
    version: version.version,
    language: version.language,
    mediaType: version.mediaType,
    sha256: version.sha256,
    size: version.size,
    amendment: version.amendment,
    addedAt: version.addedAt.toISOString(),
    signed: version.signedAt ? { on: version.signedOn!, place: version.signedPlace!, at: version.signedAt.toISOString() } : null,
  };
}
