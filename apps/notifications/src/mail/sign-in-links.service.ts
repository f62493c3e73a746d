import { SERVICE_CONFIG, signParticipantLink, type ServiceConfig } from '#common';
import { Inject, Injectable } from '@nestjs/common';

/** The recipient's registration and its current link generation, as the directory knows them when the mail is sent. */
export interface LinkHolder {
  registrationId: string;
  missionId: string;
  linkGeneration: number;
}

/** Mints participants' sign-in links (PARTICIPANT_LINK_SECRET, which notifications shares with registration only). */
@Injectable()
export class SignInLinksService {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /**
   * The sign-in address for `holder`, valid from `issuedAt` (the mail's date, so that a mail sent again
   * is the same mail); without a holder (not in the directory), the page that mails a new link.
   */
  async url(holder: LinkHolder | undefined, missionId: string | null, issuedAt: Date): Promise<string> {
    const base = this.config.webBaseUrl;
    if (!holder) return missionId ? `${base}/m/${missionId}/link` : base;
    const link = await signParticipantLink(
      this.config.participantLinkSecret,
      { registrationId: holder.registrationId, missionId: holder.missionId, generation: holder.linkGeneration },
      issuedAt,
      this.config.participantLinkDays,
    );
    return `${base}/p/sign-in?link=${link}`;
  }
}
