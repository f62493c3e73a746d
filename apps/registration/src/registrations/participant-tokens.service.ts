import { Transactions, type ParticipantTokenResolver } from '#common';
import { Injectable } from '@nestjs/common';
import { RegistrationsRepository } from './registrations.repository.js';

/** Whose a participant's access token is: the auth guard asks with the token's hash. */
@Injectable()
export class ParticipantTokensService implements ParticipantTokenResolver {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationsRepository,
  ) {}

  async resolve(tokenHash: string): Promise<{ registrationId: string; missionId: string } | null> {
    const owner = await this.registrations.ownerOfToken(this.transactions.outside, tokenHash);
    return owner ? { registrationId: owner.id, missionId: owner.missionId } : null;
  }
}
