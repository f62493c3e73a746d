import { pageOf } from '#common';
import { instant, uuid } from '#contracts';
import { z } from 'zod';
import type { Enrolment } from './enrolment.js';

/** An enrolment as the API answers it; the schema also documents the responses. */
export const enrolmentView = z.object({
  id: uuid,
  sessionId: uuid,
  missionId: uuid,
  registrationId: uuid,
  status: z
    .enum(['confirmed', 'waitlisted', 'cancelled'])
    .describe('`confirmed`: a seat; `waitlisted`: in line for one; `cancelled`: withdrawn, or the participant left the mission.'),
  waitlistPosition: z.number().int().positive().nullable().describe('1 for the next in line; null unless waitlisted.'),
  createdAt: instant,
  updatedAt: instant,
});

export type EnrolmentView = z.infer<typeof enrolmentView>;

export const enrolmentPage = pageOf(enrolmentView);

export function toEnrolmentView(enrolment: Enrolment, waitlistPosition: number | null): EnrolmentView {
  return {
    id: enrolment.id,
    sessionId: enrolment.sessionId,
    missionId: enrolment.missionId,
    registrationId: enrolment.registrationId,
    status: enrolment.status,
    waitlistPosition: enrolment.status === 'waitlisted' ? waitlistPosition : null,
    createdAt: enrolment.createdAt.toISOString(),
    updatedAt: enrolment.updatedAt.toISOString(),
  };
}
