import { pageQuery } from '#common';
import { countryCode, languageTag, mouStatuses, partyKinds } from '#contracts';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const date = z.iso.date();

export const partySchema = z
  .object({
    name: text(200),
    kind: z.enum(partyKinds),
    country: countryCode,
    city: text(120).optional(),
  })
  .strict();

export const signatorySchema = z
  .object({
    name: text(150),
    title: text(150),
    /** The name of the party signed for, one of `parties`. */
    party: text(200),
    /** A confirmed participant's registration id, checked against the registry's read model. */
    registrationId: z.uuid().optional(),
  })
  .strict();

/** Summary per language: `{ "en": "…", "zh-CN": "…" }`. */
const summary = z
  .record(languageTag, text(5000))
  .refine((value) => Object.keys(value).length > 0, { message: 'needs a summary in at least one language' })
  .refine((value) => Object.keys(value).length <= 20, { message: 'at most 20 languages' });

const themes = z.array(text(60)).max(20);

const fields = {
  title: text(300),
  summary,
  themes,
  missionId: z.uuid(),
  parties: z.array(partySchema).min(2, 'an MoU has two or more parties').max(50),
  signatories: z.array(signatorySchema).max(50),
  signedOn: date,
  signedPlace: text(200),
  entryIntoForceOn: date,
  expiresOn: date,
  visibility: z.enum(['public', 'organisers']),
};

type Draft = {
  parties?: { name: string }[];
  signatories?: { party: string }[];
  entryIntoForceOn?: string | null;
  expiresOn?: string | null;
};

/** Rules across fields, each naming the field at fault. */
export function checkAcrossFields(draft: Draft, context: z.core.$RefinementCtx): void {
  const parties = draft.parties;
  if (parties) {
    const names = new Set<string>();
    parties.forEach((party, index) => {
      const key = party.name.toLowerCase();
      if (names.has(key)) context.addIssue({ code: 'custom', path: ['parties', index, 'name'], message: 'names a party twice' });
      names.add(key);
    });
    draft.signatories?.forEach((signatory, index) => {
      if (!names.has(signatory.party.toLowerCase())) {
        context.addIssue({ code: 'custom', path: ['signatories', index, 'party'], message: 'must be the name of one of the parties' });
      }
    });
  }
  if (draft.entryIntoForceOn && draft.expiresOn && draft.expiresOn < draft.entryIntoForceOn) {
    context.addIssue({ code: 'custom', path: ['expiresOn'], message: 'must not be before entryIntoForceOn' });
  }
}

export const createMouSchema = z
  .object({
    ...fields,
    themes: themes.default([]),
    missionId: fields.missionId.optional(),
    signatories: fields.signatories.default([]),
    signedOn: date.optional(),
    signedPlace: fields.signedPlace.optional(),
    entryIntoForceOn: date.optional(),
    expiresOn: date.optional(),
    visibility: fields.visibility.default('organisers'),
  })
  .strict()
  .superRefine(checkAcrossFields);

export type CreateMou = z.infer<typeof createMouSchema>;

/** Every field may change (null clears an optional one); the merged record is checked again as a whole. */
export const updateMouSchema = z
  .object({
    title: fields.title,
    summary: fields.summary,
    themes: fields.themes,
    missionId: fields.missionId.nullable(),
    parties: fields.parties,
    signatories: fields.signatories,
    signedOn: date.nullable(),
    signedPlace: fields.signedPlace.nullable(),
    entryIntoForceOn: date.nullable(),
    expiresOn: date.nullable(),
    visibility: fields.visibility,
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'changes nothing' });

export type UpdateMou = z.infer<typeof updateMouSchema>;

export const transitionSchema = z
  .object({
    status: z.enum(mouStatuses),
    /** On signing, if not on the record yet. */
    signedOn: date.optional(),
    signedPlace: fields.signedPlace.optional(),
    reason: text(1000).optional(),
  })
  .strict();

export type Transition = z.infer<typeof transitionSchema>;

export const registerQuery = pageQuery.extend({
  status: z.enum(mouStatuses).optional(),
  theme: text(60).optional(),
  party: text(200).optional(),
  country: countryCode.optional(),
  mission: z.uuid().optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  q: text(200).optional(),
  /** Organisers only; the public sees public MoUs whatever it asks. */
  visibility: z.enum(['public', 'organisers']).optional(),
});

export type RegisterQuery = z.infer<typeof registerQuery>;
export type RegisterFilters = Omit<RegisterQuery, 'limit' | 'cursor'>;

export const exportQuery = registerQuery.omit({ limit: true, cursor: true }).extend({ format: z.enum(['csv', 'json']).default('csv') });
export type ExportQuery = z.infer<typeof exportQuery>;
