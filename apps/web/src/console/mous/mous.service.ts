import type { ProblemDetails } from '#common';
import type { MouStatus, PartyKind } from '#contracts';
import type { ApiAnswer } from '../../kit/service-api.js';
import { nextUpstream } from '../../gateway/upstreams.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusal, type OrganiserApi } from '../organiser-api.js';
import { everyItem } from '../programme/programme.service.js';

/** An MoU as the registry answers it to an organiser (the register's lines have no signatories nor versions). */
export interface ConsoleMou {
  id: string;
  reference: string;
  missionId: string | null;
  title: string;
  summary: Record<string, string>;
  themes: string[];
  parties: { name: string; kind: PartyKind; country: string; city?: string }[];
  signedOn: string | null;
  signedPlace: string | null;
  validity: { entryIntoForceOn: string | null; expiresOn: string | null };
  visibility: 'public' | 'organisers';
  status: MouStatus;
  signatories?: { name: string | null; title: string; party: string; erased?: boolean }[];
  versions?: ConsoleVersion[];
}

export interface ConsoleVersion {
  version: number;
  language: string;
  mediaType: string;
  size: number;
  amendment: boolean;
  addedAt: string;
  signed: { on: string; place: string; at: string } | null;
}

export interface ConsolePilotProject {
  id: string;
  title: string;
  leadParty: string;
  budget: { amount: number; currency: string } | null;
  status: 'planned' | 'running' | 'completed' | 'cancelled';
}

export interface ConsoleMilestone {
  id: string;
  pilotProjectId: string | null;
  title: string;
  dueOn: string;
  owner: { name: string; email?: string | null };
  completedAt: string | null;
}

export interface ConsoleHistoryEntry {
  seq: number;
  action: string;
  actor: string;
  at: string;
  details: Record<string, unknown>;
}

export interface MouRecord {
  mou: ConsoleMou;
  pilotProjects: ConsolePilotProject[];
  milestones: ConsoleMilestone[];
  history: ConsoleHistoryEntry[];
}

export type Sent<Body> = { done: true; body: Body } | { done: false; problem: ProblemDetails };

function sent<Body>(answer: ApiAnswer<Body>): Sent<Body> {
  return answer.ok ? { done: true, body: answer.body } : { done: false, problem: answer.problem };
}

/**
 * The registry answers anyone with the public MoUs, so reading them proves nothing: an organisers' own
 * call about the mission (its sessions, one line) refuses another mission's organiser first.
 */
export async function assertOrganiserOf(organiser: OrganiserApi, missionId: string): Promise<void> {
  await organiser.read('scheduling', `/api/missions/${missionId}/sessions?limit=1`);
}

export function mousOf(organiser: OrganiserApi, missionId: string): Promise<ConsoleMou[]> {
  return everyItem<ConsoleMou>(organiser, 'mou-registry', `/api/mous?mission=${missionId}`);
}

/** An MoU of this mission; one of another mission (or of none) is not found here. */
export async function mouOf(organiser: OrganiserApi, missionId: string, mouId: string): Promise<ConsoleMou> {
  const mou = await organiser.read<ConsoleMou>('mou-registry', `/api/mous/${mouId}`);
  if (mou.missionId !== missionId) throw new ConsoleRefusal('not-found');
  return mou;
}

/** An MoU of this mission with its follow-up and history; an MoU of another mission is not found here. */
export async function mouRecordOf(organiser: OrganiserApi, missionId: string, mouId: string): Promise<MouRecord> {
  const mou = await mouOf(organiser, missionId, mouId);
  const [pilotProjects, milestones, history] = await Promise.all([
    organiser.read<ConsolePilotProject[]>('mou-registry', `/api/mous/${mouId}/pilot-projects`),
    organiser.read<ConsoleMilestone[]>('mou-registry', `/api/mous/${mouId}/milestones`),
    organiser.read<{ entries: ConsoleHistoryEntry[] }>('mou-registry', `/api/mous/${mouId}/history`),
  ]);
  return { mou, pilotProjects, milestones, history: history.entries };
}

export async function createMou(organiser: OrganiserApi, body: Record<string, unknown>, idempotencyKey: string): Promise<Sent<ConsoleMou>> {
  return sent(await organiser.call<ConsoleMou>('mou-registry', '/api/mous', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } }));
}

export async function moveMou(organiser: OrganiserApi, mouId: string, body: Record<string, unknown>): Promise<Sent<ConsoleMou>> {
  return sent(await organiser.call<ConsoleMou>('mou-registry', `/api/mous/${mouId}/status`, { method: 'POST', body }));
}

export async function setVisibility(organiser: OrganiserApi, mouId: string, visibility: string): Promise<Sent<ConsoleMou>> {
  return sent(await organiser.call<ConsoleMou>('mou-registry', `/api/mous/${mouId}`, { method: 'PATCH', body: { visibility } }));
}

export async function addPilotProject(organiser: OrganiserApi, mouId: string, body: Record<string, unknown>, idempotencyKey: string) {
  return sent(
    await organiser.call<ConsolePilotProject>('mou-registry', `/api/mous/${mouId}/pilot-projects`, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  );
}

export async function addMilestone(organiser: OrganiserApi, mouId: string, body: Record<string, unknown>, idempotencyKey: string) {
  return sent(
    await organiser.call<ConsoleMilestone>('mou-registry', `/api/mous/${mouId}/milestones`, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  );
}

export async function completeMilestone(organiser: OrganiserApi, mouId: string, milestoneId: string) {
  return sent(await organiser.call<ConsoleMilestone>('mou-registry', `/api/mous/${mouId}/milestones/${milestoneId}/complete`, { method: 'POST' }));
}

/**
 * A version of the text: the registry takes the document itself as the body (not a form), so the uploaded
 * file's bytes are sent on as they are, in their media type.
 */
export async function uploadVersion(
  config: WebConfig,
  organiser: OrganiserApi,
  mouId: string,
  document: { bytes: Uint8Array; mediaType: string },
  language: string,
  idempotencyKey: string,
): Promise<Sent<ConsoleVersion>> {
  const credential = organiser.credential;
  let response: Response;
  try {
    response = await fetch(`${nextUpstream(config, 'mou-registry')}/api/mous/${mouId}/versions?language=${encodeURIComponent(language)}`, {
      method: 'POST',
      headers: { authorization: credential, 'content-type': document.mediaType, 'idempotency-key': idempotencyKey, accept: 'application/json' },
      body: document.bytes,
    });
  } catch {
    throw new ConsoleRefusal('unavailable');
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (response.status === 401) throw new ConsoleRefusal('sign-in');
  if (response.status === 403) throw new ConsoleRefusal('forbidden');
  if (response.ok) return { done: true, body: body as ConsoleVersion };
  return { done: false, problem: { type: 'about:blank', title: response.statusText, ...(body as object), status: response.status } };
}
