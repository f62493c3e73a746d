import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EnrolmentStatus = 'confirmed' | 'waitlisted' | 'cancelled';

@Entity('enrolments')
export class EnrolmentEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Arrival order, for keyset pagination. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('uuid', { name: 'registration_id' }) registrationId!: string;
  @Column('text') status!: EnrolmentStatus;
  /** Place in the waitlist order, taken when the enrolment joined it (first come, first promoted). */
  @Column('bigint', { name: 'waitlist_order', nullable: true }) waitlistOrder!: string | null;
  /** Who enrolled: `participant` or the organiser's subject. */
  @Column('text', { name: 'enrolled_by' }) enrolledBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
