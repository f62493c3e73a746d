/**
 * `npm run bench:http`: the HTTP stack alone, side by side in one run: node:http, Nest on Express (what
 * the services run) and Nest on Fastify, each answering the registration form's POST (parsed and checked
 * with the form's zod schema, nothing stored), driven open-loop at fixed rates, the three taking turns.
 * Prints, per stack and rate, the server's CPU per request (from /proc) and the latency. See
 * docs/benchmarks.md.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { registrationInput } from '../test/support/api.js';
import { CpuSampler } from './harness/cpu.js';
import { runOpenLoop } from './harness/load.js';
import { distribution, pair, table } from './harness/stats.js';

const { values: flag } = parseArgs({
  options: {
    rates: { type: 'string', default: '200,800' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
  },
});
const stacks = ['node', 'express', 'fastify'] as const;
const rates = String(flag.rates).split(',').map(Number);
const seconds = Number(flag.seconds);
const rounds = Number(flag.rounds);

const servers = new Map<(typeof stacks)[number], { child: ChildProcess; pool: Pool }>();
const cpu = new CpuSampler('-');
try {
  for (const stack of stacks) {
    const child = fork(fileURLToPath(new URL('./http/server.js', import.meta.url)), [stack], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', resolve as (m: unknown) => void));
    cpu.track(child.pid, stack);
    servers.set(stack, { child, pool: new Pool(`http://127.0.0.1:${port}`, { connections: 128, pipelining: 1 }) });
  }
  const rows: string[][] = [['stack', 'rate/s', 'round', 'answered/s', 'HTTP p50 / p99 ms', 'server CPU µs / request', 'vs node:http']];
  for (let round = 1; round <= rounds; round++) {
    for (const rate of [100, ...rates]) {
      const cost = new Map<string, number>();
      for (const stack of stacks) {
        const { pool } = servers.get(stack)!;
        const before = cpu.snapshot();
        const load = await runOpenLoop({
          pool,
          path: '/api/missions/6b0e1a52-8a5e-4c1b-9d57-3f1e2a7c9b10/registrations',
          rate,
          seconds: rate === 100 ? 2 : seconds,
          abortBacklogSeconds: 3,
          body: (n) => {
            const email = `http-${stack}-${round}-${rate}-${n}@bench.example.org`;
            return { email, json: JSON.stringify(registrationInput(n, { email })) };
          },
        });
        const usage = cpu.usage(before, cpu.snapshot());
        // The first pass at 100/s only warms each stack up.
        if (rate === 100) continue;
        const ok = load.samples.filter((sample) => sample.status === 201);
        const perRequest = ((usage.groups[stack] ?? 0) * usage.seconds * 1e6) / Math.max(1, ok.length);
        cost.set(stack, perRequest);
        rows.push([
          stack,
          String(rate),
          String(round),
          (ok.length / usage.seconds).toFixed(0),
          pair(distribution(load.samples.filter((sample) => sample.status !== 0).map((sample) => sample.doneAt - sample.scheduledAt))),
          perRequest.toFixed(0),
          cost.has('node') ? (perRequest / cost.get('node')!).toFixed(2) : '',
        ]);
      }
    }
  }
  console.log(table(rows));
} finally {
  for (const { child, pool } of servers.values()) {
    await pool.destroy();
    child.kill();
  }
}
