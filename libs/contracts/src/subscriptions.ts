import { registrationSnapshotTypes } from './registration/registration.events.js';

/**
 * The routing-key patterns each consuming service binds its queue to: the deployment's topology in
 * one table, so that any service (and `npm run topology`) can declare every queue and binding
 * before it publishes, and an event published before its consumer ever started waits in that
 * consumer's queue. A consumer refuses to start when its `@EventPattern` handlers differ from its
 * row here.
 */
export const subscriptions = {
  registration: ['mission.created', 'mission.updated'],
  scheduling: [...registrationSnapshotTypes, 'participant.erased', 'participant.access_revoked', 'participant.access_token_renewed'],
  'mou-registry': ['registration.confirmed', 'registration.cancelled', 'registration.updated', 'participant.erased', 'meeting.outcome_recorded'],
  notifications: [
    'participant.erased',
    'participant.access_link_requested',
    'participant.access_revoked',
    ...registrationSnapshotTypes,
    'mission.updated',
    'mou.milestone_due',
    'session.rescheduled',
    'session.cancelled',
    'meeting.requested',
    'meeting.accepted',
    'meeting.declined',
    'enrolment.confirmed',
    'enrolment.waitlisted',
    'enrolment.cancelled',
    'meeting.timetable_published',
  ],
  dashboard: ['#'],
} as const satisfies Record<string, readonly string[]>;

export type Subscriber = keyof typeof subscriptions;

export function isSubscriber(service: string): service is Subscriber {
  return Object.hasOwn(subscriptions, service);
}
