import type { UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';
import { registrationSnapshotTypes } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BroadcastsRepository } from './broadcasts.repository.js';

/** Every event the read models of broadcasts take (the patterns below). */
export const broadcastAudienceEvents = [
  ...registrationSnapshotTypes,
  'participant.access_revoked',
  'participant.access_token_renewed',
  'delegation.saved',
  'delegation.removed',
  'enrolment.confirmed',
  'enrolment.waitlisted',
  'enrolment.cancelled',
  'meeting.scheduled',
  'meeting.cancelled',
  'meeting.declined',
  'participant.erased',
] as const;

const enrolmentStatus = { 'enrolment.confirmed': 'confirmed', 'enrolment.waitlisted': 'waitlisted', 'enrolment.cancelled': 'cancelled' } as const;

/**
 * The read models a broadcast's audience is resolved from, kept from other services' events: a
 * participant's delegation, category and access token; the mission's delegations; who is in each
 * session; who meets whom, and when. Each write is an upsert that only moves its row forward (or a
 * delete), so applying an event twice changes nothing: no inbox row and no savepoint, and in the
 * message's batch when there is one (`InboxService.apply`). A transaction of its own per event, as
 * before, cost a commit (a WAL flush) per registration and held the batch back by a round trip per
 * message: the consumer fell seconds behind at 100 registrations/s (docs/benchmarks.md).
 */
@Controller()
export class BroadcastAudienceHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly broadcasts: BroadcastsRepository,
  ) {}

  /** Each write is sent ahead: it goes with the batch's (or its own transaction's) COMMIT. */
  private apply(write: (unit: UnitOfWork) => void): Promise<void> {
    return this.inbox.apply(async (unit) => write(unit));
  }

  @EventPattern([...registrationSnapshotTypes])
  async onRegistration(@Payload() event: CloudEvent<(typeof registrationSnapshotTypes)[number]>): Promise<void> {
    await this.apply((unit) => this.broadcasts.keepMember(unit, event.data, event.time));
  }

  @EventPattern(['participant.access_revoked', 'participant.access_token_renewed'])
  async onToken(@Payload() event: CloudEvent<'participant.access_revoked' | 'participant.access_token_renewed'>): Promise<void> {
    const { registrationId, missionId, tokenGeneration, accessTokenHash } = event.data;
    await this.apply((unit) => this.broadcasts.keepToken(unit, { registrationId, missionId, tokenGeneration, accessTokenHash }, event.time));
  }

  @EventPattern(['delegation.saved', 'delegation.removed'])
  async onDelegation(@Payload() event: CloudEvent<'delegation.saved' | 'delegation.removed'>): Promise<void> {
    const data = event.data;
    const delegation =
      'name' in data
        ? { delegationId: data.delegationId, missionId: data.missionId, parentId: data.parentId, name: data.name, removed: false }
        : { delegationId: data.delegationId, missionId: data.missionId, parentId: null, name: '(removed)', removed: true };
    await this.apply((unit) => this.broadcasts.keepDelegation(unit, delegation, event.time));
  }

  @EventPattern(['enrolment.confirmed', 'enrolment.waitlisted', 'enrolment.cancelled'])
  async onEnrolment(@Payload() event: CloudEvent<'enrolment.confirmed' | 'enrolment.waitlisted' | 'enrolment.cancelled'>): Promise<void> {
    const { sessionId, registrationId, missionId } = event.data;
    const status = enrolmentStatus[event.type];
    await this.apply((unit) => this.broadcasts.keepEnrolment(unit, { sessionId, registrationId, missionId, status }, event.time));
  }

  @EventPattern(['meeting.scheduled', 'meeting.cancelled', 'meeting.declined'])
  async onMeeting(@Payload() event: CloudEvent<'meeting.scheduled' | 'meeting.cancelled' | 'meeting.declined'>): Promise<void> {
    const { meetingId, missionId, slot, attendees, requesterId, inviteeId } = event.data;
    // A group meeting names everyone attending; a one-to-one meeting is its two parties.
    const parties = attendees?.length ? [...new Set(attendees.map((attendee) => attendee.registrationId))] : [requesterId, inviteeId];
    const startsAt = event.type === 'meeting.scheduled' && slot ? slot.startsAt : null;
    await this.apply((unit) => this.broadcasts.keepMeeting(unit, { meetingId, missionId, startsAt, parties }, event.time));
  }

  @EventPattern('participant.erased')
  async onErased(@Payload() event: CloudEvent<'participant.erased'>): Promise<void> {
    await this.apply((unit) => this.broadcasts.forget(unit, event.data.registrationId));
  }
}
