import { eventCatalogue, eventTypes } from './catalogue.js';
import { registrationSnapshotTypes } from './registration/registration.events.js';

/**
 * Every type another service produces. Notifications binds these for its webhooks rather than `#`: its
 * own events are queued for webhooks as its relay publishes them, not consumed back (docs/DESIGN.md, Webhooks).
 */
const producedByOthers = eventTypes.filter((type) => eventCatalogue[type]!.producer !== 'notifications');

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
    'action_plan.milestone_reminder_due',
    'session.rescheduled',
    'session.cancelled',
    'meeting.requested',
    'meeting.accepted',
    'meeting.declined',
    'enrolment.confirmed',
    'enrolment.waitlisted',
    'enrolment.cancelled',
    'meeting.timetable_published',
    // Added with broadcasts: the read models an audience is resolved from.
    'participant.access_token_renewed',
    'delegation.saved',
    'delegation.removed',
    'meeting.scheduled',
    'meeting.cancelled',
    'session.reminder_due',
    'meeting.reminder_due',
    'registration.closing_reminder_due',
    'webhook.endpoint_disabled',
    // Webhooks: endpoints may subscribe to any type (docs/DESIGN.md, Webhooks).
    ...producedByOthers,
  ],
  dashboard: ['#'],
} as const satisfies Record<string, readonly string[]>;

export type Subscriber = keyof typeof subscriptions;

export function isSubscriber(service: string): service is Subscriber {
  return Object.hasOwn(subscriptions, service);
}
