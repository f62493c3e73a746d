import { CreateIdempotencyKeys1732000000100, KeepIdempotentResponsesWithTheirChange1732000014100 } from '#common';
import { CreateInbox1732000000001, CreateOutbox1732000000000 } from '#messaging';
import { CreateMissions1732000001000 } from './1732000001000-create-missions.js';
import { CreateProgramme1732000001100 } from './1732000001100-create-programme.js';
import { CreateMatchmaking1732000001200 } from './1732000001200-create-matchmaking.js';
import { MatchmakingRunHeartbeat1732000001300 } from './1732000001300-matchmaking-run-heartbeat.js';
import { ParticipantTokenGeneration1732000001400 } from './1732000001400-participant-token-generation.js';
import { ReleaseNote1732000001500 } from './1732000001500-release-note.js';
import { ProgrammeStructure1732000001600 } from './1732000001600-programme-structure.js';
import { RemindersSent1732000001800 } from './1732000001800-reminders-sent.js';
import { MatchmakingPeople1732000001700 } from './1732000001700-matchmaking-people.js';

export const schedulingMigrations = [
  CreateOutbox1732000000000,
  CreateInbox1732000000001,
  CreateIdempotencyKeys1732000000100,
  CreateMissions1732000001000,
  CreateProgramme1732000001100,
  CreateMatchmaking1732000001200,
  MatchmakingRunHeartbeat1732000001300,
  ParticipantTokenGeneration1732000001400,
  ReleaseNote1732000001500,
  ProgrammeStructure1732000001600,
  RemindersSent1732000001800,
  MatchmakingPeople1732000001700,
  KeepIdempotentResponsesWithTheirChange1732000014100,
];
