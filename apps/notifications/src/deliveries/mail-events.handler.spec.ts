import { broadcastAudienceEvents } from '../broadcasts/broadcast-audience.handler.js';
import { eventCatalogue, eventTypes, subscriptions } from '#contracts';
import { mailRoutes } from './mail-events.handler.js';

describe('mail kinds', () => {
  it('keep the inbox handler names of the releases before them, so that a redelivered event is still found a duplicate', () => {
    expect(mailRoutes.map((kind) => kind.inbox)).toEqual([
      'notifications.participant-directory',
      'notifications.access-mail',
      'notifications.enrolment-mail',
      'notifications.session-mail',
      'notifications.meeting-mail',
      'notifications.meeting-timetable-mail',
      'notifications.milestone-reminder',
      'notifications.action-plan-milestone-reminder',
      'notifications.reminder-mail',
      'notifications.webhook-disabled-mail',
    ]);
  });

  it('give each event type to one kind, and with the directory, erasure and broadcast audience handlers answer every event notifications subscribes to', () => {
    const events = mailRoutes.flatMap((kind) => kind.events);
    expect(new Set(events).size).toBe(events.length);
    // The webhooks take every event another service produces (their handler also runs beside each of these).
    const producedByOthers = eventTypes.filter((type) => eventCatalogue[type]!.producer !== 'notifications');
    expect(new Set([...events, 'participant.erased', 'mission.updated', ...broadcastAudienceEvents, ...producedByOthers])).toEqual(
      new Set(subscriptions.notifications),
    );
  });

  it("leave notifications' own events to its relay, but the one a mail kind needs", () => {
    // Its own events are queued for webhooks as they are published; consuming them back would cost a message each.
    expect(subscriptions.notifications.filter((type) => eventCatalogue[type]?.producer === 'notifications')).toEqual(['webhook.endpoint_disabled']);
    expect(subscriptions.notifications).not.toContain('#');
  });
});
