import type { SessionKind } from '#contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type Audience = { kind: 'all' } | { kind: 'delegations'; delegations: string[] } | { kind: 'invitation'; registrationIds: string[] };
export type SpeakerRole = 'moderator' | 'panellist' | 'speaker';
export interface Speaker {
  role: SpeakerRole;
  name: string;
  /** When the speaker is a registered participant: they are told of changes and see it in their agenda. */
  registrationId?: string;
}

@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('text') kind!: SessionKind;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt!: Date;
  @Column('uuid', { name: 'venue_id', nullable: true }) venueId!: string | null;
  /** A transfer's journey between two of the mission's cities. */
  @Column('jsonb', { nullable: true }) route!: { from: string; to: string } | null;
  /** A side event's host event, e.g. a trade fair. */
  @Column('text', { name: 'host_event', nullable: true }) hostEvent!: string | null;
  @Column('integer', { nullable: true }) capacity!: number | null;
  @Column('text', { array: true }) languages!: string[];
  @Column('jsonb') interpretation!: { from: string; to: string }[];
  @Column('jsonb') audience!: Audience;
  @Column('jsonb') speakers!: Speaker[];
  @Column('text') status!: 'active' | 'cancelled';
  @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason!: string | null;
  /** When a release first published it; from then on its changes are announced as they happen. */
  @Column('timestamptz', { name: 'released_at', nullable: true }) releasedAt!: Date | null;
  /** Bumped on every change, for calendar apps (iCalendar SEQUENCE). */
  @Column('integer') sequence!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
