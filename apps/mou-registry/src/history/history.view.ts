import { instant, uuid } from '#contracts';
import { z } from 'zod';

/** A SHA-256 in hex: of a document (its versions) or of an entry of the trail. */
export const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('SHA-256 of the document, in hex.');

const count = z.number().int().nonnegative();

/** An entry of an MoU's audit trail, as the API answers it; the schemas also document the responses. */
export const historyEntry = z.object({
  mouId: uuid,
  seq: z.number().int().positive().describe('1, 2, … in the order of the changes.'),
  action: z
    .string()
    .describe(
      'What changed: `created`, `updated`, `status_changed`, `version_added`, `amendment_signed`, `pilot_project_added`, `pilot_project_updated`, `milestone_added`, `milestone_completed` or `milestone_due`.',
    ),
  actor: z.string().describe("The organiser who did it (their token's subject), or `mou-registry` for what the registry does by itself."),
  at: instant,
  details: z.record(z.string(), z.unknown()).describe('What the action changed; never personal data.'),
  previousHash: sha256.describe('The hash of the entry before; 64 zeros for the first.'),
  hash: sha256.describe('SHA-256 of the entry (its content, keys sorted, and `previousHash`), in hex.'),
});

export type HistoryEntry = z.infer<typeof historyEntry>;

export const historyView = z.object({ mouId: uuid, entries: z.array(historyEntry).describe('Oldest first.') });

export type HistoryView = z.infer<typeof historyView>;

const intact = z.object({ intact: z.literal(true), entries: count });
const broken = z.object({
  intact: z.literal(false),
  entries: count,
  brokenAt: z.number().int().positive().describe('The `seq` of the first entry where the chain breaks.'),
  reason: z.string().describe('Why: its content does not match its hash, it does not follow the entry before it, or an entry is missing.'),
});

/** What a walk of the trail finds: intact, or the first entry whose content, link or place does not hold. */
export const chainVerdict = z.discriminatedUnion('intact', [intact, broken]);

export type ChainVerdict = z.infer<typeof chainVerdict>;

const checked = { mouId: uuid, verifiedAt: instant };

/** A verdict on an MoU's trail, recomputed when asked. */
export const chainVerification = z.discriminatedUnion('intact', [intact.extend(checked), broken.extend(checked)]);

export type ChainVerification = z.infer<typeof chainVerification>;
