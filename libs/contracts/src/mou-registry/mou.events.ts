import { z } from 'zod';
import { instant, localDate, uuid } from '../shared.js';

export const mouStatuses = ['draft', 'negotiating', 'signed', 'in_force', 'completed', 'terminated', 'expired'] as const;
export type MouStatus = (typeof mouStatuses)[number];

export const partyKinds = ['city', 'government_body', 'business', 'research', 'education', 'ngo'] as const;
export type PartyKind = (typeof partyKinds)[number];

const mou = z.object({
  mouId: uuid,
  /** Assigned by the registry: `MOU-<signing or creation year>-<4 digits>`. */
  reference: z.string(),
  missionId: uuid.nullable(),
  title: z.string(),
  status: z.enum(mouStatuses),
  visibility: z.enum(['public', 'organisers']),
  parties: z.array(z.object({ name: z.string(), kind: z.string(), country: z.string() })),
});

const milestone = z.object({
  mouId: uuid,
  milestoneId: uuid,
  missionId: uuid.nullable(),
  /** The milestone's title. */
  title: z.string(),
  dueOn: localDate,
  /**
   * Who is reminded: a participant's contact data as the registry knew it, or none once erased. With
   * `registrationId` when the owner is a participant, so that who keeps the event can erase it with them.
   */
  owner: z.object({ name: z.string(), email: z.email().nullable(), preferredLanguage: z.string().nullable(), registrationId: uuid.nullable().optional() }),
  /** The MoU's reference and title, so that a reminder can say which agreement the milestone carries out. */
  reference: z.string(),
  mouTitle: z.string(),
  /** The pilot project the milestone belongs to, if any. */
  pilotProject: z.object({ pilotProjectId: uuid, title: z.string() }).nullable(),
});

export const mouEvents = {
  'mou.drafted': mou,
  'mou.updated': mou,
  'mou.status_changed': mou.extend({ previousStatus: z.enum(mouStatuses), changedBy: z.string(), changedAt: instant }),
  'mou.version_added': mou.extend({
    version: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().nonnegative(),
    language: z.string(),
  }),
  'mou.milestone_added': milestone,
  'mou.milestone_due': milestone,
  'mou.milestone_completed': milestone.extend({ completedAt: instant }),
} as const;
