import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** The distribution's Chromium, headless, with nothing of its own going to the network. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

export interface BrowserSupport {
  readonly browser: Browser;
  /** A page in a context of its own (cookies, storage, language, JavaScript on or off), closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/** One Chromium for a test file; a new context for each page a test opens, closed after the test. */
export function useBrowser(): BrowserSupport {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is used before it started');
      return browser;
    },
    async newPage(options: BrowserContextOptions = {}) {
      if (!browser) throw new Error('the browser is used before it started');
      const context = await browser.newContext({ locale: 'en-GB', ...options });
      contexts.push(context);
      return context.newPage();
    },
  };
}

let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core (from node_modules: nothing fetched) on the page as it stands and fails on any
 * serious or critical violation, listing each with the elements it found. Evaluated through the
 * browser's debugging protocol, so the page's Content-Security-Policy does not have to allow it.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  axeSource ??= readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] }, undefined);
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
  const serious = violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(({ id, impact, help, nodes }) => `${impact} ${id}: ${help} (${nodes.map(({ target }) => target.join(' ')).join('; ')})`);
  expect({ url: page.url(), serious }).toEqual({ url: page.url(), serious: [] });
}
