import type { EnrolmentEntity } from './enrolment.entity.js';

export interface EnrolmentView {
  id: string;
  sessionId: string;
  missionId: string;
  registrationId: string;
  status: EnrolmentEntity['status'];
  /** 1 for the next in line; null unless waitlisted. */
  waitlistPosition: number | null;
  createdAt: string;
  updatedAt: string;
}

export function toEnrolmentView(enrolment: EnrolmentEntity, waitlistPosition: number | null): EnrolmentView {
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
