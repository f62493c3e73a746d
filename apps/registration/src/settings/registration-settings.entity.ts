import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApprovalMode } from '../registrations/registration.rules.js';

/** How a mission takes registrations; its row is also the lock every change of a seat takes. */
@Entity('registration_settings')
export class RegistrationSettingsEntity {
  @PrimaryColumn('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('integer') capacity!: number;
  @Column('timestamptz', { name: 'opens_at', nullable: true }) opensAt!: Date | null;
  @Column('timestamptz', { name: 'closes_at', nullable: true }) closesAt!: Date | null;
  @Column('text') approval!: ApprovalMode;
  @Column('jsonb', { name: 'delegation_quotas' }) delegationQuotas!: Record<string, number>;
  /** Kept by the registrations' trigger `registration_seat_counts`: read them, never write them. */
  @Column({ type: 'integer', name: 'confirmed_count', insert: false, update: false }) confirmedCount!: number;
  @Column({ type: 'integer', name: 'waitlisted_count', insert: false, update: false }) waitlistedCount!: number;
  @Column('text', { name: 'updated_by' }) updatedBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
