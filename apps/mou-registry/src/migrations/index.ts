import { CreateIdempotencyKeys1732000000100, KeepIdempotentResponsesWithTheirChange1732000014100 } from '#common';
import { CreateInbox1732000000001, CreateOutbox1732000000000 } from '#messaging';
import { CreateMous1732000003000 } from './1732000003000-create-mous.js';
import { RegisterFacetsIndex1732000003100 } from './1732000003100-register-facets-index.js';
import { CreateActionPlans1732000003200 } from './1732000003200-create-action-plans.js';
import { MouMeetings1732000003300 } from './1732000003300-mou-meetings.js';

export const mouRegistryMigrations = [
  CreateOutbox1732000000000,
  CreateInbox1732000000001,
  CreateIdempotencyKeys1732000000100,
  CreateMous1732000003000,
  RegisterFacetsIndex1732000003100,
  CreateActionPlans1732000003200,
  MouMeetings1732000003300,
  KeepIdempotentResponsesWithTheirChange1732000014100,
];
