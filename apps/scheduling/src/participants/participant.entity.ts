import type { RegistrationStatus } from '#contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A participant as scheduling knows them from registration's events (never asked of registration):
 * only what enrolment and agendas need, so no name or e-mail is kept here.
 */
@Entity('participants')
export class ParticipantEntity {
  @PrimaryColumn('uuid', { name: 'registration_id' }) registrationId!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  /** The registration's status; only a confirmed participant enrols. */
  @Column('text') status!: RegistrationStatus;
  @Column('text', { nullable: true }) delegation!: string | null;
  @Column('text', { name: 'preferred_language' }) preferredLanguage!: string;
  @Column('text') timezone!: string;
  /** SHA-256 of the participant's access token (see ParticipantsTokenResolver); null once erased. */
  @Column('text', { name: 'token_hash', nullable: true, select: false }) tokenHash!: string | null;
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt!: Date | null;
  @Column('timestamptz', { name: 'as_of' }) asOf!: Date;
}
