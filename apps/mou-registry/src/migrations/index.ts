import { CreateIdempotencyKeys1732000000100 } from '#common';
import { CreateInbox1732000000001, CreateOutbox1732000000000 } from '#messaging';

// The registry's own tables come with the MoU registry issue; the backbone's are here already.
export const mouRegistryMigrations = [CreateOutbox1732000000000, CreateInbox1732000000001, CreateIdempotencyKeys1732000000100];
