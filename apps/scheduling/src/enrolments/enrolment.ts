export type EnrolmentStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** A participant's seat in a session, or their place in its waitlist. */
export interface Enrolment {
  id: string;
  /** Arrival order, for keyset pagination. */
  seq: string;
  sessionId: string;
  missionId: string;
  registrationId: string;
  status: EnrolmentStatus;
  /** Place in the waitlist order, taken when the enrolment joined it (first come, first promoted). */
  waitlistOrder: string | null;
  /** Who enrolled: `participant` or the organiser's subject. */
  enrolledBy: string;
  createdAt: Date;
  updatedAt: Date;
}
