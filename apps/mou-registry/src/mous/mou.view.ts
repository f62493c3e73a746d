import { pageOf, spreadsheetSafe } from '#common';
import { countryCode, instant, languageTag, localDate, mouStatuses, partyKinds, uuid, type EventData, type MouStatus } from '#contracts';
import { z } from 'zod';
import { documentTypes } from '../versions/version.rules.js';

/** A party to an MoU, as stored and as the API answers it. */
const party = z.object({ name: z.string(), kind: z.enum(partyKinds), country: countryCode, city: z.string().optional() });

export type Party = z.infer<typeof party>;

/** An MoU as stored (the columns the register and the record read). */
export interface MouRow {
  id: string;
  seq: string;
  reference: string;
  missionId: string | null;
  title: string;
  summary: Record<string, string>;
  themes: string[];
  parties: Party[];
  signedOn: string | null;
  signedPlace: string | null;
  entryIntoForceOn: string | null;
  expiresOn: string | null;
  visibility: 'public' | 'organisers';
  status: MouStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of a MouRow, of the table `mous` or of its alias `table`. */
export function mouColumns(table?: string): string {
  const t = table ? `${table}.` : '';
  return `${t}id, ${t}seq::text AS seq, ${t}reference, ${t}mission_id AS "missionId", ${t}title, ${t}summaries AS summary, ${t}themes, ${t}parties,
  to_char(${t}signed_on, 'YYYY-MM-DD') AS "signedOn", ${t}signed_place AS "signedPlace",
  to_char(${t}entry_into_force_on, 'YYYY-MM-DD') AS "entryIntoForceOn", to_char(${t}expires_on, 'YYYY-MM-DD') AS "expiresOn",
  ${t}visibility, ${t}status, ${t}created_at AS "createdAt", ${t}updated_at AS "updatedAt"`;
}

export const MOU_COLUMNS = mouColumns();

export interface SignatoryRow {
  position: number;
  name: string | null;
  title: string;
  party: string;
  registrationId: string | null;
  erasedAt: Date | null;
}

export interface VersionRow {
  version: number;
  language: string;
  mediaType: (typeof documentTypes)[number];
  sha256: string;
  size: number;
  amendment: boolean;
  addedAt: Date;
  signedOn: string | null;
  signedPlace: string | null;
  signedAt: Date | null;
}

export const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('SHA-256 of the document, in hex.');

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

/** The record of an MoU: the line of the register, with its signatories and the versions of its text. */
export const mouView = mouSummaryView.extend({
  signatories: z.array(signatoryView),
  versions: z.array(versionView),
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

/** The record; `organiser` decides whether the links to participants show. */
export function toMouView(row: MouRow, signatories: SignatoryRow[], versions: VersionRow[], organiser: boolean): MouView {
  return {
    ...toMouSummary(row),
    signatories: signatories.map((signatory) => ({
      name: signatory.name,
      title: signatory.title,
      party: signatory.party,
      ...(organiser ? { registrationId: signatory.registrationId, erased: signatory.erasedAt !== null } : {}),
    })),
    versions: versions.map(toVersionView),
  };
}

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

/** What every mou.* event says about the MoU. */
export function toMouEventData(row: MouRow): EventData<'mou.drafted'> {
  return {
    mouId: row.id,
    reference: row.reference,
    missionId: row.missionId,
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    parties: row.parties.map(({ name, kind, country }) => ({ name, kind, country })),
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
