import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A mission as registration knows it from scheduling's events: what a registration's events carry. */
@Entity('missions')
export class MissionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') title!: string;
  @Column('date', { name: 'starts_on' }) startsOn!: string;
  @Column('date', { name: 'ends_on' }) endsOn!: string;
  @Column('text') timezone!: string;
  @Column('timestamptz', { name: 'as_of' }) asOf!: Date;
  @Column({ type: 'timestamptz', name: 'received_at', insert: false, update: false }) receivedAt!: Date;
}

/** What a registration's events carry about its mission. */
export type MissionOfEvents = Pick<MissionEntity, 'code' | 'title' | 'startsOn' | 'endsOn' | 'timezone'>;
