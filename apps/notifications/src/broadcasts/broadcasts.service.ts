import { assertOrganiserOf, assertOrganiserOrSelf, answerOnce, Problem, Transactions, type Caller, type IdempotencyKey, type UnitOfWork } from '#common';
import { OutboxService } from '#messaging';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { composeBroadcast } from '../broadcast-mail/broadcast.mail.js';
import { DeliveriesRepository, type DeliveryFigures } from '../deliveries/deliveries.repository.js';
import { DeliveriesService, type DueMail } from '../deliveries/deliveries.service.js';
import { BROADCAST_CAUSE } from '../deliveries/delivery.rules.js';
import type { MailLanguage } from '../mail/mail-language.js';
import { ParticipantsRepository, type DirectoryEntry } from '../participants/participants.repository.js';
import { broadcastLanguage, cancellable, countByLanguage, selectAudience, type Audience, type Candidate } from './broadcast.rules.js';
import type { BroadcastInput, FeedQuery, PreviewInput, PreviewQuery } from './broadcast.schema.js';
import type { BroadcastView, FeedView, PreviewView } from './broadcast.view.js';
import { BroadcastsRepository, type Broadcast } from './broadcasts.repository.js';

/** A recipient as resolved: the directory's entry, where the audience found them, and the language they read it in. */
interface Recipient {
  entry: DirectoryEntry;
  candidate: Candidate;
  language: MailLanguage;
}

const noFigures: DeliveryFigures = { queued: 0, pending: 0, sent: 0, failed: 0, bounced: 0 };

/**
 * Broadcasts: an organiser's message to an audience of one mission, sent at its time to each
 * recipient once, in their language, by e-mail (the delivery log and its dispatcher) and into their
 * feed. DESIGN.md, Mail, Broadcasts, says how a broadcast goes once across instances.
 */
@Injectable()
export class BroadcastsService {
  private readonly logger = new Logger(BroadcastsService.name);
  /** Set by the release loop: a broadcast due now was written. */
  onDue: () => void = () => {};

  constructor(
    private readonly transactions: Transactions,
    private readonly broadcasts: BroadcastsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly deliveries: DeliveriesService,
    private readonly deliveryLog: DeliveriesRepository,
    private readonly outbox: OutboxService,
  ) {}

  async create(caller: Caller, missionId: string, input: BroadcastInput, key?: IdempotencyKey): Promise<BroadcastView> {
    assertOrganiserOf(caller, missionId);
    const sendAt = input.sendAt ? new Date(input.sendAt) : new Date();
    const view = await answerOnce(this.transactions, key, async (unit) => {
      const broadcast = await this.broadcasts.insert(unit, {
        broadcastId: randomUUID(),
        missionId,
        createdBy: caller.kind === 'organiser' ? caller.subject : 'unknown',
        audience: input.audience as Audience,
        texts: input.texts,
        defaultLanguage: input.defaultLanguage,
        sendAt,
      });
      if (sendAt.getTime() <= Date.now()) unit.afterCommit(() => this.onDue());
      return toView(broadcast, noFigures);
    });
    return view;
  }

  /** Who would receive it now, in which language: the counts, and a page of names (never an address). */
  async preview(caller: Caller, missionId: string, input: PreviewInput, query: PreviewQuery): Promise<PreviewView> {
    assertOrganiserOf(caller, missionId);
    const recipients = await this.resolve(this.transactions.outside, missionId, input.audience as Audience, input.texts, input.defaultLanguage);
    const page = recipients.slice(query.offset, query.offset + query.limit);
    return {
      recipients: recipients.length,
      languages: countByLanguage(recipients.map((recipient) => recipient.language)),
      items: page.map(({ entry, language }) => ({
        registrationId: entry.registrationId,
        name: `${entry.givenName} ${entry.familyName}`.trim(),
        language,
        delegation: entry.delegation,
      })),
      nextOffset: query.offset + query.limit < recipients.length ? query.offset + query.limit : null,
    };
  }

  async list(caller: Caller, missionId: string): Promise<{ items: BroadcastView[] }> {
    assertOrganiserOf(caller, missionId);
    const broadcasts = await this.broadcasts.ofMission(this.transactions.outside, missionId, 200);
    const figures = await this.deliveryLog.figuresOf(
      this.transactions.outside,
      broadcasts.map((broadcast) => broadcast.broadcastId),
    );
    return { items: broadcasts.map((broadcast) => toView(broadcast, figures.get(broadcast.broadcastId) ?? noFigures)) };
  }

  async get(caller: Caller, missionId: string, broadcastId: string): Promise<BroadcastView> {
    assertOrganiserOf(caller, missionId);
    const broadcast = await this.broadcasts.find(this.transactions.outside, missionId, broadcastId);
    if (!broadcast) throw Problem.notFound('broadcast', broadcastId);
    const figures = await this.deliveryLog.figuresOf(this.transactions.outside, [broadcastId]);
    return toView(broadcast, figures.get(broadcastId) ?? noFigures);
  }

  /** Cancels a broadcast before it goes; once it went (or was cancelled) it is a 409 that says so. */
  async cancel(caller: Caller, missionId: string, broadcastId: string): Promise<BroadcastView> {
    assertOrganiserOf(caller, missionId);
    const { cancelled, broadcast } = await this.transactions.run((unit) => this.broadcasts.cancel(unit, missionId, broadcastId));
    if (!broadcast) throw Problem.notFound('broadcast', broadcastId);
    if (!cancelled && !cancellable(broadcast.status)) {
      throw Problem.conflict(
        'broadcast-not-cancellable',
        broadcast.status === 'sent' ? 'The broadcast has already gone' : 'The broadcast is already cancelled',
        broadcast.status === 'sent'
          ? `It went at ${broadcast.releasedAt?.toISOString()} to ${broadcast.recipients} recipients; a sent broadcast cannot be called back.`
          : 'It was cancelled before; nothing was sent.',
        { broadcastStatus: broadcast.status },
      );
    }
    const figures = await this.deliveryLog.figuresOf(this.transactions.outside, [broadcastId]);
    return toView(broadcast, figures.get(broadcastId) ?? noFigures);
  }

  /** A participant's feed: the broadcasts they received, newest first, in the language they were sent in. */
  async feed(caller: Caller, missionId: string, registrationId: string, query: FeedQuery): Promise<FeedView> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    const items = await this.broadcasts.feed(this.transactions.outside, registrationId, query.before ? new Date(query.before) : null, query.limit + 1);
    const page = items.slice(0, query.limit);
    return {
      items: page.map((item) => ({
        id: item.broadcastId,
        language: item.language,
        subject: item.subject,
        body: item.body,
        deliveredAt: item.deliveredAt.toISOString(),
      })),
      nextBefore: items.length > query.limit ? page.at(-1)!.deliveredAt.toISOString() : null,
    };
  }

  /**
   * Releases the broadcast due first, if any: in one transaction that holds its row's lock, its
   * audience is resolved, an e-mail queued per recipient, their feed rows written and the broadcast
   * marked sent, with its `broadcast.released`. Another instance skips the locked row; a crash rolls
   * everything back and leaves it due. Answers whether it released one.
   */
  async releaseDue(): Promise<boolean> {
    return this.transactions.run(async (unit) => {
      const broadcast = await this.broadcasts.claimDue(unit);
      if (!broadcast) return false;
      const recipients = await this.resolve(unit, broadcast.missionId, broadcast.audience, broadcast.texts, broadcast.defaultLanguage);
      const at = new Date().toISOString();
      const mails = recipients.map(({ entry, language }): DueMail => {
        const text = broadcast.texts[language]!;
        return {
          ...composeBroadcast(text, entry, language, entry.mission.title),
          missionId: broadcast.missionId,
          recipientRegistrationId: entry.registrationId,
        };
      });
      this.deliveries.queueMails(unit, { id: broadcast.broadcastId, type: BROADCAST_CAUSE, time: at, correlationid: broadcast.broadcastId }, mails);
      this.broadcasts.deferFeed(
        unit,
        broadcast.broadcastId,
        recipients.map(({ entry, language }) => ({ registrationId: entry.registrationId, language })),
      );
      const released = this.broadcasts.released(broadcast.broadcastId, recipients.length);
      await this.outbox.addAllWith(
        unit,
        released,
        [
          {
            type: 'broadcast.released',
            data: {
              broadcastId: broadcast.broadcastId,
              missionId: broadcast.missionId,
              subject: broadcast.texts[broadcast.defaultLanguage]?.subject ?? '',
              queued: mails.length,
              languages: countByLanguage(recipients.map((recipient) => recipient.language)),
              releasedAt: at,
            },
            context: { subject: broadcast.broadcastId, missionId: broadcast.missionId, causedBy: { correlationId: broadcast.broadcastId } },
          },
        ],
        { deferred: 'the released broadcast' },
      );
      this.logger.log({ msg: 'broadcast released', broadcastId: broadcast.broadcastId, missionId: broadcast.missionId, recipients: mails.length });
      return true;
    });
  }

  /** The audience as it stands now: the directory's participants of the mission (never the erased: it forgot them), chosen by the rules. */
  private async resolve(
    unit: UnitOfWork,
    missionId: string,
    audience: Audience,
    texts: Broadcast['texts'],
    defaultLanguage: MailLanguage,
  ): Promise<Recipient[]> {
    const sessionIds = audience.anyOf.flatMap((selector) => (selector.type === 'session' ? [selector.sessionId] : []));
    const entries = await this.participants.ofMission(unit, missionId);
    const world = await this.broadcasts.world(unit, missionId, sessionIds);
    const byId = new Map(entries.map((entry) => [entry.registrationId, entry]));
    const candidates = entries.map((entry): Candidate => {
      const member = world.members.get(entry.registrationId);
      return {
        registrationId: entry.registrationId,
        status: entry.status,
        delegationId: member?.delegationId ?? null,
        categoryId: member?.categoryId ?? null,
        categoryCode: member?.categoryCode ?? null,
        preferredLanguage: entry.preferredLanguage,
        givenName: entry.givenName,
        familyName: entry.familyName,
        email: entry.email,
      };
    });
    const written = Object.keys(texts) as MailLanguage[];
    return selectAudience(audience, { ...world, candidates }).map((candidate) => ({
      entry: byId.get(candidate.registrationId)!,
      candidate,
      language: broadcastLanguage(candidate.preferredLanguage, written, defaultLanguage),
    }));
  }
}

function toView(broadcast: Broadcast, figures: DeliveryFigures): BroadcastView {
  return {
    id: broadcast.broadcastId,
    missionId: broadcast.missionId,
    status: broadcast.status,
    audience: broadcast.audience as BroadcastView['audience'],
    texts: broadcast.texts,
    defaultLanguage: broadcast.defaultLanguage,
    sendAt: broadcast.sendAt.toISOString(),
    createdAt: broadcast.createdAt.toISOString(),
    cancelledAt: broadcast.cancelledAt?.toISOString() ?? null,
    releasedAt: broadcast.releasedAt?.toISOString() ?? null,
    recipients: broadcast.recipients,
    figures,
  };
}
