import { spreadsheetSafe } from '#common';
import type { EventData, MouStatus, PartyKind } from '#contracts';

export interface Party {
  name: string;
  kind: PartyKind;
  country: string;
  city?: string;
}

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
  mediaType: string;
  sha256: string;
  size: number;
  amendment: boolean;
  addedAt: Date;
  signedOn: string | null;
  signedPlace: string | null;
  signedAt: Date | null;
}

export interface VersionView {
  version: number;
  language: string;
  mediaType: string;
  sha256: string;
  size: number;
  /** Versions added after the MoU was signed amend it, and are signed in their turn. */
  amendment: boolean;
  addedAt: string;
  /** Null until signed; a signed version is frozen. */
  signed: { on: string; place: string; at: string } | null;
}

export interface SignatoryView {
  /** Null once the participant who signed asked for erasure: the signature stays, their name goes. */
  name: string | null;
  title: string;
  party: string;
  /** Organisers only. */
  registrationId?: string | null;
  erased?: boolean;
}

/** A line of the register: what anyone may read of a public MoU. */
export interface MouSummaryView {
  id: string;
  reference: string;
  missionId: string | null;
  title: string;
  summary: Record<string, string>;
  themes: string[];
  parties: Party[];
  signedOn: string | null;
  signedPlace: string | null;
  validity: { entryIntoForceOn: string | null; expiresOn: string | null };
  visibility: 'public' | 'organisers';
  status: MouStatus;
  createdAt: string;
  updatedAt: string;
}

export interface MouView extends MouSummaryView {
  signatories: SignatoryView[];
  versions: VersionView[];
}

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
