import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The processes this run started, and only those: stopped by their pid at the end, or at exit. */
export class Children {
  private readonly children = new Map<string, ChildProcess>();

  constructor(readonly logDir: string) {
    // If the bench dies without cleaning up, its children must not outlive it.
    process.once('exit', () => {
      for (const child of this.children.values()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
  }

  logOf(name: string): string {
    return join(this.logDir, `${name}.log`);
  }

  /** A plain child (a service's main.js), its output in `<logDir>/<name>.log`. */
  spawn(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
    const log = createWriteStream(this.logOf(name));
    const child = spawn(process.execPath, [...nodeArgs, script], {
      env: { ...process.env, BENCH_PROFILE_NAME: name, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.children.set(name, child);
    return child;
  }

  /** A child with an IPC channel (the bare system's processes report over it). */
  fork(name: string, script: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
    const log = createWriteStream(this.logOf(name));
    const child = fork(script, args, {
      env: { ...process.env, BENCH_PROFILE_NAME: name, ...env },
      execArgv: nodeArgs,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.children.set(name, child);
    return child;
  }

  get(name: string): ChildProcess | undefined {
    return this.children.get(name);
  }

  tail(name: string, lines = 20): string {
    try {
      return readFileSync(this.logOf(name), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** How far each child's log has got: pass to `logWarnings` to read what was logged since. */
  logMarks(): Map<string, number> {
    const marks = new Map<string, number>();
    for (const name of this.children.keys()) {
      try {
        marks.set(name, statSync(this.logOf(name)).size);
      } catch {
        marks.set(name, 0);
      }
    }
    return marks;
  }

  /**
   * The warnings and errors the children logged since `marks`, counted by message: pino JSON lines
   * of level warn and above (with their reason), and the bare processes' own "bare …:" lines.
   */
  logWarnings(marks: Map<string, number>): string[] {
    const found: string[] = [];
    for (const [name, from] of marks) {
      const counts = new Map<string, number>();
      for (const line of readFrom(this.logOf(name), from).split('\n')) {
        let message: string | undefined;
        if (line.startsWith('{')) {
          try {
            const entry = JSON.parse(line) as { level?: number; msg?: string; reason?: string; err?: { message?: string } };
            if ((entry.level ?? 0) >= 40) message = [entry.msg, entry.reason ?? entry.err?.message].filter(Boolean).join(': ');
          } catch {
            // not a log line
          }
        } else if (line.startsWith('bare ')) {
          message = line;
        }
        if (message) counts.set(message.slice(0, 100), (counts.get(message.slice(0, 100)) ?? 0) + 1);
      }
      for (const [message, count] of [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3)) found.push(`${name}: ${count}× ${message}`);
    }
    return found;
  }

  /** SIGTERM to each child by pid, SIGKILL to any that has not exited after `graceMs`. */
  async stopAll(graceMs = 10_000): Promise<void> {
    await Promise.all(
      [...this.children.entries()].map(async ([name, child]) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
        this.children.delete(name);
      }),
    );
  }
}

function readFrom(path: string, offset: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = statSync(path).size;
    const length = Math.min(Math.max(0, size - offset), 8 * 1024 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    return buffer.toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `url` until it answers 2xx; fails early if the process exits. */
export async function waitReady(url: string, child: ChildProcess | undefined, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null))
      throw new Error(`${what} exited (${child.signalCode ?? child.exitCode}) before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s (${url})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
