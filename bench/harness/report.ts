import type { PhaseResult } from './phase.js';
import { ms, pair, rate, table } from './stats.js';

export function phaseName(result: PhaseResult): string {
  return `${result.kind} ${result.rate}/s × ${result.seconds} s`;
}

/** One line per phase as it ends, so a long run shows its progress. */
export function progressLine(result: PhaseResult): string {
  const ends = result.endToEnd.map((end) => `→${end.label} ${pair(end)}${end.missing ? ` (${end.missing} missing)` : ''}`).join('  ');
  const errors = Object.entries(result.errors)
    .map(([status, count]) => `${count}×${status === '0' ? 'no answer' : status}`)
    .join(' ');
  const booking = result.overbooking ? `  booking ${result.overbooking.ok ? 'ok' : 'FAILED'} (${result.overbooking.detail})` : '';
  const verdict = result.kind === 'ramp' ? `  ${result.verdict.sustained ? 'sustained' : `NOT sustained: ${result.verdict.reasons.join('; ')}`}` : '';
  return (
    `[${systemOf(result)}] ${phaseName(result)}: ${rate(result.acceptedPerSecond)}/s accepted (${result.accepted}/${result.sent}${errors ? `, ${errors}` : ''})` +
    `  HTTP ${pair(result.http)}  ${ends}${booking}  cpu ${result.cpu.machine.toFixed(2)}/${result.cpu.cores} cores${verdict}` +
    (result.firstError ? `\n    first error: ${result.firstError}` : '') +
    result.warnings.map((warning) => `\n    logged: ${warning}`).join('')
  );
}

/** The Postgres sessions of a phase by state, busiest first: where the database time went. */
export function waitTable(result: PhaseResult, top = 6): string {
  if (!result.waits || result.waits.samples === 0) return '  (not sampled)';
  const rows = [['sessions', 'service', 'state', 'statement']];
  for (const row of result.waits.rows.slice(0, top)) {
    rows.push([row.sessions.toFixed(1), row.app.replace(/^mission-hub[-:]/, '').replace(/_bench(?=$|:)/, ''), row.state, row.query]);
  }
  return table(rows)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

export function phaseTable(results: PhaseResult[]): string {
  const rows = [
    ['system', 'phase', 'offered/s', 'accepted/s', '201/sent', 'HTTP p50/p99', '→dashboard p50/p99', '→mail p50/p99', 'lag p99', 'booking', 'sustained'],
  ];
  for (const result of results) {
    const [dashboard, mail] = result.endToEnd;
    rows.push([
      systemOf(result),
      result.kind,
      String(result.rate),
      rate(result.acceptedPerSecond),
      `${result.accepted}/${result.sent}`,
      pair(result.http),
      dashboard ? `${pair(dashboard)}${dashboard.missing ? ` (-${dashboard.missing})` : ''}` : '–',
      mail ? `${pair(mail)}${mail.missing ? ` (-${mail.missing})` : ''}` : '–',
      ms(result.senderLag.p99),
      result.overbooking ? (result.overbooking.ok ? `ok ${result.overbooking.listed}/${result.overbooking.capacity}` : 'OVERBOOKED?') : '–',
      result.verdict.sustained ? 'yes' : `no: ${result.verdict.reasons[0]}`,
    ]);
  }
  return table(rows);
}

const CPU_GROUPS = ['bench', 'registration', 'notifications', 'dashboard', 'scheduling', 'postgres (bench db)', 'postgres (shared)', 'rabbitmq', 'other'];

export function cpuTable(results: PhaseResult[]): string {
  const groups = CPU_GROUPS;
  const rows = [['system', 'phase', 'offered/s', 'machine', ...groups.map((group) => group.replace('postgres', 'pg'))]];
  for (const result of results) {
    rows.push([
      systemOf(result),
      result.kind,
      String(result.rate),
      result.cpu.machine.toFixed(2),
      ...groups.map((group) => (result.cpu.groups[group] === undefined ? '–' : result.cpu.groups[group].toFixed(2))),
    ]);
  }
  return table(rows);
}

/** Context switches of each group per registration sent, while sending (`CpuUsage.switches`). */
export function switchesTable(results: PhaseResult[]): string {
  const groups = CPU_GROUPS.filter((group) => group !== 'other');
  const rows = [['system', 'phase', 'offered/s', 'in all', ...groups.map((group) => group.replace('postgres', 'pg'))]];
  for (const result of results) {
    const perSecond = result.sent / result.cpu.seconds;
    const per = (group: string) => (result.cpu.switches[group] === undefined ? undefined : result.cpu.switches[group] / perSecond);
    const all = groups.reduce((sum, group) => sum + (per(group) ?? 0), 0);
    rows.push([systemOf(result), result.kind, String(result.rate), all.toFixed(0), ...groups.map((group) => per(group)?.toFixed(1) ?? '–')]);
  }
  return table(rows);
}

/** The system of a phase, with how many instances of each of its processes ran when more than one. */
export function systemOf(result: Pick<PhaseResult, 'system' | 'instances'>): string {
  return result.instances > 1 ? `${result.system} ×${result.instances}` : result.system;
}
