import { Transactions, type ParticipantTokenResolver } from '#common';
import { Injectable } from '@nestjs/common';
import { ParticipantsRepository } from './participants.repository.js';

/**
 * Participants use the access token registration gave them here too; registration's events carry
 * only its SHA-256, which grants nothing held. docs/DESIGN.md, "Inside scheduling", says why.
 */
@Injectable()
export class ParticipantsTokenResolver implements ParticipantTokenResolver {
  constructor(
    private readonly transactions: Transactions,
    private readonly participants: ParticipantsRepository,
  ) {}

  resolve(tokenHash: string): Promise<{ registrationId: string; missionId: string } | null> {
    return this.participants.tokenOwner(this.transactions.outside, tokenHash);
  }
}
