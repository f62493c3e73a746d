import { Problem, type Caller, type FieldError, answerOnce, type IdempotencyKey, UnitOfWork } from '#common';
import type { MouStatus } from '#contracts';
import { OutboxService } from '#messaging';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { CLOCK, type Clock } from '../clock.js';
import { HistoryService } from '../history/history.service.js';
import { Participants } from '../participants/participants.js';
import { MouAccess } from './mou.access.js';
import { formatReference, missingForSigning, MouLifecycle, type Mover } from './mou.rules.js';
import { checkAcrossFields, type CreateMou, type Transition, type UpdateMou } from './mou.schema.js';
import { MouStore } from './mou.store.js';
import { MOU_COLUMNS, toMouEventData, toMouView, type MouRow, type MouView, type Party } from './mou.view.js';

/** What was agreed: once the MoU is signed it changes only through an amendment (a new version, signed in its turn). */
const agreedFields = ['title', 'parties', 'signatories', 'signedOn', 'signedPlace', 'entryIntoForceOn', 'expiresOn'] as const;

const columnOf: Record<Exclude<keyof UpdateMou, 'signatories' | 'parties' | 'summary'>, string> = {
  title: 'title',
  themes: 'themes',
  missionId: 'mission_id',
  signedOn: 'signed_on',
  signedPlace: 'signed_place',
  entryIntoForceOn: 'entry_into_force_on',
  expiresOn: 'expires_on',
  visibility: 'visibility',
};

@Injectable()
export class MousService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: MouStore,
    private readonly access: MouAccess,
    private readonly history: HistoryService,
    private readonly participants: Participants,
    private readonly outbox: OutboxService,
  ) {}

  async create(caller: Caller, input: CreateMou, key?: IdempotencyKey): Promise<MouView> {
    const missionId = input.missionId ?? null;
    this.access.assertMayChange(caller, missionId);
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.dataSource, key, async (manager) => {
      await this.checkParticipants(manager, input.signatories, missionId);
      const year = input.signedOn ? Number(input.signedOn.slice(0, 4)) : now.getUTCFullYear();
      const reference = formatReference(year, await this.nextInYear(manager, year));
      const id = randomUUID();
      const [row]: MouRow[] = await manager.query(
        `INSERT INTO mous (id, reference, mission_id, title, summaries, themes, parties, party_names, party_countries, signed_on, signed_place,
           entry_into_force_on, expires_on, visibility, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'draft', $15, $16, $16)
         RETURNING ${MOU_COLUMNS}`,
        [
          id,
          reference,
          missionId,
          input.title,
          JSON.stringify(input.summary),
          input.themes,
          JSON.stringify(input.parties),
          ...partyColumns(input.parties),
          input.signedOn ?? null,
          input.signedPlace ?? null,
          input.entryIntoForceOn ?? null,
          input.expiresOn ?? null,
          input.visibility,
          actor,
          now,
        ],
      );
      await this.writeSignatories(manager, id, input.signatories);
      await this.history.append(manager, id, { action: 'created', actor, at: now, details: { reference, fields: Object.keys(input).sort() } });
      await this.outbox.add(UnitOfWork.of(manager), 'mou.drafted', toMouEventData(row!), { subject: id, missionId, time: now });
      return this.view(manager, row!);
    });
  }

  async get(caller: Caller, id: string): Promise<MouView> {
    const manager = this.dataSource.manager;
    const row = await this.store.find(manager, id);
    const { organiser } = this.access.mayRead(caller, row);
    return toMouView(row, await this.store.signatories(manager, id), await this.store.versions(manager, id), organiser);
  }

  async update(caller: Caller, id: string, patch: UpdateMou): Promise<MouView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const current = await this.store.lock(manager, id);
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
      const signatories = patch.signatories ?? (patch.parties ? await this.store.signatories(manager, id) : undefined);
      const merged = {
        parties: patch.parties ?? current.parties,
        signatories,
        entryIntoForceOn: patch.entryIntoForceOn === undefined ? current.entryIntoForceOn : patch.entryIntoForceOn,
        expiresOn: patch.expiresOn === undefined ? current.expiresOn : patch.expiresOn,
      };
      const issues = z.any().superRefine(checkAcrossFields).safeParse(merged);
      if (!issues.success) throw Problem.validation(issues.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
      if (patch.signatories) await this.checkParticipants(manager, patch.signatories, patch.missionId === undefined ? current.missionId : patch.missionId);

      const columns: Record<string, unknown> = { updated_at: now };
      for (const field of changed) {
        if (field === 'summary') columns.summaries = JSON.stringify(patch.summary);
        else if (field === 'parties') {
          const [names, countries] = partyColumns(patch.parties!);
          Object.assign(columns, { parties: JSON.stringify(patch.parties), party_names: names, party_countries: countries });
        } else if (field !== 'signatories') columns[columnOf[field]] = patch[field];
      }
      const row = await this.store.set(manager, id, columns);
      if (patch.signatories) {
        await manager.query(`DELETE FROM mou_signatories WHERE mou_id = $1`, [id]);
        await this.writeSignatories(manager, id, patch.signatories);
      }
      await this.history.append(manager, id, { action: 'updated', actor, at: now, details: { fields: changed.sort() } });
      await this.outbox.add(UnitOfWork.of(manager), 'mou.updated', toMouEventData(row), { subject: id, missionId: row.missionId, time: now });
      return this.view(manager, row);
    });
  }

  async transition(caller: Caller, id: string, input: Transition): Promise<MouView> {
    const actor = actorOf(caller);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.store.lock(manager, id);
      this.access.assertMayChange(caller, current.missionId);
      const row = await this.move(manager, current, input, 'organiser', actor);
      return this.view(manager, row);
    });
  }

  /**
   * Moves the locked MoU to `input.status` if `mover` may, recording who and when in the trail and on
   * the bus; a refused move is a 409 naming the statuses allowed from here.
   */
  async move(manager: EntityManager, current: MouRow, input: Transition, mover: Mover, actor: string): Promise<MouRow> {
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
    const columns: Record<string, unknown> = { status: to, updated_at: now };
    const details: Record<string, unknown> = { from: current.status, to, ...(input.reason ? { reason: input.reason } : {}) };
    if (to === 'signed') Object.assign(details, await this.sign(manager, current, input, actor, now, columns));
    const row = await this.store.set(manager, current.id, columns);
    await this.history.append(manager, current.id, { action: 'status_changed', actor, at: now, details });
    await this.outbox.add(
      UnitOfWork.of(manager),
      'mou.status_changed',
      { ...toMouEventData(row), previousStatus: current.status, changedBy: actor, changedAt: now.toISOString() },
      { subject: current.id, missionId: row.missionId, time: now },
    );
    return row;
  }

  /** Signing freezes the latest version of the text, with the date and place on the record. */
  private async sign(manager: EntityManager, current: MouRow, input: Transition, actor: string, now: Date, columns: Record<string, unknown>) {
    const signedOn = input.signedOn ?? current.signedOn;
    const signedPlace = input.signedPlace ?? current.signedPlace;
    const [{ versions, signatories }] = await manager.query(
      `SELECT (SELECT count(*)::int FROM mou_versions WHERE mou_id = $1) AS versions, (SELECT count(*)::int FROM mou_signatories WHERE mou_id = $1) AS signatories`,
      [current.id],
    );
    const missing = missingForSigning({ signedOn, signedPlace, versions, signatories });
    if (missing.length > 0) {
      throw Problem.unprocessable('not-ready-to-sign', 'The MoU is not ready to be signed', `Signing needs: ${missing.join(', ')}.`, {
        errors: missing.map((field): FieldError => ({ field, message: field === 'versions' || field === 'signatories' ? 'none yet' : 'is required to sign' })),
      });
    }
    Object.assign(columns, { signed_on: signedOn, signed_place: signedPlace });
    const [[signed]] = await manager.query(
      `UPDATE mou_versions SET signed_on = $2, signed_place = $3, signed_by = $4, signed_at = $5
       WHERE mou_id = $1 AND version = (SELECT max(version) FROM mou_versions WHERE mou_id = $1) RETURNING version, sha256`,
      [current.id, signedOn, signedPlace, actor, now],
    );
    return { signedOn, signedPlace, version: signed.version, sha256: signed.sha256 };
  }

  private async checkParticipants(manager: EntityManager, signatories: { registrationId?: string }[], missionId: string | null): Promise<void> {
    const links = signatories.flatMap((signatory, index) =>
      signatory.registrationId ? [{ registrationId: signatory.registrationId, field: `signatories.${index}.registrationId` }] : [],
    );
    const errors = await this.participants.check(manager, links, missionId);
    if (errors.length > 0) throw Problem.validation(errors);
  }

  /** The year's next number, taken under the lock of the year's counter row: no two MoUs ever share one. */
  private async nextInYear(manager: EntityManager, year: number): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO mou_reference_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = mou_reference_counters.last + 1 RETURNING last`,
      [year],
    );
    return row.last;
  }

  private async writeSignatories(manager: EntityManager, id: string, signatories: CreateMou['signatories']): Promise<void> {
    if (signatories.length === 0) return;
    await manager.query(
      `INSERT INTO mou_signatories (mou_id, position, name, title, party, registration_id)
       SELECT $1, position, name, title, party, registration_id
       FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[]) WITH ORDINALITY AS s(name, title, party, registration_id, position)`,
      [id, signatories.map((s) => s.name), signatories.map((s) => s.title), signatories.map((s) => s.party), signatories.map((s) => s.registrationId ?? null)],
    );
  }

  private async view(manager: EntityManager, row: MouRow): Promise<MouView> {
    return toMouView(row, await this.store.signatories(manager, row.id), await this.store.versions(manager, row.id), true);
  }
}

/** Who did it, as the trail and the events record it. */
export function actorOf(caller: Caller): string {
  if (caller.kind === 'organiser') return caller.subject;
  throw Problem.forbidden('Only an organiser may do this.');
}

function partyColumns(parties: Party[]): [string[], string[]] {
  return [parties.map((party) => party.name.toLowerCase()), [...new Set(parties.map((party) => party.country))]];
}
