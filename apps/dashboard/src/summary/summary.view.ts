import { instant, mouStatuses, uuid, registrationStatuses, type RegistrationStatus } from '#contracts';
import { z } from 'zod';

type MouStatus = (typeof mouStatuses)[number];
const enrolmentStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
type EnrolmentStatus = (typeof enrolmentStatuses)[number];

export interface RegistrationCount {
  status: string;
  delegation: string | null;
  /** The delegation's id (registrations announced before delegations existed have none). */
  delegationId?: string | null;
  country: string | null;
  count: number;
}

/** A delegation of the mission as `delegation.saved` last told it. */
export interface DelegationRow {
  delegationId: string;
  name: string;
  parentId: string | null;
}

const count = z.number().int().nonnegative();
/** Every status appears, at zero when there is none. */
const countsOf = <S extends string>(statuses: readonly [S, ...S[]]) => z.record(z.enum(statuses), count);

const sessionRow = z.object({
  sessionId: uuid,
  kind: z.string().describe('`unknown`, with an empty title and empty times, for a session whose enrolments arrived before it did.'),
  title: z.string(),
  startsAt: instant.or(z.literal('')),
  endsAt: instant.or(z.literal('')),
  capacity: count.nullable(),
  cancelled: z.boolean(),
});

export type SessionRow = z.infer<typeof sessionRow>;

export interface SummaryInput {
  missionId: string;
  position: number;
  registrations: RegistrationCount[];
  /** The mission's delegations, to name registrations' delegations as they are named now and find their parents. */
  delegations?: DelegationRow[];
  checkedIn: number;
  sessions: SessionRow[];
  enrolments: { sessionId: string; status: string; count: number }[];
  mous: { status: string; count: number }[];
  notifications: { outcome: string; count: number }[];
  /** Meetings by status, whether placed, and outcome. */
  meetings: { status: string; scheduled: boolean; outcome: string | null; count: number }[];
  /** Added with broadcasts; absent in older callers' inputs. */
  broadcasts?: MissionSummary['broadcasts'];
}

const LARGEST_FIRST = 'Largest first; ties by name, the unnamed (null) last.';
const statusBreakdown = z.object({ total: count, byStatus: countsOf(registrationStatuses) });

export type StatusBreakdown = z.infer<typeof statusBreakdown>;

/** The dashboard's counters of a mission, as the API answers them; the schema also documents the response. */
export const missionSummary = z.object({
  missionId: uuid,
  position: z.number().int().nonnegative().describe("The last position of the mission's stream this summary includes: open the stream after it to follow on."),
  registrations: statusBreakdown.extend({
    checkedIn: count,
    byDelegation: z
      .array(
        statusBreakdown.extend({
          delegation: z.string().nullable(),
          delegationId: uuid.nullable().describe('Null for a name registration kept before the mission had delegations, and for none.'),
          parentId: uuid.nullable().describe('The delegation this one lies within.'),
          parentName: z.string().nullable(),
        }),
      )
      .describe(LARGEST_FIRST),
    byParentDelegation: z
      .array(statusBreakdown.extend({ delegation: z.string().nullable(), delegationId: uuid.nullable() }))
      .describe(`Each top-level delegation with the delegations within it counted in. ${LARGEST_FIRST}`),
    byCountry: z.array(statusBreakdown.extend({ country: z.string().nullable() })).describe(LARGEST_FIRST),
  }),
  sessions: z.array(
    sessionRow.extend({
      enrolments: countsOf(enrolmentStatuses),
      fill: z.number().nonnegative().nullable().describe('Confirmed enrolments over capacity (to 3 decimals); null for a session without one (or of 0).'),
    }),
  ),
  mous: z.object({ total: count, byStatus: countsOf(mouStatuses) }),
  notifications: z.object({ sent: count, failed: count }),
  meetings: z
    .object({ requested: count, accepted: count, declined: count, cancelled: count, scheduled: count, held: count, noShow: count })
    .describe('B2B matchmaking: every meeting ever requested, those with a place now, those held (and no-shows).'),
  broadcasts: z
    .array(
      z.object({
        broadcastId: uuid,
        subject: z.string().nullable(),
        releasedAt: instant.nullable(),
        queued: count.nullable().describe('E-mails it queued when it went; null until its `broadcast.released` arrives.'),
        sent: count,
        failed: count.describe('Failed for any reason but a bounce.'),
        bounced: count.describe('Refused for good by the SMTP server (a 5xx reply).'),
      }),
    )
    .describe("The mission's latest 50 broadcasts that went, newest first, with their delivery figures."),
});

export type MissionSummary = z.infer<typeof missionSummary>;

/** The summary from the counters' grouped rows: every status appears, at zero when there is none. */
export function summarise(input: SummaryInput): MissionSummary {
  const overall = breakdown();
  const byDelegation = new Map<string | null, StatusBreakdown>();
  const byParent = new Map<string | null, StatusBreakdown>();
  const byCountry = new Map<string | null, StatusBreakdown>();
  const delegations = new Map((input.delegations ?? []).map((delegation) => [delegation.delegationId, delegation]));
  const byName = new Map((input.delegations ?? []).map((delegation) => [delegation.name, delegation]));
  for (const row of input.registrations) {
    // Named as the delegation is named now (a rename reaches the counts at once); grouped under its top-level delegation too.
    const delegation = row.delegationId ? delegations.get(row.delegationId) : undefined;
    const top = delegation ? topOf(delegation, delegations) : undefined;
    const name = delegation?.name ?? row.delegation;
    for (const target of [overall, entry(byDelegation, name), entry(byParent, top?.name ?? name), entry(byCountry, row.country)])
      add(target, row.status, row.count);
  }
  const described = (name: string | null) => {
    const delegation = name === null ? undefined : byName.get(name);
    const parent = delegation?.parentId ? delegations.get(delegation.parentId) : undefined;
    return { delegationId: delegation?.delegationId ?? null, parentId: delegation?.parentId ?? null, parentName: parent?.name ?? null };
  };

  const enrolmentsBySession = new Map<string, Record<EnrolmentStatus, number>>();
  for (const row of input.enrolments) {
    const counts = enrolmentsBySession.get(row.sessionId) ?? zeros(enrolmentStatuses);
    if ((enrolmentStatuses as readonly string[]).includes(row.status)) counts[row.status as EnrolmentStatus] += row.count;
    enrolmentsBySession.set(row.sessionId, counts);
  }
  const known = new Set(input.sessions.map((session) => session.sessionId));
  // Enrolments can arrive before the session they belong to; count them under a placeholder until it does.
  const sessions: SessionRow[] = [
    ...input.sessions,
    ...[...enrolmentsBySession.keys()]
      .filter((id) => !known.has(id))
      .map((sessionId) => ({ sessionId, kind: 'unknown', title: '', startsAt: '', endsAt: '', capacity: null, cancelled: false })),
  ];

  const mous = zeros(mouStatuses);
  let mouTotal = 0;
  for (const row of input.mous) {
    if ((mouStatuses as readonly string[]).includes(row.status)) mous[row.status as MouStatus] += row.count;
    mouTotal += row.count;
  }

  const outcomes = { sent: 0, failed: 0 };
  for (const row of input.notifications) if (row.outcome === 'sent' || row.outcome === 'failed') outcomes[row.outcome] += row.count;

  return {
    missionId: input.missionId,
    position: input.position,
    registrations: {
      ...overall,
      checkedIn: input.checkedIn,
      byDelegation: sorted(byDelegation).map(([delegation, counts]) => ({ delegation, ...counts, ...described(delegation) })),
      byParentDelegation: sorted(byParent).map(([delegation, counts]) => ({ delegation, ...counts, delegationId: described(delegation).delegationId })),
      byCountry: sorted(byCountry).map(([country, counts]) => ({ country, ...counts })),
    },
    sessions: sessions.map((session) => {
      const enrolments = enrolmentsBySession.get(session.sessionId) ?? zeros(enrolmentStatuses);
      return { ...session, enrolments, fill: session.capacity ? Math.round((enrolments.confirmed / session.capacity) * 1000) / 1000 : null };
    }),
    mous: { total: mouTotal, byStatus: mous },
    notifications: outcomes,
    meetings: countMeetings(input.meetings),
    broadcasts: input.broadcasts ?? [],
  };
}

function countMeetings(rows: SummaryInput['meetings']): MissionSummary['meetings'] {
  const counts = { requested: 0, accepted: 0, declined: 0, cancelled: 0, scheduled: 0, held: 0, noShow: 0 };
  for (const row of rows) {
    // Every meeting was requested once, whatever it is now.
    counts.requested += row.count;
    if (row.status === 'accepted' || row.status === 'declined' || row.status === 'cancelled') counts[row.status] += row.count;
    if (row.scheduled) counts.scheduled += row.count;
    if (row.outcome === 'held') counts.held += row.count;
    if (row.outcome === 'no_show') counts.noShow += row.count;
  }
  return counts;
}

/** The top-level delegation `delegation` lies within (itself at the top; a cycle, which registration refuses, ends the walk). */
function topOf(delegation: DelegationRow, delegations: ReadonlyMap<string, DelegationRow>): DelegationRow {
  const seen = new Set<string>();
  let top = delegation;
  while (top.parentId && !seen.has(top.delegationId)) {
    seen.add(top.delegationId);
    const parent = delegations.get(top.parentId);
    if (!parent) break;
    top = parent;
  }
  return top;
}

function breakdown(): StatusBreakdown {
  return { total: 0, byStatus: zeros(registrationStatuses) };
}

function entry<K>(map: Map<K, StatusBreakdown>, key: K): StatusBreakdown {
  let found = map.get(key);
  if (!found) map.set(key, (found = breakdown()));
  return found;
}

function add(target: StatusBreakdown, status: string, count: number): void {
  target.total += count;
  if ((registrationStatuses as readonly string[]).includes(status)) target.byStatus[status as RegistrationStatus] += count;
}

/** Largest first; ties and the unnamed (null) group by name, the unnamed last. */
function sorted<K extends string | null>(map: Map<K, StatusBreakdown>): [K, StatusBreakdown][] {
  return [...map.entries()].sort(([a, x], [b, y]) => y.total - x.total || (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
}

function zeros<S extends string>(keys: readonly S[]): Record<S, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<S, number>;
}
