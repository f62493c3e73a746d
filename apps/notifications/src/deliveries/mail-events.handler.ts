import type { UnitOfWork } from '#common';
import type { CloudEvent, EventType } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { accessMail } from '../access-mail/access.mail.js';
import { enrolmentMail } from '../enrolment-mail/enrolment.mail.js';
import type { Addressee, MailKind } from '../mail/mail-kind.js';
import { meetingTimetableMail } from '../meeting-timetable-mail/meeting-timetable.mail.js';
import { meetingMail } from '../meeting-mail/meeting.mail.js';
import { milestoneMail } from '../milestone-mail/milestone.mail.js';
import { milestoneReminderMail } from '../milestone-reminder-mail/milestone-reminder.mail.js';
import { registrationMail } from '../registration-mail/registration.mail.js';
import { reminderMail } from '../reminder-mail/reminder.mail.js';
import { sessionMail } from '../session-mail/session.mail.js';
import { webhookMail } from '../webhooks/webhook-mail/webhook.mail.js';
import { DeliveriesService } from './deliveries.service.js';

/** A mail kind as the handler routes its events: each kind's own types hold inside `queue`. */
interface MailRoute {
  inbox: string;
  events: readonly EventType[];
  queue(deliveries: DeliveriesService, unit: UnitOfWork, event: CloudEvent): Promise<void>;
}

function route<Type extends EventType, To extends Addressee>(kind: MailKind<Type, To>): MailRoute {
  return { inbox: kind.inbox, events: kind.events, queue: (deliveries, unit, event) => deliveries.queue(unit, kind, event as CloudEvent<Type>) };
}

/** Every kind of mail notifications sends; a new kind is declared in its folder and listed here (docs/DESIGN.md, Mail). */
export const mailRoutes: readonly MailRoute[] = [
  route(registrationMail),
  route(accessMail),
  route(enrolmentMail),
  route(sessionMail),
  route(meetingMail),
  route(meetingTimetableMail),
  route(milestoneMail),
  route(milestoneReminderMail),
  route(reminderMail),
  route(webhookMail),
];

const routeOf = new Map(mailRoutes.flatMap((kind) => kind.events.map((type) => [type, kind] as const)));

/** The events of every mail kind: each once per kind's inbox, its recipients found, its messages composed and queued (see `DeliveriesService.queue`). */
@Controller()
export class MailEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @EventPattern([...routeOf.keys()])
  async onMailEvent(@Payload() event: CloudEvent): Promise<void> {
    const kind = routeOf.get(event.type)!;
    await this.inbox.handle(event, kind.inbox, (unit) => kind.queue(this.deliveries, unit, event));
  }
}
