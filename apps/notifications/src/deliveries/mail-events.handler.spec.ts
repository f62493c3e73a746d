import { broadcastAudienceEvents } from '../broadcasts/broadcast-audience.handler.js';
import { subscriptions } from '#contracts';
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
    // `#`: the webhooks take every event (their handler also runs beside each of these).
    expect(new Set([...events, 'participant.erased', 'mission.updated', ...broadcastAudienceEvents, '#'])).toEqual(new Set(subscriptions.notifications));
  });
});
