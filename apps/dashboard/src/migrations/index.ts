import { CreateInbox1732000000001 } from '#messaging';
import { CreateMissionEvents1732000005000 } from './1732000005000-create-mission-events.js';
import { CreateCounters1732000005100 } from './1732000005100-create-counters.js';
import { CreateMeetingCounters1732000005200 } from './1732000005200-create-meeting-counters.js';
import { CreateErasedParticipants1732000005300 } from './1732000005300-create-erased-participants.js';
import { CreateDelegationCounters1732000005400 } from './1732000005400-create-delegation-counters.js';
import { CreateBroadcastFigures1732000005500 } from './1732000005500-create-broadcast-figures.js';

/** The dashboard consumes and never publishes: an inbox, no outbox. */
export const dashboardMigrations = [
  CreateInbox1732000000001,
  CreateMissionEvents1732000005000,
  CreateCounters1732000005100,
  CreateMeetingCounters1732000005200,
  CreateErasedParticipants1732000005300,
  CreateDelegationCounters1732000005400,
  CreateBroadcastFigures1732000005500,
];
