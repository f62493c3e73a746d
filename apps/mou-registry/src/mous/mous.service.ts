import { answerOnce, Problem, Transactions, type UnitOfWork, type Caller, type FieldError, type IdempotencyKey } from '#common';
import type { MouStatus } from '#contracts';
import { OutboxService } from '#messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CLOCK, type Clock } from '../clock.js';
import { HistoryService } from '../history/history.service.js';
import type { ChainVerification, HistoryView } from '../history/history.view.js';
import { MouMeetingsRepository } from '../meetings/mou-meetings.repository.js';
import { ParticipantsRepository } from '../participants/participants.repository.js';
import { ParticipantsService } from '../participants/participants.service.js';
import { VersionsRepository } from '../versions/versions.repository.js';
import { actorOf, MouAccessService } from './mou-access.service.js';
import { toMouEventData } from './mou.events.js';
import { formatReference, missingForSigning, MouLifecycle, type Mover } from './mou.rules.js';
import { checkAcrossFields, type CreateMou, type Transition, type UpdateMou } from './mou.schema.js';
import { toMouView, type MouMeetingView, type MouView } from './mou.view.js';
import { MousRepository, type MouChanges, type MouRow } from './mous.repository.js';

/** What was agreed: once the MoU is signed it changes only through an amendment (a new version, signed in its turn). */
const agreedFields = ['title', 'parties', 'signatories', 'signedOn', 'signedPlace', 'entryIntoForceOn', 'expiresOn'] as const;

@Injectable()
export class MousService {
  constructor(
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repository: MousRepository,
    private readonly versions: VersionsRepository,
    private readonly access: MouAccessService,
    private readonly trail: HistoryService,
    private readonly participants: ParticipantsService,
    private readonly outbox: OutboxService,
    private readonly meetings: MouMeetingsRepository,
    private readonly people: ParticipantsRepository,
  ) {}

  async create(caller: Caller, input: CreateMou, key?: IdempotencyKey): Promise<MouView> {
    const missionId = input.missionId ?? null;
    this.access.assertMayChange(caller, missionId);
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.transactions, key, async (unit) => {
      await this.checkParticipants(unit, input.signatories, missionId);
      const year = input.signedOn ? Number(input.signedOn.slice(0, 4)) : now.getUTCFullYear();
      const reference = formatReference(year, await this.repository.nextInYear(unit, year));
      const id = randomUUID();
      const row = await this.repository.insert(unit, {
        id,
        reference,
        missionId,
        title: input.title,
        summary: input.summary,
        themes: input.themes,
        parties: input.parties,
        signedOn: input.signedOn ?? null,
        signedPlace: input.signedPlace ?? null,
        entryIntoForceOn: input.entryIntoForceOn ?? null,
        expiresOn: input.expiresOn ?? null,
        visibility: input.visibility,
        createdBy: actor,
        at: now,
      });
      await this.repository.insertSignatories(unit, id, input.signatories);
      await this.trail.append(unit, id, { action: 'created', actor, at: now, details: { reference, fields: Object.keys(input).sort() } });
      await this.outbox.add(unit, 'mou.drafted', toMouEventData(row), { subject: id, missionId, time: now });
      return this.view(unit, row);
    });
  }

  async get(caller: Caller, id: string): Promise<MouView> {
    const unit = this.transactions.outside;
    const row = await this.repository.find(unit, id);
    const { organiser } = this.access.mayRead(caller, row);
    const meetings = organiser ? await this.meetingsOf(unit, id) : [];
    return toMouView(row, await this.repository.signatories(unit, id), await this.versions.list(unit, id), organiser, meetings);
  }

  /** The MoU's audit trail, for anyone who may read the MoU. */
  async history(caller: Caller, id: string): Promise<HistoryView> {
    await this.access.readable(caller, id);
    return this.trail.list(id);
  }

  async verifyHistory(caller: Caller, id: string): Promise<ChainVerification> {
    await this.access.readable(caller, id);
    return this.trail.verify(id);
  }

  async update(caller: Caller, id: string, patch: UpdateMou): Promise<MouView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.transactions.run(async (unit) => {
      const current = await this.repository.lock(unit, id);
      this.access.assertMayChange(caller, current.missionId);
      if (patch.missionId !== undefined) this.access.assertMayChange(caller, patch.missionId);
      const changed = Object.keys(patch) as (keyof UpdateMou)[];
      const frozen = changed.filter((field) => (agreedFields as readonly string[]).includes(field));
      if (MouLifecycle.isSigned(current.status) && frozen.length > 0) {
        throw Problem.conflict(
          'mou-signed',
          'What was signed cannot be edited',
          `The MoU is ${current.status}: ${frozen.join(', ')} change only through an amendment (a new version, signed in its turn).`,
          { fields: frozen, currentStatus: current.status },
        );
      }
      const signatories = patch.signatories ?? (patch.parties ? await this.repository.signatories(unit, id) : undefined);
      const merged = {
        parties: patch.parties ?? current.parties,
        signatories,
        entryIntoForceOn: patch.entryIntoForceOn === undefined ? current.entryIntoForceOn : patch.entryIntoForceOn,
        expiresOn: patch.expiresOn === undefined ? current.expiresOn : patch.expiresOn,
      };
      const issues = z.any().superRefine(checkAcrossFields).safeParse(merged);
      if (!issues.success) throw Problem.validation(issues.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
      if (patch.signatories) await this.checkParticipants(unit, patch.signatories, patch.missionId === undefined ? current.missionId : patch.missionId);

      const { signatories: _signatories, ...changes } = patch;
      const row = await this.repository.update(unit, id, { ...changes, updatedAt: now });
      if (patch.signatories) await this.repository.replaceSignatories(unit, id, patch.signatories);
      await this.trail.append(unit, id, { action: 'updated', actor, at: now, details: { fields: changed.sort() } });
      await this.outbox.add(unit, 'mou.updated', toMouEventData(row), { subject: id, missionId: row.missionId, time: now });
      return this.view(unit, row);
    });
  }

  async transition(caller: Caller, id: string, input: Transition): Promise<MouView> {
    const actor = actorOf(caller);
    return this.transactions.run(async (unit) => {
      const current = await this.repository.lock(unit, id);
      this.access.assertMayChange(caller, current.missionId);
      const row = await this.move(unit, current, input, 'organiser', actor);
      return this.view(unit, row);
    });
  }

  /**
   * Moves the locked MoU to `input.status` if `mover` may, recording who and when in the trail and on
   * the bus; a refused move is a 409 naming the statuses allowed from here.
   */
  async move(unit: UnitOfWork, current: MouRow, input: Transition, mover: Mover, actor: string): Promise<MouRow> {
    const to: MouStatus = input.status;
    const check = MouLifecycle.check(current.status, to, mover);
    if (!check.allowed) {
      const allowed = check.allowedStatuses;
      const automatic = to === 'expired' && mover === 'organiser' ? ' An MoU expires by itself at its expiry date.' : '';
      throw Problem.conflict(
        'invalid-transition',
        `A ${current.status} MoU cannot become ${to}`,
        (allowed.length ? `A ${current.status} MoU can only become: ${allowed.join(', ')}.` : `A ${current.status} MoU can no longer change.`) + automatic,
        { currentStatus: current.status, allowed },
      );
    }
    const now = this.clock.now();
    const changes: MouChanges = { status: to, updatedAt: now };
    const details: Record<string, unknown> = { from: current.status, to, ...(input.reason ? { reason: input.reason } : {}) };
    if (to === 'signed') Object.assign(details, await this.sign(unit, current, input, actor, now, changes));
    const row = await this.repository.update(unit, current.id, changes);
    await this.trail.append(unit, current.id, { action: 'status_changed', actor, at: now, details });
    await this.outbox.add(
      unit,
      'mou.status_changed',
      { ...toMouEventData(row), previousStatus: current.status, changedBy: actor, changedAt: now.toISOString() },
      { subject: current.id, missionId: row.missionId, time: now },
    );
    return row;
  }

  /** Signing freezes the latest version of the text, with the date and place on the record. */
  private async sign(unit: UnitOfWork, current: MouRow, input: Transition, actor: string, now: Date, changes: MouChanges) {
    const signedOn = input.signedOn ?? current.signedOn;
    const signedPlace = input.signedPlace ?? current.signedPlace;
    const { versions, signatories } = await this.repository.signingCounts(unit, current.id);
    const missing = missingForSigning({ signedOn, signedPlace, versions, signatories });
    if (missing.length > 0) {
      throw Problem.unprocessable('not-ready-to-sign', 'The MoU is not ready to be signed', `Signing needs: ${missing.join(', ')}.`, {
        errors: missing.map((field): FieldError => ({ field, message: field === 'versions' || field === 'signatories' ? 'none yet' : 'is required to sign' })),
      });
    }
    Object.assign(changes, { signedOn, signedPlace });
    const signed = await this.versions.signLatest(unit, current.id, { signedOn: signedOn!, signedPlace: signedPlace!, signedBy: actor, signedAt: now });
    return { signedOn, signedPlace, version: signed.version, sha256: signed.sha256 };
  }

  private async checkParticipants(unit: UnitOfWork, signatories: { registrationId?: string }[], missionId: string | null): Promise<void> {
    const links = signatories.flatMap((signatory, index) =>
      signatory.registrationId ? [{ registrationId: signatory.registrationId, field: `signatories.${index}.registrationId` }] : [],
    );
    const errors = await this.participants.check(unit, links, missionId);
    if (errors.length > 0) throw Problem.validation(errors);
  }

  private async view(unit: UnitOfWork, row: MouRow): Promise<MouView> {
    return toMouView(row, await this.repository.signatories(unit, row.id), await this.versions.list(unit, row.id), true, await this.meetingsOf(unit, row.id));
  }

  /** The meetings the MoU came from, naming who met as the registry knows them. */
  private async meetingsOf(unit: UnitOfWork, mouId: string): Promise<MouMeetingView[]> {
    const meetings = await this.meetings.ofMou(unit, mouId);
    const people = await this.people.find(unit, [...new Set(meetings.flatMap((meeting) => meeting.attendees.map((attendee) => attendee.registrationId)))]);
    const nameOf = (id: string) => {
      const person = people.get(id);
      return person?.givenName || person?.familyName ? [person.givenName, person.familyName].filter((part) => part).join(' ') : null;
    };
    return meetings.map((meeting) => ({
      meetingId: meeting.meetingId,
      missionId: meeting.missionId,
      startsAt: meeting.startsAt?.toISOString() ?? null,
      endsAt: meeting.endsAt?.toISOString() ?? null,
      outcome: meeting.outcome,
      attendees: meeting.attendees.map((attendee) => ({ ...attendee, name: nameOf(attendee.registrationId) })),
    }));
  }
}
