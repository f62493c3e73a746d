import { toRegistrationView, type RegistrationView } from '../registrations/registration.view.js';
import type { RegistrationEntity } from '../registrations/registration.entity.js';

/** A registration as the participant-data calls answer it: the usual view, and when its personal data was erased. */
export interface ParticipantDataView extends RegistrationView {
  erasedAt: string | null;
}

export function toParticipantDataView(registration: RegistrationEntity, waitlistPosition: number | null): ParticipantDataView {
  return { ...toRegistrationView(registration, waitlistPosition), erasedAt: registration.erasedAt?.toISOString() ?? null };
}
