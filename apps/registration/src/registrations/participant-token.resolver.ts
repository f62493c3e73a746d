import type { ParticipantTokenResolver } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RegistrationEntity } from './registration.entity.js';

/** Whose a participant's access token is: the auth guard asks with the token's hash. */
@Injectable()
export class RegistrationTokenResolver implements ParticipantTokenResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(tokenHash: string): Promise<{ registrationId: string; missionId: string } | null> {
    const registration = await this.dataSource.getRepository(RegistrationEntity).findOne({ where: { tokenHash }, select: { id: true, missionId: true } });
    return registration ? { registrationId: registration.id, missionId: registration.missionId } : null;
  }
}
