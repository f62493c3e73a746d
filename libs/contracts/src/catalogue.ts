import type { z } from 'zod';
import { actionPlanEvents } from './mou-registry/action-plan.events.js';
import { mouEvents } from './mou-registry/mou.events.js';
import { notificationEvents } from './notifications/notification.events.js';
import { closingReminderEvents } from './registration/closing-reminder.events.js';
import { webhookEvents } from './notifications/webhook.events.js';
import { delegationEvents } from './registration/delegation.events.js';
import { registrationEvents } from './registration/registration.events.js';
import { enrolmentEvents, meetingEvents, missionEvents, sessionEvents } from './scheduling/mission.events.js';
import { reminderEvents } from './scheduling/reminder.events.js';

export const producers = ['scheduling', 'registration', 'mou-registry', 'notifications'] as const;
export type Producer = (typeof producers)[number];

/** Every event type of v1, by the service that produces it: the one place an event is defined. */
export const eventsByProducer = {
  scheduling: { ...missionEvents, ...sessionEvents, ...enrolmentEvents, ...meetingEvents, ...reminderEvents },
  registration: { ...registrationEvents, ...delegationEvents, ...closingReminderEvents },
  'mou-registry': { ...mouEvents, ...actionPlanEvents },
  notifications: { ...notificationEvents, ...webhookEvents },
} as const;

/** type → { producer, data schema per dataversion } */
export const eventCatalogue: Record<string, { producer: Producer; versions: Record<string, z.ZodType> }> = {};
for (const producer of producers) {
  for (const [type, schema] of Object.entries(eventsByProducer[producer])) {
    eventCatalogue[type] = { producer, versions: { '1': schema as z.ZodType } };
  }
}

type AllEvents = typeof eventsByProducer.scheduling &
  typeof eventsByProducer.registration &
  (typeof eventsByProducer)['mou-registry'] &
  typeof eventsByProducer.notifications;

export type EventType = keyof AllEvents & string;
export type EventData<T extends EventType> = z.infer<AllEvents[T]>;
export type EventTypeOf<P extends Producer> = keyof (typeof eventsByProducer)[P] & string;

export const eventTypes = Object.keys(eventCatalogue) as EventType[];
