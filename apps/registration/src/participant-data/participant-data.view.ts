import { instant } from '#contracts';
import { z } from 'zod';
import { registrationView, toRegistrationView } from '../registrations/registration.view.js';
import type { Registration } from '../seats/registration.js';

/** A registration as the participant-data calls answer it: the usual view, and when its personal data was erased. The schema also documents the responses. */
export const participantDataView = registrationView.extend({
  erasedAt: instant.nullable().describe("When the participant's personal data was erased; null until then."),
});

export type ParticipantDataView = z.infer<typeof participantDataView>;

export function toParticipantDataView(registration: Registration, waitlistPosition: number | null): ParticipantDataView {
  return { ...toRegistrationView(registration, waitlistPosition), erasedAt: registration.erasedAt?.toISOString() ?? null };
}
