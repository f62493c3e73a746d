import { ServiceCoreModule, type ServiceConfig } from '#common';
import { BrokerConnection, MessagingModule } from '#messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { AccessMailModule } from './access-mail/access-mail.module.js';
import { DeliveriesModule, type DeliveriesOptions } from './deliveries/deliveries.module.js';
import { EnrolmentMailModule } from './enrolment-mail/enrolment-mail.module.js';
import { MeetingMailModule } from './meeting-mail/meeting-mail.module.js';
import { MeetingTimetableMailModule } from './meeting-timetable-mail/meeting-timetable-mail.module.js';
import { notificationsMigrations } from './migrations/index.js';
import { MilestoneMailModule } from './milestone-mail/milestone-mail.module.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { RegistrationMailModule } from './registration-mail/registration-mail.module.js';
import { SessionMailModule } from './session-mail/session-mail.module.js';

export type NotificationsOptions = Omit<DeliveriesOptions, 'mailSendLeaseMs'>;

@Module({})
export class NotificationsModule {
  static forRoot(config: ServiceConfig, options: NotificationsOptions = {}): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ServiceCoreModule.forRoot(config, { entities: [], migrations: notificationsMigrations, readinessProbes: [BrokerConnection] }),
        MessagingModule.forService({
          service: config.service,
          producer: 'notifications',
          rabbitmqUrl: config.rabbitmqUrl,
          exchange: config.exchange,
        }),
        DeliveriesModule.forRoot({ ...options, mailSendLeaseMs: config.mailSendLeaseMs }),
        ParticipantsModule,
        RegistrationMailModule,
        SessionMailModule,
        EnrolmentMailModule,
        MilestoneMailModule,
        MeetingMailModule,
        MeetingTimetableMailModule,
        AccessMailModule,
      ],
    };
  }
}
