import { Transactions, type ParticipantTokenResolver } from '#common';
import { Injectable } from '@nestjs/common';
import { BroadcastsRepository } from './broadcasts.repository.js';

/** Whose a participant's access token is, for their feed: notifications keeps each token's hash from registration's events, as scheduling does. */
@Injectable()
export class BroadcastTokenResolver implements ParticipantTokenResolver {
  constructor(
    private readonly transactions: Transactions,
    private readonly broadcasts: BroadcastsRepository,
  ) {}

  resolve(tokenHash: string): Promise<{ registrationId: string; missionId: string } | null> {
    return this.broadcasts.tokenOwner(this.transactions.outside, tokenHash);
  }
}
