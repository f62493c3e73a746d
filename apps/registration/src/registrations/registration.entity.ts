import type { RegistrationStatus, organisationTypes } from '#contracts';
import { Column, Entity, PrimaryColumn, type EntityManager, type SelectQueryBuilder } from 'typeorm';

@Entity('registrations')
export class RegistrationEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Arrival order, for the organiser's list (keyset pagination). */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid', { name: 'mission_id' }) missionId!: string;
  @Column('text') status!: RegistrationStatus;
  @Column('text') email!: string;
  @Column('text', { name: 'given_name' }) givenName!: string;
  @Column('text', { name: 'family_name' }) familyName!: string;
  @Column('text', { name: 'job_title', nullable: true }) jobTitle!: string | null;
  @Column('text', { name: 'organisation_name' }) organisationName!: string;
  @Column('text', { name: 'organisation_type' }) organisationType!: (typeof organisationTypes)[number];
  @Column('text', { name: 'organisation_country' }) organisationCountry!: string;
  @Column('text', { name: 'organisation_city', nullable: true }) organisationCity!: string | null;
  @Column('text', { nullable: true }) delegation!: string | null;
  @Column('text', { name: 'preferred_language' }) preferredLanguage!: string;
  @Column('text') timezone!: string;
  @Column('text', { nullable: true }) dietary!: string | null;
  @Column('text', { nullable: true }) accessibility!: string | null;
  @Column('timestamptz', { name: 'consented_at' }) consentedAt!: Date;
  /** SHA-256 of the participant's access token; never selected unless asked for by name. Null once erased. */
  @Column('text', { name: 'token_hash', select: false, nullable: true }) tokenHash!: string | null;
  /** Generation of the participant's sign-in links: a link of an older one is refused (DESIGN.md, Participant links). */
  @Column('integer', { name: 'link_generation', default: 1 }) linkGeneration!: number;
  /** Generation of the participant's access token, which is derived from it and the id. */
  @Column('integer', { name: 'token_generation', default: 1 }) tokenGeneration!: number;
  /** When the last link the participant asked for was mailed, for the once-a-minute rule. */
  @Column('timestamptz', { name: 'link_requested_at', nullable: true }) linkRequestedAt?: Date | null;
  /** Place in the mission's waitlist order, taken when the registration joined it. */
  @Column('bigint', { name: 'waitlist_order', nullable: true }) waitlistOrder!: string | null;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason!: string | null;
  @Column('timestamptz', { name: 'checked_in_at', nullable: true }) checkedInAt!: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  /** When the participant's personal data was erased (GDPR), see participant-data/; optional so registrations built in memory need not name it. */
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt?: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/**
 * Registrations with their token's hash, which `find` leaves out (`select: false`): every path that
 * announces a registration loads it this way, since the events carry the hash (see toSnapshot).
 */
export function registrationsWithTokenHash(manager: EntityManager): SelectQueryBuilder<RegistrationEntity> {
  return manager.createQueryBuilder(RegistrationEntity, 'registration').addSelect('registration.tokenHash');
}
