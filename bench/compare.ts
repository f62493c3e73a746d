/**
 * `npm run bench:compare -- NAME=run.json… `: the figures of several `bench:registrations --json`
 * runs side by side, phase by phase (for an A/B: `before-1=… after-1=… before-2=… after-2=…`, the
 * runs having taken turns). Each system's fixed-rate phases, then its highest sustained rate.
 */
import { readFileSync } from 'node:fs';
import type { PhaseResult } from './harness/phase.js';
import { table } from './harness/stats.js';

interface Run {
  name: string;
  results: PhaseResult[];
  ceilings: Record<string, { rate: number; firstFailed?: number }>;
}

const runs: Run[] = process.argv.slice(2).map((argument) => {
  const [name, file] = argument.includes('=') ? (argument.split('=', 2) as [string, string]) : [argument, argument];
  const { results, ceilings } = JSON.parse(readFileSync(file, 'utf8')) as Omit<Run, 'name'>;
  return { name, results, ceilings: ceilings ?? {} };
});
if (!runs.length) {
  console.error('usage: npm run bench:compare -- NAME=run.json…');
  process.exit(2);
}

const round = (value: number | undefined, digits = 0) => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));
const systems = [...new Set(runs.flatMap((run) => run.results.map((result) => result.system)))];
for (const system of systems) {
  const rates = [...new Set(runs.flatMap((run) => run.results.filter((r) => r.system === system && r.kind === 'fixed').map((r) => r.rate)))].sort(
    (a, b) => a - b,
  );
  for (const rate of rates) {
    const rows: string[][] = [[`${system} at ${rate}/s`, ...runs.map((run) => run.name)]];
    const phase = (run: Run) => run.results.find((r) => r.system === system && r.kind === 'fixed' && r.rate === rate);
    const row = (label: string, value: (result: PhaseResult) => string) => rows.push([label, ...runs.map((run) => (phase(run) ? value(phase(run)!) : '–'))]);
    row('accepted/s', (r) => round(r.acceptedPerSecond));
    row('HTTP p50 / p99 ms', (r) => `${round(r.http.p50, 1)} / ${round(r.http.p99)}`);
    for (const [index, label] of ['→dashboard', '→mail'].entries()) {
      row(`${label} p50 / p99 ms`, (r) => (r.endToEnd[index] ? `${round(r.endToEnd[index].p50)} / ${round(r.endToEnd[index].p99)}` : '–'));
    }
    row('CPU, run processes (cores)', (r) => round(runCores(r), 2));
    row('CPU ms per registration', (r) => round((runCores(r) * 1000) / Math.max(1, r.acceptedPerSecond), 1));
    row('other (noise), cores', (r) => round(r.cpu.groups.other ?? 0, 2));
    row('sustained', (r) => (r.verdict.sustained ? 'yes' : `no: ${r.verdict.reasons[0] ?? ''}`.slice(0, 40)));
    console.log(table(rows));
    console.log('');
  }
  const ceilingRow = [`${system}: highest sustained`, ...runs.map((run) => round(run.ceilings[`${system}×1`]?.rate))];
  if (ceilingRow.slice(1).some((value) => value !== '–')) console.log(`${table([ceilingRow])}\n`);
}

/** Cores used by the run's own processes (the services or bare parts, Postgres of the bench database, RabbitMQ, the bench), not the rest of the machine. */
function runCores(result: PhaseResult): number {
  return Object.entries(result.cpu.groups)
    .filter(([group]) => group !== 'other' && group !== 'machine')
    .reduce((sum, [, cores]) => sum + cores, 0);
}
