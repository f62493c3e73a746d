import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { participantDirectoryRepository as repository, type DirectoryEntry } from './participant-directory.repository.js';
import { recipientsOf, type Recipients } from './recipient.rules.js';

/** Looks up, by registration id, the participants that scheduling's events name. */
@Injectable()
export class ParticipantDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recipients(registrationIds: readonly string[]): Promise<Recipients> {
    return recipientsOf(registrationIds, await repository.find(this.dataSource.manager, registrationIds));
  }

  /** Every named participant the directory knows, whatever their status: to name a counterpart. */
  async entries(registrationIds: readonly string[]): Promise<Map<string, DirectoryEntry>> {
    const entries = await repository.find(this.dataSource.manager, registrationIds);
    return new Map(entries.map((entry) => [entry.registrationId, entry]));
  }
}
