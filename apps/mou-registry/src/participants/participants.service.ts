import { Problem, type FieldError, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { ParticipantsRepository, type ParticipantRow } from './participants.repository.js';

export interface Contact {
  name: string;
  email: string | null;
  preferredLanguage: string | null;
}

/** The registry's read model of participants, fed by registration's events. */
@Injectable()
export class ParticipantsService {
  constructor(private readonly repository: ParticipantsRepository) {}

  /**
   * Each link to a participant must be to a confirmed one (of the MoU's mission, if it has one).
   * `field` names where in the request the link is, e.g. `signatories.1.registrationId`.
   */
  async check(unit: UnitOfWork, links: { registrationId: string; field: string }[], missionId: string | null): Promise<FieldError[]> {
    const known = await this.repository.find(
      unit,
      links.map((link) => link.registrationId),
    );
    return links.flatMap(({ registrationId, field }) => linkErrors(known.get(registrationId), field, missionId));
  }

  /** `check` of one link, answering how to reach the participant it links to: the participant is read once for both. */
  async checkedContact(unit: UnitOfWork, link: { registrationId: string; field: string }, missionId: string | null): Promise<Contact> {
    const participant = (await this.repository.find(unit, [link.registrationId])).get(link.registrationId);
    const errors = linkErrors(participant, link.field, missionId);
    if (errors.length > 0) throw Problem.validation(errors);
    return contactOf(participant!);
  }

  /** How to reach a participant now: nothing but a placeholder once they are erased. */
  async contact(unit: UnitOfWork, registrationId: string): Promise<Contact | null> {
    return (await this.contacts(unit, [registrationId])).get(registrationId) ?? null;
  }

  /** `contact` of many participants in one statement, by registration id; one the registry does not know is not in the map. */
  async contacts(unit: UnitOfWork, registrationIds: readonly string[]): Promise<Map<string, Contact>> {
    const known = await this.repository.find(unit, [...new Set(registrationIds)]);
    return new Map([...known].map(([registrationId, participant]) => [registrationId, contactOf(participant)]));
  }
}

function linkErrors(participant: ParticipantRow | undefined, field: string, missionId: string | null): FieldError[] {
  if (!participant || participant.erasedAt) return [{ field, message: 'is not a participant known to the registry' }];
  if (participant.status !== 'confirmed') return [{ field, message: `is not a confirmed participant (${participant.status})` }];
  if (missionId && participant.missionId !== missionId) return [{ field, message: 'is a participant of another mission' }];
  return [];
}

function contactOf(participant: ParticipantRow): Contact {
  if (participant.erasedAt) return { name: ERASED, email: null, preferredLanguage: null };
  return { name: `${participant.givenName} ${participant.familyName}`, email: participant.email, preferredLanguage: participant.preferredLanguage };
}

export const ERASED = '(erased participant)';
