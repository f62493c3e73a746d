import {
  assertOrganiserOrSelf,
  checkParticipantLink,
  deriveParticipantToken,
  Problem,
  SERVICE_CONFIG,
  type Caller,
  type ServiceConfig,
  UnitOfWork,
} from '#common';
import { OutboxService } from '#messaging';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { participantAccessRepository as repository } from './participant-access.repository.js';
import { ParticipantAccessRules } from './participant-access.rules.js';
import { ACCESS_LINK_REQUESTED, type AccessLinkRequestedView, type AccessRevokedView, type ParticipantSessionView } from './participant-access.view.js';

/**
 * Participant links (DESIGN.md): signing in with an e-mailed link, asking for one again, revoking
 * access. Registration verifies links and derives access tokens; it never makes a link (notifications
 * does, when it writes a mail) and never stores a token, only its hash.
 */
@Injectable()
export class ParticipantAccessService {
  private readonly logger = new Logger(ParticipantAccessService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** A link of the registration's current generation, unexpired, gives the participant's access token. */
  async signIn(jwt: string): Promise<ParticipantSessionView> {
    const check = await checkParticipantLink(this.config.participantLinkSecret, jwt);
    if (!check.valid) throw check.why === 'expired' ? linkExpired() : linkInvalid();
    const { link } = check;
    return this.dataSource.transaction(async (manager) => {
      const registration = await repository.lock(manager, link.registrationId);
      const refusal = ParticipantAccessRules.signInRefusal(link, registration);
      if (refusal === 'superseded') throw linkSuperseded();
      if (refusal || !registration) throw linkInvalid();
      const token = deriveParticipantToken(this.config.participantTokenSecret, registration.id, registration.tokenGeneration);
      if (registration.tokenHash !== token.hash) {
        // A registration from before derived tokens: its random token gives way to the derived one, here and in scheduling.
        const renewedAt = new Date();
        await repository.replaceTokenHash(manager, registration.id, token.hash);
        await this.outbox.add(
          UnitOfWork.of(manager),
          'participant.access_token_renewed',
          {
            registrationId: registration.id,
            missionId: registration.missionId,
            tokenGeneration: registration.tokenGeneration,
            accessTokenHash: token.hash,
            renewedAt: renewedAt.toISOString(),
          },
          { subject: registration.id, missionId: registration.missionId, time: renewedAt },
        );
      }
      return { registrationId: registration.id, missionId: registration.missionId, accessToken: token.token };
    });
  }

  /**
   * "Send me my link again": the same answer for any address, so it tells nobody who is registered.
   * A registered address gets a new link (the old one ends), at most once a minute; a client address
   * asking too often is refused before (`access-link-per-client`), whatever it asks for.
   */
  async requestLink(missionId: string, email: string): Promise<AccessLinkRequestedView> {
    if (!(await repository.missionExists(this.dataSource.manager, missionId))) throw Problem.notFound('Mission', missionId);
    // Not awaited: the answer must not take longer for a registered address than for any other, or its time would tell.
    void this.newLinkFor(missionId, email).catch((error: unknown) =>
      this.logger.error({ msg: 'a link asked for again could not be made; the participant can ask again', missionId, err: error }),
    );
    return ACCESS_LINK_REQUESTED;
  }

  /** A new link for the mission's registration of `email`, if there is one and it was not mailed a link in the last minute. */
  private async newLinkFor(missionId: string, email: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const registration = await repository.lockLatestByEmail(manager, missionId, email);
      const now = new Date();
      if (!registration || !ParticipantAccessRules.mayMailLink(registration.linkRequestedAt, now)) return;
      const linkGeneration = await repository.newLink(manager, registration.id, now);
      await this.outbox.add(
        UnitOfWork.of(manager),
        'participant.access_link_requested',
        { registrationId: registration.id, missionId, linkGeneration, requestedAt: now.toISOString() },
        { subject: registration.id, missionId, time: now },
      );
    });
  }

  /** Ends every link and the access token of the registration; notifications mails a fresh link. */
  async revoke(caller: Caller, registrationId: string): Promise<AccessRevokedView> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    if (caller.kind === 'participant' && caller.registrationId !== registrationId) throw Problem.forbidden();
    return this.dataSource.transaction(async (manager) => {
      const registration = await repository.lock(manager, registrationId);
      if (!registration) throw Problem.notFound('Registration', registrationId);
      assertOrganiserOrSelf(caller, registration.missionId, registrationId);
      if (registration.erasedAt) {
        throw Problem.conflict('participant-erased', 'The participant is erased', 'An erased registration has no access left to revoke.');
      }
      const revokedAt = new Date();
      const tokenGeneration = registration.tokenGeneration + 1;
      const token = deriveParticipantToken(this.config.participantTokenSecret, registrationId, tokenGeneration);
      const linkGeneration = await repository.revoke(manager, registrationId, { generation: tokenGeneration, hash: token.hash }, revokedAt);
      await this.outbox.add(
        UnitOfWork.of(manager),
        'participant.access_revoked',
        {
          registrationId,
          missionId: registration.missionId,
          linkGeneration,
          tokenGeneration,
          accessTokenHash: token.hash,
          revokedBy: caller.kind === 'participant' ? 'participant' : 'organiser',
          revokedAt: revokedAt.toISOString(),
        },
        { subject: registrationId, missionId: registration.missionId, time: revokedAt },
      );
      return {
        registrationId,
        revokedAt: revokedAt.toISOString(),
        detail: 'Every sign-in link and the access token of this registration have ended; a new link is on its way to the participant.',
      };
    });
  }
}

function linkInvalid(): Problem {
  return new Problem(
    HttpStatus.UNAUTHORIZED,
    'sign-in-link-invalid',
    'The sign-in link is not valid',
    'Ask for a new link with the address you registered with.',
  );
}

function linkExpired(): Problem {
  return new Problem(
    HttpStatus.UNAUTHORIZED,
    'sign-in-link-expired',
    'The sign-in link has expired',
    'Ask for a new link with the address you registered with.',
  );
}

function linkSuperseded(): Problem {
  return new Problem(
    HttpStatus.UNAUTHORIZED,
    'sign-in-link-superseded',
    'A newer sign-in link has replaced this one',
    'Use the link in the latest e-mail, or ask for a new one.',
  );
}
