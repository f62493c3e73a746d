import { pageQuery } from '#common';
import { uuid } from '#contracts';
import { z } from 'zod';

export const enrolSchema = z
  .object({
    /** Whom to enrol: an organiser names any confirmed participant; a participant may leave it out (themselves). */
    registrationId: uuid.optional(),
  })
  .strict()
  .optional();
export type Enrol = z.infer<typeof enrolSchema>;

export const enrolmentListQuery = pageQuery.extend({ status: z.enum(['confirmed', 'waitlisted', 'cancelled']).optional() }).strict();
export type EnrolmentListQuery = z.infer<typeof enrolmentListQuery>;
