import { CreateIdempotencyKeys1732000000100, KeepIdempotentResponsesWithTheirChange1732000014100 } from '#common';
import { CreateInbox1732000000001, CreateOutbox1732000000000 } from '#messaging';
import { CreateMissions1732000002000 } from './1732000002000-create-missions.js';
import { CreateRegistrationSettings1732000002001 } from './1732000002001-create-registration-settings.js';
import { CreateRegistrations1732000002002 } from './1732000002002-create-registrations.js';
import { ParticipantErasure1732000002003 } from './1732000002003-participant-erasure.js';
import { ParticipantLinks1732000002004 } from './1732000002004-participant-links.js';
import { CreateDelegations1732000002100 } from './1732000002100-create-delegations.js';
import { RegistrationCategories1732000002200 } from './1732000002200-registration-categories.js';
import { ClosingRemindersSent1732000002300 } from './1732000002300-closing-reminders-sent.js';

export const registrationMigrations = [
  CreateOutbox1732000000000,
  CreateInbox1732000000001,
  CreateIdempotencyKeys1732000000100,
  CreateMissions1732000002000,
  CreateRegistrationSettings1732000002001,
  CreateRegistrations1732000002002,
  ParticipantErasure1732000002003,
  ParticipantLinks1732000002004,
  CreateDelegations1732000002100,
  RegistrationCategories1732000002200,
  ClosingRemindersSent1732000002300,
  KeepIdempotentResponsesWithTheirChange1732000014100,
];
