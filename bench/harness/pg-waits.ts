/**
 * Where the database time of a phase goes: pg_stat_activity of the bench database, sampled every
 * 100 ms while the phase sends. Each row is a kind of session state (which service, waiting on
 * what, in which statement) with how many sessions were in it on average: e.g. 14 registration
 * sessions queued on a row lock while the one holding it waits for its service's next statement.
 */
export interface WaitProfile {
  samples: number;
  /** Sorted by `sessions`, most first. */
  rows: Array<{ app: string; state: string; query: string; sessions: number }>;
}

type Query = (sql: string) => Promise<{ rows: Array<Record<string, string>> }>;

const SAMPLE_SQL = `
  SELECT application_name AS app,
         CASE WHEN state LIKE 'idle in transaction%' THEN 'idle in transaction (waits for its client)'
              WHEN wait_event_type IS NULL THEN 'running'
              WHEN wait_event_type = 'Lock' AND wait_event = 'object' AND query ILIKE 'commit%' THEN 'Lock:object (NOTIFY queue lock at commit)'
              ELSE wait_event_type || ':' || wait_event END AS state,
         left(regexp_replace(query, '\\s+', ' ', 'g'), 48) AS query
    FROM pg_stat_activity
   WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle' AND backend_type = 'client backend'`;

export class PgWaitSampler {
  private counts = new Map<string, number>();
  private samples = 0;
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(private readonly query: Query) {}

  start(): void {
    this.counts = new Map();
    this.samples = 0;
    this.timer = setInterval(() => void this.sample(), 100);
  }

  stop(): WaitProfile {
    clearInterval(this.timer);
    const rows = [...this.counts.entries()]
      .map(([key, count]) => {
        const [app, state, query] = key.split('\u0000');
        return { app, state, query, sessions: count / Math.max(1, this.samples) };
      })
      .sort((a, b) => b.sessions - a.sessions);
    return { samples: this.samples, rows };
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.query(SAMPLE_SQL);
      this.samples += 1;
      for (const row of rows) {
        const key = [row.app || '?', row.state, row.query].join('\u0000');
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      }
    } catch {
      // a missed sample
    } finally {
      this.busy = false;
    }
  }
}
