import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RunResult } from './run.view.js';

export interface BlockBreak {
  startsAt: string;
  endsAt: string;
}

/** A session of kind b2b_meeting_block, as the scheduler cuts it: slots of `slotMinutes`, `tables` tables, no slot in a break. */
@Entity('meeting_blocks')
export class MeetingBlockEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('integer', { name: 'slot_minutes' }) slotMinutes!: number;
  @Column('integer') tables!: number;
  @Column('jsonb') breaks!: BlockBreak[];
}

/** A time a participant said they cannot meet. */
@Entity('unavailability')
export class UnavailabilityEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('uuid', { name: 'registration_id' }) registrationId!: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt!: Date;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A scheduling run: its row is the background job's state (and its `heartbeat_at`, kept by RunsService, says someone works on it). */
@Entity('matchmaking_runs')
export class MatchmakingRunEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('text') status!: RunStatus;
  @Column('boolean') rebuild!: boolean;
  @Column('integer', { name: 'limit_per_participant', nullable: true }) limitPerParticipant!: number | null;
  @Column('text', { name: 'requested_by' }) requestedBy!: string;
  @Column('text', { nullable: true }) progress!: string | null;
  @Column('jsonb', { nullable: true }) result!: RunResult | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
}
