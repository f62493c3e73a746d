import { CreateIdempotencyKeys1732000000100, KeepIdempotentResponsesWithTheirChange1732000014100 } from '#common';
import { CreateInbox1732000000001, CreateOutbox1732000000000 } from '#messaging';
import { CreateDeliveries1732000004000 } from './1732000004000-create-deliveries.js';
import { CreateErasedRegistrations1732000004100 } from './1732000004100-create-erased-registrations.js';
import { CreateParticipantDirectory1732000004200 } from './1732000004200-create-participant-directory.js';
import { QueueDeliveries1732000004300 } from './1732000004300-queue-deliveries.js';
import { CreateMissions1732000004400 } from './1732000004400-create-missions.js';
import { DirectoryLinkGeneration1732000004500 } from './1732000004500-directory-link-generation.js';
import { CreateBroadcasts1732000004600 } from './1732000004600-create-broadcasts.js';
import { CreateWebhooks1732000004700 } from './1732000004700-create-webhooks.js';
import { WebhookRetention1732000014200 } from './1732000014200-webhook-retention.js';

export const notificationsMigrations = [
  CreateOutbox1732000000000,
  CreateInbox1732000000001,
  CreateIdempotencyKeys1732000000100,
  CreateDeliveries1732000004000,
  CreateErasedRegistrations1732000004100,
  CreateParticipantDirectory1732000004200,
  QueueDeliveries1732000004300,
  CreateMissions1732000004400,
  DirectoryLinkGeneration1732000004500,
  CreateBroadcasts1732000004600,
  CreateWebhooks1732000004700,
  KeepIdempotentResponsesWithTheirChange1732000014100,
  WebhookRetention1732000014200,
];
