import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('venues')
export class VenueEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('text') name!: string;
  @Column('text') address!: string;
  /** One of the mission's cities, by name. */
  @Column('text') city!: string;
  @Column('text') timezone!: string;
  @Column('double precision', { nullable: true }) latitude!: number | null;
  @Column('double precision', { nullable: true }) longitude!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Minutes of travel between two of a mission's cities; `cityA` < `cityB`. */
@Entity('transfer_times')
export class TransferTimeEntity {
  @PrimaryColumn('uuid', { name: 'mission_id' }) missionId!: string;
  @PrimaryColumn('text', { name: 'city_a' }) cityA!: string;
  @PrimaryColumn('text', { name: 'city_b' }) cityB!: string;
  @Column('integer') minutes!: number;
}
