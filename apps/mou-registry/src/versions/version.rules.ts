import type { MouStatus } from '#contracts';
import { MouLifecycle } from '../mous/mou.rules.js';

/** The media types a version of the text may be uploaded as (the raw body of the upload). */
export const documentTypes = [
  'application/pdf',
  'application/octet-stream',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

export const DOCUMENT_LIMIT = '20mb';

export type VersionCheck = { allowed: true; amendment: boolean } | { allowed: false; reason: string };

/** Before signing, versions are drafts of the text; after, each is an amendment to be signed in its turn; a finished MoU takes none. */
export function checkNewVersion(status: MouStatus): VersionCheck {
  if (MouLifecycle.isClosed(status)) return { allowed: false, reason: `A ${status} MoU takes no new versions.` };
  return { allowed: true, amendment: MouLifecycle.isSigned(status) };
}

export type SignCheck = { allowed: true } | { allowed: false; reason: string };

/** Only an amendment is signed on its own, once, while the MoU it amends is signed or in force. */
export function checkAmendmentSigning(status: MouStatus, version: { amendment: boolean; signedAt: Date | null }): SignCheck {
  if (version.signedAt) return { allowed: false, reason: 'This version is signed already, and frozen.' };
  if (!version.amendment) return { allowed: false, reason: 'The text before signing is signed with the MoU: move the MoU to signed.' };
  if (status !== 'signed' && status !== 'in_force') return { allowed: false, reason: `Amendments of a ${status} MoU cannot be signed.` };
  return { allowed: true };
}
