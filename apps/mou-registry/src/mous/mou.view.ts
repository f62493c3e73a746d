import { pageOf, spreadsheetSafe } from '#common';
import { countryCode, instant, languageTag, localDate, mouStatuses, partyKinds, uuid } from '#contracts';
import { z } from 'zod';
import { toVersionView, versionView, type VersionRow } from '../versions/version.view.js';
import type { MouRow, SignatoryRow } from './mous.repository.js';

/** A party to an MoU, as stored and as the API answers it. */
const party = z.object({ name: z.string(), kind: z.enum(partyKinds), country: countryCode, city: z.string().optional() });

export type Party = z.infer<typeof party>;

export const signatoryView = z.object({
  name: z.string().nullable().describe('Null once the participant who signed asked for erasure: the signature stays, their name goes.'),
  title: z.string(),
  party: z.string().describe('The name of the party signed for, one of `parties`.'),
  registrationId: uuid.nullable().optional().describe('Organisers only: the participant who signed, if linked.'),
  erased: z.boolean().optional().describe("Organisers only: whether that participant's personal data was erased."),
});

export type SignatoryView = z.infer<typeof signatoryView>;

/** A line of the register: what anyone may read of a public MoU. */
export const mouSummaryView = z.object({
  id: uuid,
  reference: z.string().describe('`MOU-<year>-<number>`: the year of signing (or of creation), and the number in that year.'),
  missionId: uuid.nullable(),
  title: z.string(),
  summary: z.record(languageTag, z.string()).describe('The summary per language: `{ "en": "…", "zh-CN": "…" }`.'),
  themes: z.array(z.string()),
  parties: z.array(party),
  signedOn: localDate.nullable(),
  signedPlace: z.string().nullable(),
  validity: z.object({ entryIntoForceOn: localDate.nullable(), expiresOn: localDate.nullable() }),
  visibility: z.enum(['public', 'organisers']),
  status: z.enum(mouStatuses),
  createdAt: instant,
  updatedAt: instant,
});

export type MouSummaryView = z.infer<typeof mouSummaryView>;

export const mouPage = pageOf(mouSummaryView);

/** A meeting the MoU came from, as scheduling announced its outcome: when, and who met (names only, none once erased). */
export const mouMeetingView = z.object({
  meetingId: uuid,
  missionId: uuid,
  startsAt: instant.nullable(),
  endsAt: instant.nullable(),
  outcome: z.string().describe('`held` or `no_show`.'),
  attendees: z.array(
    z.object({ registrationId: uuid, side: z.enum(['requester', 'invitee']), name: z.string().nullable().describe('Null once the participant was erased.') }),
  ),
});

export type MouMeetingView = z.infer<typeof mouMeetingView>;

/** The record of an MoU: the line of the register, with its signatories and the versions of its text. */
export const mouView = mouSummaryView.extend({
  signatories: z.array(signatoryView),
  versions: z.array(versionView),
  meetings: z
    .array(mouMeetingView)
    .optional()
    .describe('Organisers only: the matchmaking meetings that led to the MoU (an organiser names the MoU on the meeting’s outcome), in time order.'),
});

export type MouView = z.infer<typeof mouView>;

export function toMouSummary(row: MouRow): MouSummaryView {
  return {
    id: row.id,
    reference: row.reference,
    missionId: row.missionId,
    title: row.title,
    summary: row.summary,
    themes: row.themes,
    parties: row.parties,
    signedOn: row.signedOn,
    signedPlace: row.signedPlace,
    validity: { entryIntoForceOn: row.entryIntoForceOn, expiresOn: row.expiresOn },
    visibility: row.visibility,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The record; `organiser` decides whether the links to participants, and the meetings, show. */
export function toMouView(row: MouRow, signatories: SignatoryRow[], versions: VersionRow[], organiser: boolean, meetings: MouMeetingView[] = []): MouView {
  return {
    ...toMouSummary(row),
    signatories: signatories.map((signatory) => ({
      name: signatory.name,
      title: signatory.title,
      party: signatory.party,
      ...(organiser ? { registrationId: signatory.registrationId, erased: signatory.erasedAt !== null } : {}),
    })),
    versions: versions.map(toVersionView),
    ...(organiser ? { meetings } : {}),
  };
}

export const csvColumns = [
  'reference',
  'title',
  'status',
  'visibility',
  'missionId',
  'signedOn',
  'signedPlace',
  'entryIntoForceOn',
  'expiresOn',
  'themes',
  'parties',
  'summary',
] as const;

export type CsvRecord = Record<(typeof csvColumns)[number], string | null>;

/** One line of the register's CSV export; every free text is made safe to open in a spreadsheet. */
export function toCsvRecord(row: MouRow): CsvRecord {
  return {
    reference: row.reference,
    title: spreadsheetSafe(row.title),
    status: row.status,
    visibility: row.visibility,
    missionId: row.missionId,
    signedOn: row.signedOn,
    signedPlace: spreadsheetSafe(row.signedPlace),
    entryIntoForceOn: row.entryIntoForceOn,
    expiresOn: row.expiresOn,
    themes: spreadsheetSafe(row.themes.join('; ')),
    parties: spreadsheetSafe(row.parties.map((party) => `${party.name} (${party.kind}, ${party.country})`).join('; ')),
    summary: spreadsheetSafe(
      Object.entries(row.summary)
        .map(([language, text]) => `[${language}] ${text}`)
        .join(' '),
    ),
  };
}
