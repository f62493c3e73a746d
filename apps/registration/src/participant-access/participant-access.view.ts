import { instant, uuid } from '#contracts';
import { z } from 'zod';

/** A signed-in participant: the access token to send as `Authorization: Bearer`. */
export const participantSessionView = z.object({
  registrationId: uuid,
  missionId: uuid,
  accessToken: z.string().describe("The participant's bearer token (`mhp_…`), the same at every sign-in until their access is revoked."),
});
export type ParticipantSessionView = z.infer<typeof participantSessionView>;

/** The answer to "send me my link again": the same whether or not the address is registered, so it tells nobody who is. */
export const accessLinkRequestedView = z.object({
  status: z.literal('accepted'),
  detail: z.string(),
});
export type AccessLinkRequestedView = z.infer<typeof accessLinkRequestedView>;

export const ACCESS_LINK_REQUESTED: AccessLinkRequestedView = {
  status: 'accepted',
  detail: 'If this address is registered to the mission, a sign-in link is on its way to it.',
};

export const accessRevokedView = z.object({
  registrationId: uuid,
  revokedAt: instant,
  detail: z.string(),
});
export type AccessRevokedView = z.infer<typeof accessRevokedView>;
