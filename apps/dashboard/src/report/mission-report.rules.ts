import { personName } from '#common';
import type { CloudEvent, EventData, EventType } from '#contracts';

/**
 * The mission report: the mission summed up from its event log alone (docs/DESIGN.md, "The mission
 * report"). A pure fold: each aggregate keeps its newest event (by event time, then log order), since
 * events of different services reach the log in any order.
 */
export interface MissionReport {
  missionId: string;
  /** The last position of the log the report includes. */
  position: number;
  mission: { code: string; title: string; startsOn: string; endsOn: string; timezone: string } | null;
  participants: {
    total: number;
    byStatus: Record<string, number>;
    checkedIn: number;
    byCategory: { code: string | null; confirmed: number; total: number }[];
  };
  /** Top-level delegations in order of precedence, each with its sub-delegations. */
  delegations: ReportDelegation[];
  /** Confirmed participants who named no delegation, or one the report does not know. */
  withoutDelegation: ReportPerson[];
  programme: ReportSession[];
  meetings: {
    byStatus: Record<string, number>;
    held: number;
    noShow: number;
    /** Placed or held meetings, earliest first, with the names of who met whom. */
    list: ReportMeeting[];
  };
  mous: { byStatus: Record<string, number>; signed: ReportMou[] };
  actionPlans: ReportActionPlan[];
}

export interface ReportActionPlan {
  planId: string;
  title: string;
  scope: string;
  cities: string[];
  status: string;
  pilotProjects: number;
  pilotProjectsWithMou: number;
  /** Pilot projects with a progress report, each indicator at its latest report. */
  progress: {
    pilotProjectId: string;
    title: string;
    mouId: string | null;
    indicators: { name: string; unit: string; baseline: number; target: number; value: number; asOf: string; progress: number | null }[];
  }[];
}

export interface ReportPerson {
  registrationId: string;
  name: string;
  organisation: string | null;
  country: string | null;
  status: string;
}

export interface ReportDelegation {
  delegationId: string;
  name: string;
  country: string;
  city: string | null;
  precedence: number;
  head: string | null;
  members: ReportPerson[];
  confirmed: number;
  subDelegations: ReportDelegation[];
}

export interface ReportSession {
  sessionId: string;
  parentSessionId: string | null;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  cancelled: boolean;
  enrolled: number;
  waitlisted: number;
  /** Of those enrolled, how many checked in to the mission. */
  attended: number;
}

export interface ReportMeeting {
  meetingId: string;
  startsAt: string | null;
  requester: string[];
  invitee: string[];
  outcome: string | null;
}

export interface ReportMou {
  mouId: string;
  reference: string;
  title: string;
  status: string;
  parties: { name: string; kind: string; country: string }[];
}

/** What the fold reads of a logged event: its type, time and data. */
export type LoggedCloudEvent = Pick<CloudEvent, 'type' | 'time' | 'data'>;

const ERASED = 'Erased participant';
const SIGNED_OR_LATER = new Set(['signed', 'in_force', 'completed']);

interface Newest<T> {
  time: string;
  value: T;
}

type Registration = EventData<'registration.confirmed'>;
type Delegation = EventData<'delegation.saved'>;
type Session = EventData<'session.scheduled'>;
type Enrolment = EventData<'enrolment.confirmed'>;
type Meeting = EventData<'meeting.scheduled'>;
type Mou = EventData<'mou.drafted'>;
type ActionPlan = EventData<'action_plan.drafted'>;
type Progress = EventData<'action_plan.pilot_project_progress'>;

export class MissionReportBuilder {
  private mission: MissionReport['mission'] = null;
  private position = 0;
  private readonly registrations = new Map<string, Newest<Registration>>();
  private readonly checkedIn = new Set<string>();
  private readonly delegations = new Map<string, Newest<Delegation | null>>();
  private readonly sessions = new Map<string, Newest<{ session: Session; cancelled: boolean }>>();
  private readonly enrolments = new Map<string, Newest<{ enrolment: Enrolment; status: string }>>();
  private readonly meetings = new Map<string, Newest<{ meeting: Meeting; status: string }>>();
  private readonly mous = new Map<string, Newest<Mou>>();
  private readonly actionPlans = new Map<string, Newest<ActionPlan>>();
  /** The latest report of each indicator, by its as-of date. */
  private readonly indicators = new Map<string, Newest<Progress>>();

  constructor(private readonly missionId: string) {}

  add(event: LoggedCloudEvent, position: number): this {
    this.position = Math.max(this.position, position);
    if (isOf(event, 'mission.created', 'mission.updated')) {
      const { code, title, startsOn, endsOn, timezone } = event.data;
      this.mission = { code, title, startsOn, endsOn, timezone };
    } else if (
      isOf(
        event,
        'registration.submitted',
        'registration.confirmed',
        'registration.waitlisted',
        'registration.rejected',
        'registration.cancelled',
        'registration.updated',
      )
    ) {
      keepNewest(this.registrations, event.data.registrationId, event.time, event.data);
    } else if (isOf(event, 'participant.checked_in')) {
      this.checkedIn.add(event.data.registrationId);
    } else if (isOf(event, 'delegation.saved')) {
      keepNewest(this.delegations, event.data.delegationId, event.time, event.data);
    } else if (isOf(event, 'delegation.removed')) {
      keepNewest(this.delegations, event.data.delegationId, event.time, null);
    } else if (isOf(event, 'session.scheduled', 'session.rescheduled', 'session.cancelled')) {
      keepNewest(this.sessions, event.data.sessionId, event.time, { session: event.data, cancelled: event.type === 'session.cancelled' });
    } else if (isOf(event, 'enrolment.confirmed', 'enrolment.waitlisted', 'enrolment.cancelled')) {
      keepNewest(this.enrolments, event.data.enrolmentId, event.time, { enrolment: event.data, status: event.type.slice('enrolment.'.length) });
    } else if (isOf(event, 'meeting.requested', 'meeting.accepted', 'meeting.declined', 'meeting.scheduled', 'meeting.cancelled')) {
      keepNewest(this.meetings, event.data.meetingId, event.time, { meeting: event.data, status: event.type.slice('meeting.'.length) });
    } else if (isOf(event, 'mou.drafted', 'mou.updated', 'mou.status_changed', 'mou.version_added')) {
      keepNewest(this.mous, event.data.mouId, event.time, event.data);
    } else if (isOf(event, 'action_plan.drafted', 'action_plan.updated', 'action_plan.status_changed')) {
      keepNewest(this.actionPlans, event.data.planId, event.time, event.data);
    } else if (isOf(event, 'action_plan.pilot_project_progress')) {
      keepNewest(this.indicators, event.data.indicator.indicatorId, `${event.data.asOf}T00:00:00Z`, event.data);
    }
    return this;
  }

  build(): MissionReport {
    const people = new Map<string, ReportPerson & { delegationId: string | null; delegation: string | null; category: string | null }>();
    for (const [id, { value }] of this.registrations) {
      const participant = value.participant as Registration['participant'] | { erased: true };
      const named = 'givenName' in participant;
      people.set(id, {
        registrationId: id,
        name: named ? personName(participant.givenName, participant.familyName) : ERASED,
        organisation: named ? participant.organisation.name : null,
        country: named ? participant.organisation.country : null,
        status: value.status,
        delegationId: named ? (participant.delegationId ?? null) : null,
        delegation: named ? participant.delegation : null,
        category: value.category?.code ?? null,
      });
    }
    const confirmed = [...people.values()].filter((person) => person.status === 'confirmed');
    const nameOf = (id: string) => people.get(id)?.name ?? ERASED;

    return {
      missionId: this.missionId,
      position: this.position,
      mission: this.mission,
      participants: {
        total: people.size,
        byStatus: countBy([...people.values()], (person) => person.status),
        checkedIn: confirmed.filter((person) => this.checkedIn.has(person.registrationId)).length,
        byCategory: Object.entries(groupBy([...people.values()], (person) => person.category ?? ''))
          .map(([code, members]) => ({
            code: code || null,
            confirmed: members.filter((person) => person.status === 'confirmed').length,
            total: members.length,
          }))
          .sort((a, b) => b.total - a.total || (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff')),
      },
      ...this.delegationTree(confirmed),
      programme: this.programme(),
      meetings: this.meetingsSummary(nameOf),
      mous: {
        byStatus: countBy([...this.mous.values()], ({ value }) => value.status),
        signed: [...this.mous.values()]
          .map(({ value }) => value)
          .filter((mou) => SIGNED_OR_LATER.has(mou.status))
          .sort((a, b) => a.reference.localeCompare(b.reference))
          .map(({ mouId, reference, title, status, parties }) => ({ mouId, reference, title, status, parties })),
      },
      actionPlans: this.actionPlanList(),
    };
  }

  private delegationTree(confirmed: (ReportPerson & { delegationId: string | null; delegation: string | null })[]) {
    const known = new Map([...this.delegations].flatMap(([id, { value }]) => (value ? [[id, value] as const] : [])));
    // Older registrations name their delegation only: match them by name, case aside.
    const byName = new Map([...known.values()].map((delegation) => [delegation.name.toLocaleLowerCase(), delegation.delegationId]));
    const members = new Map<string, ReportPerson[]>();
    const withoutDelegation: ReportPerson[] = [];
    for (const { delegationId, delegation, ...person } of confirmed) {
      const id = delegationId && known.has(delegationId) ? delegationId : byName.get(delegation?.toLocaleLowerCase() ?? '');
      if (id) members.set(id, [...(members.get(id) ?? []), person]);
      else withoutDelegation.push(person);
    }
    const node = (delegation: Delegation): ReportDelegation => {
      const subDelegations = childrenOf(delegation.delegationId).map(node);
      const own = (members.get(delegation.delegationId) ?? []).sort(compareByName);
      return {
        delegationId: delegation.delegationId,
        name: delegation.name,
        country: delegation.country,
        city: delegation.city,
        precedence: delegation.precedence,
        head: delegation.headRegistrationId ? (confirmed.find((person) => person.registrationId === delegation.headRegistrationId)?.name ?? ERASED) : null,
        members: own,
        confirmed: own.length + subDelegations.reduce((sum, sub) => sum + sub.confirmed, 0),
        subDelegations,
      };
    };
    const childrenOf = (parentId: string | null) =>
      [...known.values()]
        .filter((delegation) => (delegation.parentId && known.has(delegation.parentId) ? delegation.parentId : null) === parentId)
        .sort((a, b) => a.precedence - b.precedence || a.name.localeCompare(b.name));
    return { delegations: childrenOf(null).map(node), withoutDelegation: withoutDelegation.sort(compareByName) };
  }

  private programme(): ReportSession[] {
    const enrolments = [...this.enrolments.values()].map(({ value }) => value);
    return [...this.sessions.values()]
      .map(({ value: { session, cancelled } }): ReportSession => {
        const own = enrolments.filter(({ enrolment }) => enrolment.sessionId === session.sessionId);
        const enrolled = own.filter(({ status }) => status === 'confirmed');
        return {
          sessionId: session.sessionId,
          parentSessionId: session.parentSessionId ?? null,
          kind: session.kind,
          title: session.title,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          venue: session.venue?.name ?? null,
          cancelled,
          enrolled: enrolled.length,
          waitlisted: own.filter(({ status }) => status === 'waitlisted').length,
          attended: enrolled.filter(({ enrolment }) => this.checkedIn.has(enrolment.registrationId)).length,
        };
      })
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title));
  }

  private actionPlanList(): ReportActionPlan[] {
    const reports = [...this.indicators.values()].map(({ value }) => value);
    return [...this.actionPlans.values()]
      .map(({ value: plan }) => {
        const own = reports.filter((report) => report.planId === plan.planId);
        const projects = new Map(own.map((report) => [report.pilotProject.pilotProjectId, report.pilotProject]));
        return {
          planId: plan.planId,
          title: plan.title,
          scope: plan.scope,
          cities: plan.cities.map((city) => city.name),
          status: plan.status,
          pilotProjects: plan.pilotProjects,
          pilotProjectsWithMou: plan.pilotProjectsWithMou,
          progress: [...projects.values()]
            .map((project) => ({
              pilotProjectId: project.pilotProjectId,
              title: project.title,
              mouId: project.mouId,
              indicators: own
                .filter((report) => report.pilotProject.pilotProjectId === project.pilotProjectId)
                .map(indicatorOf)
                .sort((a, b) => a.name.localeCompare(b.name)),
            }))
            .sort((a, b) => a.title.localeCompare(b.title)),
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  private meetingsSummary(nameOf: (id: string) => string): MissionReport['meetings'] {
    const meetings = [...this.meetings.values()].map(({ value }) => value);
    // Each side's lead first, then the others by name.
    const sideOf = (meeting: Meeting, side: 'requester' | 'invitee') => {
      const lead = side === 'requester' ? meeting.requesterId : meeting.inviteeId;
      const others = (meeting.attendees ?? []).filter((attendee) => attendee.side === side && attendee.registrationId !== lead);
      return [nameOf(lead), ...others.map((attendee) => nameOf(attendee.registrationId)).sort((a, b) => a.localeCompare(b))];
    };
    return {
      // A placed meeting is `scheduled` in the log; it was accepted first.
      byStatus: countBy(meetings, ({ status }) => (status === 'scheduled' ? 'accepted' : status)),
      held: meetings.filter(({ meeting }) => meeting.outcome === 'held').length,
      noShow: meetings.filter(({ meeting }) => meeting.outcome === 'no_show').length,
      list: meetings
        .filter(({ meeting, status }) => status !== 'cancelled' && status !== 'declined' && (meeting.slot || meeting.outcome))
        .map(({ meeting }) => ({
          meetingId: meeting.meetingId,
          startsAt: meeting.slot?.startsAt ?? null,
          requester: sideOf(meeting, 'requester'),
          invitee: sideOf(meeting, 'invitee'),
          outcome: meeting.outcome ?? null,
        }))
        .sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || a.meetingId.localeCompare(b.meetingId)),
    };
  }
}

function isOf<T extends EventType>(event: LoggedCloudEvent, ...types: T[]): event is LoggedCloudEvent & { type: T; data: EventData<T> } {
  return (types as string[]).includes(event.type);
}

function indicatorOf({ indicator, value, asOf, progress }: Progress) {
  return { name: indicator.name, unit: indicator.unit, baseline: indicator.baseline, target: indicator.target, value, asOf, progress };
}

/** Keeps the newest value of an aggregate; of two at the same time, the later in the log. */
function keepNewest<T>(map: Map<string, Newest<T>>, id: string, time: string, value: T): void {
  const kept = map.get(id);
  if (!kept || Date.parse(time) >= Date.parse(kept.time)) map.set(id, { time, value });
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function groupBy<T>(items: T[], key: (item: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) (groups[key(item)] ??= []).push(item);
  return groups;
}

function compareByName(a: ReportPerson, b: ReportPerson): number {
  return a.name.localeCompare(b.name) || a.registrationId.localeCompare(b.registrationId);
}
