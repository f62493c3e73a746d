import { assertOrganiserOf, organises, Problem, Transactions, type Caller } from '#common';
import { Injectable } from '@nestjs/common';
import { MousRepository } from './mous.repository.js';

export interface MouScope {
  id: string;
  missionId: string | null;
  visibility: 'public' | 'organisers';
}

/** An MoU of no mission is everyone's business and no one mission's: only an organiser of every mission handles it. */
const NO_MISSION = '\u0000no-mission';

/** Who may see and who may change an MoU, decided in one place. */
@Injectable()
export class MouAccessService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: MousRepository,
  ) {}

  /** Public MoUs are for anyone; the others only for organisers of their mission, and to anyone else they do not exist. */
  async readable(caller: Caller, mouId: string): Promise<MouScope & { organiser: boolean }> {
    const row = await this.repository.scope(this.transactions.outside, mouId);
    if (!row) throw Problem.notFound('MoU', mouId);
    return { ...row, ...this.mayRead(caller, row) };
  }

  /** `readable` for an MoU already read (found: a missing one is a 404 already). */
  mayRead(caller: Caller, mou: { id: string; missionId: string | null; visibility: string }): { organiser: boolean } {
    const organiser = mayOrganise(caller, mou.missionId);
    if (mou.visibility !== 'public' && !organiser) throw Problem.notFound('MoU', mou.id);
    return { organiser };
  }

  /** Refuses anyone but an organiser of the MoU's mission (of every mission for an MoU of none). */
  assertMayChange(caller: Caller, missionId: string | null): void {
    assertOrganiserOf(caller, missionId ?? NO_MISSION);
  }
}

export function mayOrganise(caller: Caller, missionId: string | null): boolean {
  return organises(caller, missionId ?? NO_MISSION);
}

/** Who did it, as the trail and the events record it. */
export function actorOf(caller: Caller): string {
  if (caller.kind === 'organiser') return caller.subject;
  throw Problem.forbidden('Only an organiser may do this.');
}
