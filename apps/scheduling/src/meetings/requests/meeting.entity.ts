import type { MeetingStatus } from '#contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MeetingOutcome = 'held' | 'no_show';
export type CancelReason = 'participant-left' | 'withdrawn';

/**
 * A meeting between two participants, from the request to its place in a block. The place (slot,
 * table) is what the last run announced; a meeting cancelled after that keeps it until the next run
 * frees it, so that the run can tell its counterpart.
 */
@Entity('meetings')
export class MeetingEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('uuid', { name: 'requester_id' }) requesterId!: string;
  @Column('uuid', { name: 'invitee_id' }) inviteeId!: string;
  /** The organiser's subject when an organiser proposed the meeting. */
  @Column('text', { name: 'proposed_by', nullable: true }) proposedBy!: string | null;
  @Column('integer') priority!: number;
  @Column('text', { nullable: true }) message!: string | null;
  @Column('text') status!: MeetingStatus;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: CancelReason | null;
  /** The meeting block (a session) of the announced place. */
  @Column('uuid', { name: 'block_id', nullable: true }) blockId!: string | null;
  @Column('text', { name: 'slot_id', nullable: true }) slotId!: string | null;
  @Column('timestamptz', { name: 'starts_at', nullable: true }) startsAt!: Date | null;
  @Column('timestamptz', { name: 'ends_at', nullable: true }) endsAt!: Date | null;
  @Column('integer', { name: 'table_number', nullable: true }) tableNumber!: number | null;
  @Column('text', { nullable: true }) outcome!: MeetingOutcome | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
