/**
 * `npm run bench:flame -- DIR|FILE.cpuprofile… [--top 25] [--per N]`: reads V8 CPU profiles (those of
 * `bench:registrations --profile DIR`, or any `--cpu-prof` file), prints for each where the CPU went
 * (by package or part of the code, and the functions with the most self time) and writes an SVG flame
 * graph beside it (`<file>.svg`: hover a frame for its name and share). `--per N`: also in ms per
 * registration, N being the registrations the phase sent.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { table } from './harness/stats.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: flag, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' }, per: { type: 'string' }, 'no-svg': { type: 'boolean', default: false } },
  allowPositionals: true,
});
const files = positionals.flatMap((path) =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('.cpuprofile'))
        .sort()
        .map((name) => join(path, name))
    : [path],
);
if (!files.length) {
  console.error('usage: npm run bench:flame -- DIR|FILE.cpuprofile… [--top 25] [--per N] [--no-svg]');
  process.exit(2);
}
const per = flag.per ? Number(flag.per) : undefined;

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { byId, self, total } = selfTimes(profile);
  const busy = total - (selfOf('(idle)') ?? 0);
  function selfOf(name: string): number | undefined {
    let sum = 0;
    for (const [id, micros] of self) if (byId.get(id)!.callFrame.functionName === name && !byId.get(id)!.callFrame.url) sum += micros;
    return sum;
  }
  console.log(
    `\n${basename(file)}: ${(busy / 1000).toFixed(0)} ms busy of ${(total / 1000).toFixed(0)} ms sampled (${((100 * busy) / total).toFixed(0)}% of one core)`,
  );

  const byPart = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    const part = partOf(frame);
    byPart.set(part, (byPart.get(part) ?? 0) + micros);
    const fn = `${frame.functionName || '(anonymous)'} ${shortUrl(frame)}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  }
  const rows = (map: Map<string, number>, limit: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => [
        name.slice(0, 110),
        `${((100 * micros) / busy).toFixed(1)}%`,
        (micros / 1000).toFixed(0),
        ...(per ? [(micros / 1000 / per).toFixed(3)] : []),
      ]);
  const head = (what: string) => [what, 'share of busy', 'ms', ...(per ? ['ms / registration'] : [])];
  console.log(table([head('self time by part of the code'), ...rows(byPart, 20)]));
  console.log(table([head('self time by function'), ...rows(byFunction, Number(flag.top))]));
  console.log(table([head('total time (self and callees) by function of the code or a package entry'), ...rows(totals(profile, byId), Number(flag.top))]));
  if (!flag['no-svg']) {
    writeFileSync(`${file}.svg`, flameGraph(profile, byId, self, basename(file)));
  }
}

/** Each node's self time (µs): the time to the next sample is the sample's. */
function selfTimes(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const micros = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + micros);
    total += micros;
  }
  return { byId, self, total };
}

/**
 * Each function's time with what it called (a sample counts once per function on its stack), for the
 * frames of mission-hub's code and the first frame inside each package: what a call into a library costs.
 */
function totals(profile: CpuProfile, byId: Map<number, ProfileNode>): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const result = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const micros = profile.timeDeltas[i + 1] ?? 0;
    const seen = new Set<string>();
    let callerPart: string | undefined;
    const stack: ProfileNode[] = [];
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
    if (stack[0]?.callFrame.functionName === '(idle)') continue;
    // From the root down: a frame counts if it is mission-hub's, or the entry into a package from another part.
    for (const node of stack.reverse()) {
      const part = partOf(node.callFrame);
      const own = part.startsWith('apps/') || part.startsWith('libs/') || part.startsWith('bench/');
      const entry = !own && part !== callerPart && part !== 'node' && !part.startsWith('(');
      callerPart = part;
      if (!own && !entry) continue;
      const key = `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.set(key, (result.get(key) ?? 0) + micros);
    }
  }
  return result;
}

/** The package (node_modules), Node's own code, or the part of mission-hub a frame is in. */
function partOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 14).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) return 'node';
  const dist = /\/dist\/(apps\/[^/]+\/src\/[^/]+|libs\/[^/]+\/src\/[^/]+|bench\/[^/]+)/.exec(url);
  if (dist) return dist[1].replace('/src/', '/').replace(/\.js$/, '');
  return url;
}

function shortUrl(frame: CallFrame): string {
  if (!frame.url) return '';
  const modules = frame.url.lastIndexOf('/node_modules/');
  const path = modules >= 0 ? frame.url.slice(modules + 14) : frame.url.replace(/^.*\/dist\//, '').replace(/^file:\/\//, '');
  return `${path}:${frame.lineNumber + 1}`;
}

/** A flame graph (root at the bottom is the classic; here the root is on top, as Chrome's "icicle"), frames under 0.1% left out. */
function flameGraph(profile: CpuProfile, byId: Map<number, ProfileNode>, self: Map<number, number>, title: string): string {
  const inclusive = new Map<number, number>();
  const sum = (id: number): number => {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return 0;
    let value = self.get(id) ?? 0;
    for (const child of node.children ?? []) value += sum(child);
    inclusive.set(id, value);
    return value;
  };
  const root = profile.nodes[0].id;
  const all = sum(root);
  const width = 1600;
  const row = 16;
  const boxes: string[] = [];
  let depthMost = 0;
  const place = (id: number, x: number, depth: number) => {
    const value = inclusive.get(id) ?? 0;
    const w = (value / all) * width;
    if (w < width / 1000) return;
    depthMost = Math.max(depthMost, depth);
    const frame = byId.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame)}`;
    const label = escapeXml(name);
    const share = ((100 * value) / all).toFixed(2);
    const fill = colourOf(partOf(frame));
    const text = w > 40 ? `<text x="${(x + 3).toFixed(1)}" y="${depth * row + 12}">${escapeXml(name.slice(0, Math.floor(w / 7)))}</text>` : '';
    boxes.push(
      `<g><title>${label} (${share}%, ${(value / 1000).toFixed(1)} ms)</title><rect x="${x.toFixed(1)}" y="${depth * row}" width="${w.toFixed(1)}" height="${row - 1}" fill="${fill}"/>${text}</g>`,
    );
    let offset = x;
    for (const child of byId.get(id)!.children ?? []) {
      place(child, offset, depth + 1);
      offset += ((inclusive.get(child) ?? 0) / all) * width;
    }
  };
  place(root, 0, 1);
  const height = (depthMost + 2) * row;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" font-size="11">
<text x="4" y="12">${escapeXml(title)}: ${(all / 1000).toFixed(0)} ms busy; width = share of CPU, hover for the frame</text>
${boxes.join('\n')}
</svg>
`;
}

function colourOf(part: string): string {
  if (part.startsWith('apps/') || part.startsWith('libs/') || part.startsWith('bench/')) return '#f2a65a';
  if (part === 'node') return '#9ecae1';
  if (part.startsWith('(')) return '#cccccc';
  return '#a1d99b';
}

function escapeXml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
