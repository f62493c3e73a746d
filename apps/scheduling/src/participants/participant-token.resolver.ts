import type { ParticipantTokenResolver } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Participants use the access token registration gave them here too. Registration's events carry the
 * token's SHA-256, not the token: the token is 256 random bits, so its hash cannot be reversed or
 * guessed and only verifies a token presented to us — holding it, as this read model does, grants
 * nothing. Erasure clears it, so an erased participant's token stops working here as well.
 */
@Injectable()
export class ParticipantsTokenResolver implements ParticipantTokenResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(tokenHash: string): Promise<{ registrationId: string; missionId: string } | null> {
    const [row]: { registration_id: string; mission_id: string }[] = await this.dataSource.query(
      `SELECT registration_id, mission_id FROM participants WHERE token_hash = $1 AND erased_at IS NULL`,
      [tokenHash],
    );
    return row ? { registrationId: row.registration_id, missionId: row.mission_id } : null;
  }
}
