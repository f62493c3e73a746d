/**
 * `npm run bench:form`: the registration form's first load in headless Chromium, beside a plain
 * static HTML page with the same fields, in the same run. See docs/benchmarks.md.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { loadWebConfig } from '../apps/web/src/web-config.js';
import { registrationForm } from '../test/support/api.js';
import { createWebApplication } from '../apps/web/src/web.application.js';

const HELP = `npm run bench:form -- [--runs 30] [--chromium /usr/bin/chromium]

Starts the built web entry in-process, with registration's public registration-form call answered by
a stub (a constant answer: the figures are the page's, not the database's), and a static server with a
plain HTML page holding the same <form> (no stylesheet, no script). Loads each page --runs times in a
fresh browser context (a cold cache), alternating, and prints the bytes transferred, the time until
the form can be submitted (parsed and first painted: a plain post works from then on) and until its
script has run (DOMContentLoaded).`;

const { values: flag } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    help: { type: 'boolean' },
  },
});
if (flag.help) {
  console.log(HELP);
  process.exit(0);
}
const runs = Number(flag.runs);

const MISSION = '6f1c2a44-3b7e-4d0a-9a51-2c9e8f7d1b30';
const form = registrationForm(MISSION, { delegations: ['Barcelona', 'EU staff', 'Granada', 'Rome', 'Stuttgart Region'] });

function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const registration = await serve((request, response) => {
  if (request.url === `/api/missions/${MISSION}/registration-form`) response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(form));
  else response.writeHead(404).end();
});
const web = await createWebApplication(loadWebConfig({ NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'warn', REGISTRATION_URL: registration.url }));
await web.listen(0, '127.0.0.1');
const webUrl = `http://127.0.0.1:${(web.getHttpServer() as { address(): AddressInfo }).address().port}`;
const formUrl = `${webUrl}/m/${MISSION}/register?lang=en`;

// The same <form>, every field and option, in a page with nothing else.
const ours = await (await fetch(formUrl)).text();
const formMarkup = /<form[\s\S]*<\/form>/.exec(ours)?.[0];
if (!formMarkup) throw new Error('no form on the page');
const plainPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Register</title></head><body><main><h1>Register for ${form.title}</h1>${formMarkup}</main></body></html>`;
const plain = await serve((request, response) => {
  if (request.url !== '/') response.writeHead(404).end();
  else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(plainPage) }).end(plainPage);
});

interface Load {
  bytes: number;
  requests: number;
  submittableMs: number;
  enhancedMs: number;
  loadMs: number;
}

async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    let requests = 0;
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (event: { requestId: string; response: { url: string } }) => urls.set(event.requestId, event.response.url));
    cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
      requests += 1;
      if (process.env.BENCH_DEBUG) console.log(urls.get(event.requestId), event.encodedDataLength);
    });
    await page.goto(url, { waitUntil: 'load' });
    const timing = await page.evaluate(() => {
      const performance = (globalThis as any).performance;
      const [navigation] = performance.getEntriesByType('navigation');
      const [paint] = performance.getEntriesByName('first-contentful-paint');
      return {
        // The form parsed and on the screen: a plain post works from then on, with or without the script.
        submittable: Math.max(navigation.domInteractive as number, (paint?.startTime as number | undefined) ?? navigation.domInteractive),
        enhanced: navigation.domContentLoadedEventEnd as number,
        load: navigation.loadEventEnd as number,
      };
    });
    const button = page.locator('form button[type="submit"]');
    if (!(await button.isEnabled())) throw new Error(`the form of ${url} cannot be submitted`);
    return { bytes, requests, submittableMs: timing.submittable, enhancedMs: timing.enhanced, loadMs: timing.load };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.9))];

const browser = await chromium.launch({
  executablePath: flag.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results: Record<'ours' | 'plain', Load[]> = { ours: [], plain: [] };
try {
  // One of each first, unmeasured: the browser's own start-up is not the page's.
  await load(browser, formUrl);
  await load(browser, plain.url);
  for (let i = 0; i < runs; i++) {
    results.ours.push(await load(browser, formUrl));
    results.plain.push(await load(browser, plain.url));
  }
} finally {
  await browser.close();
  await web.close();
  registration.server.close();
  plain.server.close();
}

const row = (name: string, loads: Load[]) => {
  const kb = (median(loads.map((l) => l.bytes)) / 1024).toFixed(1);
  return `| ${name} | ${median(loads.map((l) => l.requests))} | ${kb} KB | ${median(loads.map((l) => l.submittableMs)).toFixed(1)} ms | ${p90(loads.map((l) => l.submittableMs)).toFixed(1)} ms | ${median(loads.map((l) => l.enhancedMs)).toFixed(1)} ms | ${median(loads.map((l) => l.loadMs)).toFixed(1)} ms |`;
};
const ratio = median(results.ours.map((l) => l.submittableMs)) / median(results.plain.map((l) => l.submittableMs));
const enhancedRatio = median(results.ours.map((l) => l.enhancedMs)) / median(results.plain.map((l) => l.enhancedMs));
console.log(`\nThe registration form's first load, ${runs} cold loads of each page, headless Chromium, same run\n`);
console.log('| page | requests | bytes transferred | submittable (median) | submittable (p90) | scripts run (median) | load event (median) |');
console.log('|---|---|---|---|---|---|---|');
console.log(row('mission-hub form (/m/:id/register)', results.ours));
console.log(row('plain static HTML, same fields', results.plain));
console.log(
  `\nTime until submittable (parsed and painted), form ÷ plain page: ${ratio.toFixed(2)} (aim: at most 2); until its script has run: ${enhancedRatio.toFixed(2)}.`,
);
console.log("Bytes aim: under 100 KB. The machine's load shows in every figure; the ratios, taken in one interleaved run, less so.");
