import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Where the machine's CPU went during a phase, read from /proc (Linux): the processes this run
 * started, the bench itself, Postgres split into this run's database and the rest, RabbitMQ, and
 * everything else (the other engineers' tests, the noise).
 */
export interface CpuSnapshot {
  at: number;
  /** Busy and total jiffies of the whole machine. */
  busy: number;
  total: number;
  perPid: Map<number, { ticks: number; switches: number; group: string }>;
}

export interface CpuUsage {
  seconds: number;
  /** Cores used on average, by group; `machine` is the whole machine, `cores` how many it has. */
  groups: Record<string, number>;
  machine: number;
  cores: number;
  /**
   * Context switches per second, by group (every thread's, voluntary and not): how often its
   * processes went to sleep and were woken. On a small VM each costs far more than the work that
   * follows (a trivial node:http request costs ~400–700 µs of CPU here), so this says more than the
   * CPU itself about what a change of protocol saved. Not for `other`.
   */
  switches: Record<string, number>;
}

const TICKS_PER_SECOND = 100;

export class CpuSampler {
  private readonly named = new Map<number, string>();

  constructor(private readonly database: string) {}

  /** A process of this run, reported under its own name. */
  track(pid: number | undefined, name: string): void {
    if (pid) this.named.set(pid, name);
  }

  snapshot(): CpuSnapshot {
    const perPid = new Map<number, { ticks: number; switches: number; group: string }>();
    const [busy, total] = machineTicks();
    for (const entry of safeReaddir('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      const ticks = processTicks(pid);
      if (ticks === undefined) continue;
      const group = this.groupOf(pid);
      if (group) perPid.set(pid, { ticks, switches: contextSwitches(pid), group });
    }
    return { at: performance.now(), busy, total, perPid };
  }

  usage(from: CpuSnapshot, to: CpuSnapshot): CpuUsage {
    const seconds = (to.at - from.at) / 1000;
    const groups: Record<string, number> = {};
    const switches: Record<string, number> = {};
    for (const [pid, now] of to.perPid) {
      const before = from.perPid.get(pid);
      groups[now.group] = (groups[now.group] ?? 0) + Math.max(0, now.ticks - (before?.ticks ?? 0)) / TICKS_PER_SECOND / seconds;
      switches[now.group] = (switches[now.group] ?? 0) + Math.max(0, now.switches - (before?.switches ?? 0)) / seconds;
    }
    const cores = coreCount();
    const machine = to.total > from.total ? ((to.busy - from.busy) / (to.total - from.total)) * cores : 0;
    const known = Object.values(groups).reduce((sum, value) => sum + value, 0);
    groups.other = Math.max(0, machine - known);
    return { seconds, groups, machine, cores, switches };
  }

  private groupOf(pid: number): string | undefined {
    if (pid === process.pid) return 'bench';
    const named = this.named.get(pid);
    if (named) return named;
    const comm = readText(`/proc/${pid}/comm`)?.trim();
    if (comm === 'postgres') {
      // A backend's title names its database: "postgres: postgres mission_hub_bench 127.0.0.1(…) idle".
      const title = readText(`/proc/${pid}/cmdline`)?.replaceAll('\0', ' ') ?? '';
      if (title.includes(` ${this.database} `)) return 'postgres (bench db)';
      if (/: (walwriter|checkpointer|background writer|autovacuum|logical replication|stats|archiver)/.test(title) || !title.startsWith('postgres: ')) {
        return 'postgres (shared)';
      }
      return undefined; // backends of other databases: the other engineers' tests
    }
    if (comm === 'beam.smp') return 'rabbitmq';
    return undefined;
  }
}

function machineTicks(): [number, number] {
  const line = readText('/proc/stat')?.split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return [total - idle, total];
}

function processTicks(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Fields after the command name (which may hold spaces and parentheses): utime is the 14th field, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Voluntary and involuntary context switches of all the process's threads (a thread that ended takes its own with it). */
function contextSwitches(pid: number): number {
  let sum = 0;
  for (const thread of safeReaddir(`/proc/${pid}/task`)) {
    const status = readText(`/proc/${pid}/task/${thread}/status`) ?? '';
    for (const match of status.matchAll(/^(?:non)?voluntary_ctxt_switches:\s+(\d+)$/gm)) sum += Number(match[1]);
  }
  return sum;
}

function coreCount(): number {
  return (readText('/proc/stat') ?? '').split('\n').filter((line) => /^cpu\d+ /.test(line)).length || 1;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
