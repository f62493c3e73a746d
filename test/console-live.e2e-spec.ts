import { signOrganiserToken } from '#common';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { call, openMission, registrationInput } from './support/api.js';
import { CHROMIUM, expectNoSeriousA11yViolations, useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { JWT_SECRET, useSystem } from './support/system.js';
import { useWeb } from './support/web.js';

const SCREENSHOT = 'docs/screenshots/console-live.png';

/**
 * A camera's picture of a QR code, as Chromium's fake camera reads it (Y4M: 4:2:0 frames, black
 * modules on white with the quiet zone), so that the check-in page's scanner sees what a phone
 * held up to the participant's page would.
 */
function qrCodeVideo(text: string, path: string): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = 8;
  const side = 320;
  const offset = Math.floor((side - modules.size * scale) / 2);
  const luma = Buffer.alloc(side * side, 235);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor((y - offset) / scale);
      const column = Math.floor((x - offset) / scale);
      if (row >= 0 && column >= 0 && row < modules.size && column < modules.size && modules.get(row, column)) luma[y * side + x] = 16;
    }
  }
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame, frame, frame]));
}

describe('the organiser console: live page, registrations, check-in, deliveries', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'dashboard', 'notifications'] });
  const web = useWeb(system);
  const browsers = useBrowser();
  let missionId: string;
  let otherMissionId: string;
  /** An organiser of the mission only, and one of the other mission only. */
  let organiser: string;
  let otherOrganiser: string;
  let sequence = 100;

  beforeAll(async () => {
    ({ missionId } = await openMission(system, { approval: 'manual' }, { title: 'Smart cities mission to Chengdu and Liuzhou' }));
    ({ missionId: otherMissionId } = await openMission(system, { approval: 'automatic' }, { title: 'Green ports mission to Qingdao' }));
    organiser = system.organiserToken([missionId], 'ana.organiser@test');
    otherOrganiser = system.organiserToken([otherMissionId], 'olaf.other@test');
    // The first registration of a run wakes every consumer's cold paths; the timed one is not the first.
    await register({}, otherMissionId);
    await eventually(
      async () => (await call(`${web.url}/api/missions/${otherMissionId}/summary`, { token: otherOrganiser })).body?.registrations?.total === 1,
      { what: 'the warm-up registration to reach the dashboard' },
    );
  });

  /** The text of an element once it satisfies `expected` (what a person waits to read after an action). */
  async function textOf(page: Page, selector: string, expected: (text: string) => boolean, what: string): Promise<string> {
    let last = '';
    try {
      return await eventually(
        async () => {
          last = (await page.locator(selector).textContent()) ?? '';
          return expected(last) ? last : undefined;
        },
        { what },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}: ${selector} on ${page.url()} says ${JSON.stringify(last)}`, { cause: error });
    }
  }

  async function register(overrides: Record<string, unknown> = {}, mission = missionId): Promise<{ id: string; accessToken: string; name: string }> {
    sequence += 1;
    const input = registrationInput(sequence, overrides);
    const answer = await call(`${web.url}/api/missions/${mission}/registrations`, { body: input });
    expect(answer.status).toBe(201);
    return { id: answer.body.id, accessToken: answer.body.accessToken, name: `${input.givenName} ${input.familyName}` };
  }

  async function signIn(token: string, options: Parameters<typeof browsers.newPage>[0] = {}): Promise<Page> {
    const page = await browsers.newPage(options);
    await page.goto(`${web.url}/console/sign-in`);
    await page.getByLabel('Organiser token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/console`);
    return page;
  }

  it('signs an organiser in with a token, lists their missions only, and refuses a token that is not valid', async () => {
    const page = await browsers.newPage();
    const first = await page.goto(`${web.url}/console`);
    expect(page.url()).toBe(`${web.url}/console/sign-in`);
    expect(first?.status()).toBe(200);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Organiser token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#token-error').textContent()).resolves.toContain('not valid');
    expect((await page.context().cookies()).find((cookie) => cookie.name === 'mh_organiser')).toBeUndefined();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Organiser token').fill(organiser);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/console`);
    const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'mh_organiser');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    await expect(page.getByRole('link', { name: 'Smart cities mission to Chengdu and Liuzhou' }).count()).resolves.toBe(1);
    await expect(page.getByText('Green ports mission to Qingdao').count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${web.url}/console?lang=zh`);
    await expect(page.getByRole('heading', { name: '我的考察团' }).count()).resolves.toBe(1);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.goto(`${web.url}/console?lang=en`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in\?signedOut=1$/);
    expect((await page.context().cookies()).find((candidate) => candidate.name === 'mh_organiser')).toBeUndefined();
  });

  it('shows a new registration on the live page within a second of the POST, without a reload, and the counters follow', async () => {
    const page = await signIn(organiser);
    await page.goto(`${web.url}/console/m/${missionId}`);
    await eventually(async () => (await page.locator('#stream-status').textContent())?.startsWith('Live'), { what: 'the stream to open' });
    const pendingBefore = Number(await page.locator('[data-counter="pending_approval"]').textContent());
    // Anything the page held before survives only if it was not reloaded.
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));

    // When the row appears, by the page's clock (the machine's, as the test's): Playwright's own polling would add up to 500 ms to it.
    await page.evaluate(() => {
      const window = globalThis as any;
      const events = window.document.getElementById('events');
      new window.MutationObserver(() => {
        if (window.shownAt === undefined && events.textContent.includes('Laura Rossi')) window.shownAt = Date.now();
      }).observe(events, { childList: true, subtree: true });
    });
    const posted = Date.now();
    const newcomer = await register({
      givenName: 'Laura',
      familyName: 'Rossi',
      delegation: 'Rome',
      organisation: { name: 'Roma Capitale', type: 'city', country: 'IT' },
    });
    const answeredAfterMs = Date.now() - posted;
    await page.locator('#events li[data-type="registration.submitted"]', { hasText: 'Laura Rossi' }).waitFor({ timeout: 5_000 });
    const shownAfterMs = (await page.evaluate(() => (globalThis as unknown as { shownAt: number }).shownAt)) - posted;
    expect({ shownAfterMs, answeredAfterMs, within: shownAfterMs < 1_000 }).toEqual({ shownAfterMs, answeredAfterMs, within: true });
    // The registration's own line (the mail sent to her may be listed above it by then).
    await expect(page.locator('#events li[data-type="registration.submitted"]', { hasText: 'Laura Rossi' }).textContent()).resolves.toContain('Roma Capitale');
    await eventually(async () => Number(await page.locator('[data-counter="pending_approval"]').textContent()) === pendingBefore + 1, {
      what: 'the counter of registrations awaiting approval to follow',
    });
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(newcomer.id).toBeTruthy();
    await expectNoSeriousA11yViolations(page);

    if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(SCREENSHOT)) {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: SCREENSHOT, fullPage: false });
    }
  });

  it('resumes the live page after a dropped connection, missing and repeating no event', async () => {
    const page = await signIn(organiser);
    await page.goto(`${web.url}/console/m/${missionId}`);
    await textOf(page, '#stream-status', (text) => text.startsWith('Live'), 'the stream to open');
    await page.locator('#events li').first().waitFor();

    await page.evaluate(() => {
      // The page's own globals (the test's types have no DOM).
      const window = globalThis as any;
      const seen: string[] = [];
      window.statuses = seen;
      const status = window.document.getElementById('stream-status');
      new window.MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    // The stream's connection goes (a proxy restarting, say): the web entry's upstream ends, and so does the browser's stream.
    (system.app('dashboard').getHttpServer() as import('node:http').Server).closeAllConnections();
    const during = await register({ givenName: 'Irene', familyName: 'Bauer', delegation: 'Stuttgart Region' });
    const irene = page.locator('#events li[data-type="registration.submitted"]', { hasText: 'Irene Bauer' });
    await irene.first().waitFor({ timeout: 15_000 });
    await textOf(page, '#stream-status', (text) => text.startsWith('Live'), 'the stream to be live again');
    const statuses = await page.evaluate(() => (globalThis as unknown as { statuses: string[] }).statuses);
    expect(statuses.some((text) => text.includes('reconnecting'))).toBe(true);
    const positions = await page.locator('#events li').evaluateAll((items) => items.map((item) => item.getAttribute('data-position')));
    expect(new Set(positions).size).toBe(positions.length);
    await expect(irene.count()).resolves.toBe(1);
    expect(during.id).toEqual(expect.any(String));
  });

  it('says when the live stream stopped because the sign-in ended', async () => {
    const shortLived = signOrganiserToken(JWT_SECRET, { sub: 'brief@test', role: 'organiser', missions: [missionId] }, 25);
    const page = await signIn(shortLived);
    await page.goto(`${web.url}/console/m/${missionId}`);
    // The stream delivered (the mission's log replayed), then it ends with the token.
    await page.locator('#events li').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('#stream-stopped').isHidden()).toBe(true);
    await page.locator('#stream-stopped').waitFor({ state: 'visible', timeout: 40_000 });
    await textOf(page, '#stream-status', (text) => text.includes('stopped'), 'the stream to say it stopped');
    await expect(page.getByRole('link', { name: 'Sign in again' }).getAttribute('href')).resolves.toContain(`next=%2Fconsole%2Fm%2F${missionId}`);
  });

  it('approves inline, rejects with a reason without JavaScript, filters, exports CSV, and the participant reads the decision', async () => {
    const approved = await register({ givenName: 'Jordi', familyName: 'Puig', organisation: { name: 'Ajuntament de Barcelona', type: 'city', country: 'ES' } });
    const rejected = await register({
      givenName: 'Hans',
      familyName: 'Maier',
      delegation: 'Stuttgart Region',
      organisation: { name: 'Region Stuttgart', type: 'government', country: 'DE' },
    });

    const page = await signIn(organiser);
    await page.goto(`${web.url}/console/m/${missionId}/registrations?status=pending_approval`);
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.getByRole('button', { name: `Approve ${approved.name}` }).click();
    await textOf(page, '#decision-notice', (text) => text.includes(`${approved.name}: approved, now Confirmed`), 'the approval to be told');
    await expect(page.locator(`#registration-${approved.id}`).getAttribute('data-status')).resolves.toBe('confirmed');
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // The participant, with their own token, reads what the organiser decided.
    const own = await call(`${web.url}/api/registrations/${approved.id}`, { token: approved.accessToken });
    expect(own.body).toMatchObject({ id: approved.id, status: 'confirmed' });
    // And on their own page, in the session the form gave them.
    const participant = await browsers.newPage();
    await participant.context().addCookies([
      { name: 'mh_participant', value: approved.accessToken, url: web.url },
      { name: 'mh_participant_of', value: `${missionId}.${approved.id}`, url: web.url },
    ]);
    await participant.goto(`${web.url}/p/${approved.id}/registration`);
    await expect(participant.locator('main').textContent()).resolves.toContain('Confirmed');

    const plain = await signIn(organiser, { javaScriptEnabled: false });
    await plain.goto(`${web.url}/console/m/${missionId}/registrations?status=pending_approval`);
    const row = plain.locator(`#registration-${rejected.id}`);
    await row.locator('summary').click();
    await row.getByLabel('Reason for rejecting').fill('The delegation is full');
    await row.getByRole('button', { name: `Reject ${rejected.name}` }).click();
    await plain.waitForURL(/failed=|done=/);
    await textOf(plain, '#decision-notice', (text) => text.includes('Rejected'), 'the rejection to be told');
    const decided = await call(`${web.url}/api/registrations/${rejected.id}`, { token: rejected.accessToken });
    expect(decided.body).toMatchObject({ status: 'rejected', rejectionReason: 'The delegation is full' });

    // Deciding again is refused in words.
    await page.goto(`${web.url}/console/m/${missionId}/registrations`);
    const again = await page.evaluate(
      async ({ missionId, id }) => {
        const response = await fetch(`/console/m/${missionId}/registrations/${id}/approve`, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
          body: '',
        });
        return { status: response.status, body: await response.json() };
      },
      { missionId, id: rejected.id },
    );
    expect(again).toMatchObject({ status: 409, body: { ok: false, notice: expect.stringContaining('Rejected') } });

    await page.getByLabel('Status').selectOption('confirmed');
    await page.getByLabel('Country').fill('es');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/status=confirmed/);
    await expect(page.locator(`#registration-${approved.id}`).count()).resolves.toBe(1);
    await expect(page.locator(`#registration-${rejected.id}`).count()).resolves.toBe(0);
    const csvHref = await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href');
    expect(csvHref).toBe(`/api/missions/${missionId}/registrations?status=confirmed&country=ES&format=csv`);
    const csv = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    }, csvHref!);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.text).toContain(approved.id);
    expect(csv.text).not.toContain(rejected.id);
  });

  it('checks a participant in by the typed code, and says why not when it cannot', async () => {
    const arriving = await register({
      givenName: 'Wei',
      familyName: 'Li',
      delegation: 'Liuzhou',
      organisation: { name: 'Liuzhou Big Data Bureau', type: 'government', country: 'CN' },
    });
    const waiting = await register({ givenName: 'Carmen', familyName: 'Ruiz' });
    expect((await call(`${web.url}/api/registrations/${arriving.id}/approve`, { method: 'POST', token: organiser })).status).toBe(200);

    const page = await signIn(organiser);
    await page.goto(`${web.url}/console/m/${missionId}/check-in`);
    await expectNoSeriousA11yViolations(page);
    const code = page.getByLabel('Check-in code');
    await code.fill(arriving.id.slice(0, 8).toUpperCase());
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await textOf(page, '#check-in-result', (text) => text.includes('Checked in: Wei Li, Liuzhou Big Data Bureau (Liuzhou)'), 'the check-in to be confirmed');
    const checked = await call(`${web.url}/api/registrations/${arriving.id}`, { token: organiser });
    expect(checked.body.checkedInAt).toEqual(expect.any(String));

    await code.fill(arriving.id);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await eventually(async () => (await page.locator('#check-in-result').textContent())?.includes('Wei Li checked in already'), {
      what: 'the second scan to be refused',
    });
    await code.fill(waiting.id);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await eventually(async () => (await page.locator('#check-in-result').textContent())?.includes('Awaiting approval'), {
      what: 'a pending registration to be refused',
    });
    await code.fill('0123abcd');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await eventually(async () => (await page.locator('#check-in-result').textContent())?.includes('no registration of this mission has this code'), {
      what: 'an unknown code',
    });

    // Without JavaScript, the form posts and the page says the same.
    const plain = await signIn(organiser, { javaScriptEnabled: false });
    await plain.goto(`${web.url}/console/m/${missionId}/check-in`);
    await plain.getByLabel('Check-in code').fill(arriving.id);
    await plain.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(plain.locator('#check-in-result').textContent()).resolves.toContain('Wei Li checked in already');
  });

  it('checks a participant in by the QR code read with the camera, loading the QR decoder on the check-in page only', async () => {
    const arriving = await register({ givenName: 'Chiara', familyName: 'Conti', delegation: 'Rome' });
    expect((await call(`${web.url}/api/registrations/${arriving.id}/approve`, { method: 'POST', token: organiser })).status).toBe(200);
    const directory = mkdtempSync(join(tmpdir(), 'mission-hub-camera-'));
    const video = join(directory, 'qr.y4m');
    qrCodeVideo(arriving.id, video);
    // A browser of its own: its camera is a file showing the participant's QR code, and allowed without asking.
    const browser = await chromium.launch({
      ...CHROMIUM,
      args: [...CHROMIUM.args, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      await page.goto(`${web.url}/console/sign-in`);
      await page.getByLabel('Organiser token').fill(organiser);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${web.url}/console`);
      await page.goto(`${web.url}/console/m/${missionId}`);
      expect(scripts.filter((url) => url.includes('qr-decoder'))).toEqual([]);

      await page.goto(`${web.url}/console/m/${missionId}/check-in`);
      await page.getByRole('button', { name: 'Scan a QR code' }).click();
      await textOf(page, '#check-in-result', (text) => text.includes('Checked in: Chiara Conti'), 'the scanned participant to be checked in');
      const checked = await call(`${web.url}/api/registrations/${arriving.id}`, { token: organiser });
      expect(checked.body.checkedInAt).toEqual(expect.any(String));
      // Headless Chromium on Linux has no BarcodeDetector: the page fetched jsQR's bundle, then.
      const detector = await page.evaluate(() => 'BarcodeDetector' in globalThis);
      if (!detector) expect(scripts.filter((url) => url.includes('qr-decoder'))).toHaveLength(1);
      await page.getByRole('button', { name: 'Stop the camera' }).click();
    } finally {
      await browser.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('shows the delivery log, filtered by status', async () => {
    const mailed = await register({ givenName: 'Marta', familyName: 'Ferri', email: 'marta.ferri@example.org' });
    expect(mailed.id).toBeTruthy();
    const page = await signIn(organiser);
    await eventually(
      async () => {
        await page.goto(`${web.url}/console/m/${missionId}/deliveries?status=sent`);
        return (await page.locator('tr', { hasText: 'marta.ferri@example.org' }).count()) === 1;
      },
      { what: 'the e-mail to Marta to be in the delivery log as sent', intervalMs: 250 },
    );
    await expect(page.locator('tbody tr[data-status="pending"]').count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page);
  });

  it('shows an organiser of another mission none of it', async () => {
    const private_ = await register({ givenName: 'Secret', familyName: 'Participant' });
    const page = await signIn(otherOrganiser);
    for (const path of ['', '/registrations', '/registrations?status=pending_approval', '/check-in', '/deliveries', '/live/counters']) {
      const response = await page.goto(`${web.url}/console/m/${missionId}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 403 });
      const text = (await page.content()).toString();
      expect(text).not.toContain('Smart cities mission to Chengdu and Liuzhou');
      expect(text).not.toContain('Secret');
      expect(text).not.toContain(private_.id);
    }
    await expect(page.getByRole('heading', { name: 'Not one of your missions' }).count()).resolves.toBe(1);
    await expectNoSeriousA11yViolations(page);

    // Nor can it decide, check in or read through the API with its session.
    const attempts = await page.evaluate(
      async ({ missionId, id }) => {
        const post = (path: string, body: string) =>
          fetch(path, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body }).then(
            (r) => r.status,
          );
        return {
          approve: await post(`/console/m/${missionId}/registrations/${id}/approve`, ''),
          checkIn: await post(`/console/m/${missionId}/check-in`, `code=${id}`),
          api: await fetch(`/api/missions/${missionId}/registrations`).then((r) => r.status),
          stream: await fetch(`/api/missions/${missionId}/stream`).then((r) => r.status),
        };
      },
      { missionId, id: private_.id },
    );
    expect(attempts).toEqual({ approve: 403, checkIn: 403, api: 403, stream: 403 });
    const still = await call(`${web.url}/api/registrations/${private_.id}`, { token: organiser });
    expect(still.body).toMatchObject({ status: 'pending_approval', checkedInAt: null });
  });
});
