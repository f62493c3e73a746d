import { createEvent, type CloudEvent, type EventData } from '#contracts';
import { randomUUID } from 'node:crypto';

type Participant = EventData<'registration.confirmed'>['participant'];

/**
 * A `registration.confirmed` as registration publishes it, for a consumer whose producer is not part
 * of the test or bench: a Barcelona participant of the 2019 mission unless `participant` says otherwise.
 */
export function registrationConfirmed(
  missionId: string,
  { registrationId = randomUUID(), participant = {} }: { registrationId?: string; participant?: Partial<Participant> } = {},
): CloudEvent<'registration.confirmed'> {
  return createEvent(
    'registration',
    'registration.confirmed',
    {
      registrationId,
      missionId,
      status: 'confirmed',
      previousStatus: null,
      waitlistPosition: null,
      participant: {
        email: `${registrationId}@barcelona.example`,
        givenName: 'Laia',
        familyName: 'Puig',
        jobTitle: null,
        preferredLanguage: 'ca',
        timezone: 'Europe/Madrid',
        organisation: { name: 'Ajuntament de Barcelona', type: 'city', country: 'ES' },
        delegation: null,
        ...participant,
      },
      mission: { code: 'CDU-2019', title: 'Chengdu–Liuzhou 2019', startsOn: '2019-06-09', endsOn: '2019-06-15', timezone: 'Asia/Shanghai' },
      reason: null,
      occurredAt: new Date().toISOString(),
    },
    { subject: registrationId, missionId },
  );
}
