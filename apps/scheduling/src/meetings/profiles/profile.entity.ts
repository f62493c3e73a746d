import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A participant's matchmaking profile: published by them (opt-in), withdrawn by deleting it. */
@Entity('matchmaking_profiles')
export class MatchmakingProfileEntity {
  @PrimaryColumn('uuid', { name: 'registration_id' }) registrationId!: string;
  /** Publication order, for keyset pagination. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('text') offers!: string;
  @Column('text') seeks!: string;
  @Column('text', { array: true }) themes!: string[];
  @Column('text', { array: true }) sectors!: string[];
  @Column('text', { array: true }) languages!: string[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
