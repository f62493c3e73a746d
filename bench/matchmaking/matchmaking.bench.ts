import highsModule from 'highs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { indexInstance } from '../../apps/scheduling/src/matchmaking/meeting-instance.js';
import { type MeetingSchedule, scheduleMeetings } from '../../apps/scheduling/src/matchmaking/meeting-scheduler.js';
import { scheduleViolations } from '../../apps/scheduling/src/matchmaking/schedule-check.js';
import { fairnessSummary } from '../../apps/scheduling/src/matchmaking/schedule-value.js';
import { table } from '../harness/stats.js';
import { generateInstance } from './instance-generator.js';
import { integerProgram } from './integer-program.js';
import { upperBound } from './upper-bound.js';

const HELP = `npm run bench:matchmaking -- [options]

Generates seeded matchmaking instances, schedules them, checks every schedule against the rules and
compares its value with the exact optimum (an integer program solved by HiGHS) where HiGHS proves it
within the time limit, else with the LP relaxation's bound, else with a combinatorial bound.

  --sizes 200,1000,3000   participants per instance; 1000:150 sets the tables per block too
  --requests 10           accepted requests sent per participant (mean)
  --groups 0.05           share of the requests that are group meetings (3–4 attendees); 0 for one-to-one only
  --seed 2027             instance and scheduler seed
  --runs 3                timed runs of the scheduler per instance (the median is reported)
  --exact-up-to 200       largest instance given to HiGHS as an integer program
  --relax-up-to 1000      largest instance whose LP relaxation is solved for a bound
  --highs-seconds 90      time limit of each HiGHS solve
  --json <file>           every figure as JSON too`;

interface Row {
  participants: number;
  tables: string;
  requests: number;
  groupRequests: number;
  groupsScheduled: number;
  withCommonSlot: number;
  scheduled: number;
  leftWithoutMeeting: number;
  meetingsPerParticipant: string;
  medianMs: number;
  medianCpuMs: number;
  runsMs: number[];
  cpuMs: number[];
  deterministic: boolean;
  violations: number;
  value: number;
  reference: { kind: 'optimum' | 'LP bound' | 'bound'; value: number; meetings?: number; seconds: number; status?: string };
  ratio: number;
  search: MeetingSchedule['search'];
}

// highs ships one types.d.ts for its CommonJS and ES builds; under NodeNext TypeScript reads it as CommonJS, whose default
// import is the whole module, while Node loads build/highs.mjs, whose default export is the loader itself.
const loadHighs = highsModule as unknown as typeof highsModule.default;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '200,1000,3000' },
      requests: { type: 'string', default: '10' },
      groups: { type: 'string', default: '0.05' },
      seed: { type: 'string', default: '2027' },
      runs: { type: 'string', default: '3' },
      'exact-up-to': { type: 'string', default: '200' },
      'relax-up-to': { type: 'string', default: '1000' },
      'highs-seconds': { type: 'string', default: '90' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const seed = Number(values.seed);
  const highs = await loadHighs();
  const rows: Row[] = [];
  for (const size of values.sizes.split(',')) {
    const [participants, tables] = size.split(':').map(Number);
    const input = generateInstance({
      participants,
      requestsEach: Number(values.requests),
      seed: seed + participants,
      tables,
      groupShare: Number(values.groups),
    });
    const groupMeetings = input.meetings.filter((meeting) => meeting.participants.length > 2);
    const instance = indexInstance(input);

    const runsMs: number[] = [];
    const cpuMs: number[] = [];
    const schedules: MeetingSchedule[] = [];
    for (let run = 0; run < Number(values.runs); run++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      schedules.push(scheduleMeetings(input, { seed }));
      runsMs.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
    }
    const schedule = schedules[0];
    const deterministic = schedules.every((other) => JSON.stringify(other.placed) === JSON.stringify(schedule.placed));
    const violations = scheduleViolations(input, schedule.placed);
    for (const violation of violations.slice(0, 5)) console.error(`  VIOLATION ${violation}`);

    const meetingsOf = new Map<string, number>();
    const byId = new Map(input.meetings.map((meeting) => [meeting.id, meeting]));
    for (const placed of schedule.placed) for (const id of byId.get(placed.meetingId)!.participants) meetingsOf.set(id, (meetingsOf.get(id) ?? 0) + 1);
    const schedulable = new Set<string>();
    instance.allowedSlots.forEach((allowed, m) => {
      if (allowed.length > 0) for (const p of instance.attendees[m]) if (instance.limit[p] > 0) schedulable.add(instance.participantIds[p]);
    });
    const fairness = fairnessSummary(meetingsOf, schedulable);

    let reference: Row['reference'] | undefined;
    for (const relax of [false, true]) {
      if (reference || participants > Number(relax ? values['relax-up-to'] : values['exact-up-to'])) continue;
      const model = integerProgram(instance, relax);
      const started = performance.now();
      // The relaxation by interior point (then crossover to an exact vertex): several times faster than simplex on these degenerate LPs.
      const solver = relax ? { solver: 'ipm' as const } : { mip_rel_gap: 0 };
      const solution = highs.solve(model.text, { output_flag: false, time_limit: Number(values['highs-seconds']), ...solver });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `  ${participants}: HiGHS ${relax ? 'LP relaxation' : 'integer program'} of ${model.variables} variables: ${solution.Status} in ${seconds.toFixed(1)} s`,
      );
      if (solution.Status !== 'Optimal') continue;
      let meetings = 0;
      for (const [column, result] of Object.entries(solution.Columns) as [string, { Primal?: number }][])
        if (column.startsWith('x')) meetings += result.Primal ?? 0;
      reference = {
        kind: relax ? 'LP bound' : 'optimum',
        value: solution.ObjectiveValue,
        meetings: Math.round(meetings * 10) / 10,
        seconds,
        status: solution.Status,
      };
    }
    if (!reference) {
      const bound = upperBound(instance);
      reference = { kind: 'bound', value: bound.value, meetings: bound.meetings, seconds: 0 };
    }

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const medianMs = median(runsMs);
    rows.push({
      participants,
      tables: input.blocks.map((block) => `${block.slots.length}×${block.tables}`).join(' + '),
      requests: input.meetings.length,
      groupRequests: groupMeetings.length,
      groupsScheduled: schedule.placed.filter((placed) => byId.get(placed.meetingId)!.participants.length > 2).length,
      withCommonSlot: instance.allowedSlots.filter((allowed) => allowed.length > 0).length,
      scheduled: schedule.value.meetings,
      leftWithoutMeeting: fairness.leftWithoutMeeting,
      meetingsPerParticipant: `${fairness.min}/${fairness.median}/${fairness.max}`,
      medianMs,
      medianCpuMs: median(cpuMs),
      runsMs,
      cpuMs,
      deterministic,
      violations: violations.length,
      value: schedule.value.value,
      reference,
      ratio: schedule.value.value / reference.value,
      search: schedule.search,
    });
    console.log(
      `  ${participants}: ${schedule.value.meetings} of ${input.meetings.length} meetings in ${Math.round(medianMs)} ms, ${(rows.at(-1)!.ratio * 100).toFixed(2)} % of the ${reference.kind}`,
    );
  }

  console.log('');
  console.log(
    `scheduler times: median of ${values.runs} runs, wall clock and the process's CPU time; load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log(
    table([
      [
        'participants',
        'slots×tables',
        'requests',
        'group requests',
        'groups scheduled',
        'with a common slot',
        'scheduled',
        'reference meetings',
        'none/schedulable',
        'min/median/max each',
        'wall ms',
        'cpu ms',
        'value',
        'reference',
        'value / reference',
        'valid',
        'same each run',
      ],
      ...rows.map((row) => [
        String(row.participants),
        row.tables,
        String(row.requests),
        String(row.groupRequests),
        String(row.groupsScheduled),
        String(row.withCommonSlot),
        String(row.scheduled),
        String(row.reference.meetings ?? '–'),
        `${row.leftWithoutMeeting}/${row.participants}`,
        row.meetingsPerParticipant,
        String(Math.round(row.medianMs)),
        String(Math.round(row.medianCpuMs)),
        String(row.value),
        `${row.reference.kind} ${Math.round(row.reference.value * 10) / 10}`,
        `${(row.ratio * 100).toFixed(2)} %`,
        row.violations === 0 ? 'yes' : `NO (${row.violations})`,
        row.deterministic ? 'yes' : 'NO',
      ]),
    ]),
  );
  if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 2));
  if (rows.some((row) => row.violations > 0 || !row.deterministic)) process.exitCode = 1;
}

await main();
