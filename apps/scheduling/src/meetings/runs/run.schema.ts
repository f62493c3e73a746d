import { instant } from '#contracts';
import { z } from 'zod';

const period = z.object({ startsAt: instant, endsAt: instant }).strict();
const endsAfterStart = (value: { startsAt: string; endsAt: string }) => Date.parse(value.endsAt) > Date.parse(value.startsAt);

/** How a B2B meeting block is cut: slot length, tables, and breaks without meetings. */
export const meetingBlockSchema = z
  .object({
    slotMinutes: z.number().int().min(5).max(240),
    tables: z.number().int().min(1).max(1000),
    breaks: z
      .array(period.refine(endsAfterStart, { path: ['endsAt'], message: 'must be after startsAt' }))
      .max(20)
      .default([]),
  })
  .strict();
export type MeetingBlockInput = z.infer<typeof meetingBlockSchema>;

export const unavailabilitySchema = z
  .object({ startsAt: instant, endsAt: instant, note: z.string().trim().max(200).optional() })
  .strict()
  .refine(endsAfterStart, { path: ['endsAt'], message: 'must be after startsAt' });
export type UnavailabilityInput = z.infer<typeof unavailabilitySchema>;

export const runSchema = z
  .object({
    /** Place every accepted meeting afresh instead of keeping the announced ones where they are. */
    rebuild: z.boolean().default(false),
    /** Most meetings per participant; no limit but the slots when absent. */
    limitPerParticipant: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .default({ rebuild: false });
export type RunInput = z.infer<typeof runSchema>;
