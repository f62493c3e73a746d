import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { call, listAll, openMission, registrationInput } from './support/api.js';
import { expectNoSeriousA11yViolations, useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { createSession, placesOf, release, sessionInput } from './support/programme.js';
import { useSystem } from './support/system.js';
import { useWeb } from './support/web.js';

/** A mission's own website, on an origin of its own, that posts the form to the API cross-origin. */
function missionWebsite(): { start(): Promise<string>; stop(): Promise<void> } {
  let server: Server | undefined;
  return {
    async start() {
      server = createServer((_, response) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Mission website</title><h1>Our mission</h1>'),
      );
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      // `localhost`, not 127.0.0.1: another origin than the web entry's.
      return `http://localhost:${(server.address() as AddressInfo).port}`;
    },
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

const allowedSite = missionWebsite();
const otherSite = missionWebsite();
let allowedOrigin: string;
let otherOrigin: string;
beforeAll(async () => {
  [allowedOrigin, otherOrigin] = await Promise.all([allowedSite.start(), otherSite.start()]);
});
afterAll(() => Promise.all([allowedSite.stop(), otherSite.stop()]));

describe('the public pages and the registration form, in a real browser', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications', 'mou-registry'] });
  const web = useWeb(system, {
    get allowedOrigins() {
      return [allowedOrigin];
    },
  });
  const browser = useBrowser();
  let missionId: string;
  let token: string;

  beforeAll(async () => {
    ({ missionId, token } = await openMission(system, { capacity: 50, delegationQuotas: { Barcelona: 10, Chengdu: 10, 'Stuttgart Region': 10 } }));
  });

  const registrationsOf = (id: string) =>
    listAll<{ email: string; preferredLanguage: string; timezone: string; delegation: string | null; status: string }>(
      `${system.url('registration')}/api/missions/${id}/registrations`,
      token,
    );

  async function fillForm(page: Page, labels: Record<string, string>, values: { email: string; delegation?: string }) {
    await page.getByLabel(labels.givenName).fill('伟');
    await page.getByLabel(labels.familyName).fill('李');
    await page.getByLabel(labels.email, { exact: false }).first().fill(values.email);
    await page.getByLabel(labels.organisation, { exact: false }).first().fill('成都高新区');
    await page.getByLabel(labels.type).selectOption('government');
    await page.getByLabel(labels.country).selectOption('CN');
    if (values.delegation) await page.getByLabel(labels.delegation).selectOption(values.delegation);
    await page.getByLabel(labels.consent).check();
  }

  const zh = {
    givenName: '名 (必填)',
    familyName: '姓 (必填)',
    email: '电子邮件地址',
    organisation: '机构名称',
    type: '机构类型 (必填)',
    country: '机构所在国家 (必填)',
    delegation: '代表团 (选填)',
    consent: '我同意为组织本次考察而处理我的个人数据。',
  };
  const en = {
    givenName: 'Given name (required)',
    familyName: 'Family name (required)',
    email: 'E-mail address',
    organisation: 'Organisation (required)',
    type: 'Type of organisation (required)',
    country: 'Country of the organisation (required)',
    delegation: 'Delegation (optional)',
    consent: 'I agree that my data is processed to organise this mission.',
  };

  it('lets a participant register in Chinese and read the result, without a reload', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Europe/Madrid' });
    await page.goto(`${web.url}/m/${missionId}/register`);
    await expect(page.locator('h1').textContent()).resolves.toContain('报名参加');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The browser's zone, chosen by the page's script; the language of the page for e-mails.
    expect(await page.getByLabel('您的时区').inputValue()).toBe('Europe/Madrid');
    expect(await page.getByLabel('邮件语言').inputValue()).toBe('zh-CN');
    await fillForm(page, zh, { email: 'li.wei@example.cn', delegation: 'Chengdu' });
    await page.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
    await page.getByRole('button', { name: '提交报名' }).click();

    await page.getByRole('heading', { level: 1, name: '报名成功' }).waitFor({ timeout: 15_000 });
    await expect(page.locator('main').textContent()).resolves.toContain('li.wei@example.cn');
    expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.getByRole('link', { name: '查看我的报名' }).getAttribute('href')).toBe('/p/');

    const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'mh_participant');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.value).toMatch(/^mhp_/);
    const stored = (await registrationsOf(missionId)).find((registration) => registration.email === 'li.wei@example.cn');
    expect(stored).toMatchObject({ status: 'confirmed', preferredLanguage: 'zh-CN', timezone: 'Europe/Madrid', delegation: 'Chengdu' });
    await expectNoSeriousA11yViolations(page);
  });

  it('says the problems of a Chinese form in Chinese beside their fields, not in the API’s English', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/m/${missionId}/register`);
    await fillForm(page, zh, { email: 'li.wei-at-example.cn' });
    await page.getByLabel(zh.familyName).fill('李'.repeat(101));
    await page.getByRole('button', { name: '提交报名' }).click();

    await eventually(async () => (await page.locator('#f-email').getAttribute('aria-invalid')) === 'true', { what: 'the e-mail field marked invalid' });
    // Registration answered "Invalid email address" and "Too big: expected string to have <=100 characters".
    await expect(page.locator('#f-email-error').textContent()).resolves.toBe('请输入有效的电子邮件地址，例如 name@example.org。');
    await expect(page.locator('#f-familyName-error').textContent()).resolves.toBe('请缩短到 100 个字符以内。');
    await expect(page.locator('.error-summary').textContent()).resolves.not.toMatch(/Invalid|Too big/);
    expect((await registrationsOf(missionId)).some((registration) => registration.email.startsWith('li.wei-at'))).toBe(false);
  });

  it('shows a bad field’s message beside it, keeps the values, focuses it, and stores nothing', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${web.url}/m/${missionId}/register`);
    await fillForm(page, en, { email: 'li.wei-at-example.cn' });
    await page.getByRole('button', { name: 'Register' }).click();

    const email = page.locator('#f-email');
    await eventually(async () => (await email.getAttribute('aria-invalid')) === 'true', { what: 'the e-mail field marked invalid' });
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('f-email-error');
    await expect(page.locator('#f-email-error').textContent()).resolves.toContain('Enter an e-mail address like name@example.org.');
    expect(await email.inputValue()).toBe('li.wei-at-example.cn');
    expect(await page.getByLabel(en.givenName).inputValue()).toBe('伟');
    expect(await page.getByLabel(en.consent).isChecked()).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('f-email');
    await expectNoSeriousA11yViolations(page);
    expect((await registrationsOf(missionId)).map((registration) => registration.email)).not.toContain('li.wei-at-example.cn');
  });

  it('works with JavaScript off, and says what happened: confirmed, waitlisted with the place, awaiting approval, closed', async () => {
    const small = await openMission(system, { capacity: 1 });
    const page = await browser.newPage({ javaScriptEnabled: false });
    const register = async (missionToUse: string, email: string) => {
      await page.goto(`${web.url}/m/${missionToUse}/register`);
      await fillForm(page, en, { email });
      await page.getByRole('button', { name: 'Register' }).click();
      await page.waitForLoadState();
      return page.getByRole('heading', { level: 1 }).textContent();
    };
    expect(await register(small.missionId, 'first@example.org')).toBe('You are registered');
    expect(await register(small.missionId, 'second@example.org')).toBe('You are on the waiting list');
    await expect(page.locator('main').textContent()).resolves.toContain('You are number 1 on the waiting list');
    expect((await registrationsOf(small.missionId)).map(({ email, status }) => [email, status]).sort()).toEqual([
      ['first@example.org', 'confirmed'],
      ['second@example.org', 'waitlisted'],
    ]);

    const manual = await openMission(system, { capacity: 10, approval: 'manual' });
    expect(await register(manual.missionId, 'third@example.org')).toBe('Your registration awaits approval');

    const closed = await openMission(system, { capacity: 10, closesAt: '2020-01-01T00:00:00Z' });
    await page.goto(`${web.url}/m/${closed.missionId}/register`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Registration is closed');
    expect(await page.locator('form[data-register-form]').count()).toBe(0);

    // A bad field with JavaScript off: the page comes back with the message beside it.
    await page.goto(`${web.url}/m/${missionId}/register`);
    await fillForm(page, en, { email: 'nobody' });
    await page.getByLabel(en.consent).uncheck();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForLoadState();
    await expect(page.locator('#f-consent-dataProcessing-error').textContent()).resolves.toContain('Your consent is needed to register.');
    await expect(page.locator('#f-email-error').textContent()).resolves.toContain('Enter an e-mail address');
  });

  it('lets the mission’s own website post to the API cross-origin, and no other origin', async () => {
    const page = await browser.newPage();
    const post = (email: string) =>
      page.evaluate(
        async ([url, body]) => {
          try {
            const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
            return { status: answer.status, body: await answer.json() };
          } catch (error) {
            return { blocked: String(error) };
          }
        },
        [`${web.url}/api/missions/${missionId}/registrations`, JSON.stringify(registrationInput(900, { email }))] as const,
      );
    await page.goto(allowedOrigin);
    expect(await post('website@example.org')).toMatchObject({ status: 201, body: { status: 'confirmed' } });
    await page.goto(otherOrigin);
    expect(await post('elsewhere@example.org')).toEqual({ blocked: expect.stringMatching(/fetch/i) });
    const emails = (await registrationsOf(missionId)).map((registration) => registration.email);
    expect(emails).toContain('website@example.org');
    expect(emails).not.toContain('elsewhere@example.org');
  });

  it('shows the mission’s programme at the venue’s time and the visitor’s, public sessions only, and its public MoUs', async () => {
    const { chengdu } = await placesOf(system, token, missionId);
    const guest = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(901) });
    expect(guest.status).toBe(201);
    await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-10T01:30:00Z', '2019-06-10T03:00:00Z', { title: 'EU-China forum on smart city and innovation', kind: 'forum' }),
    );
    await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-10T11:00:00Z', '2019-06-10T13:00:00Z', {
        title: 'Mayor’s dinner',
        kind: 'reception',
        audience: { kind: 'invitation', registrationIds: [guest.body.id] },
      }),
    );
    await release(system, token, missionId);
    // Created after the release: a draft until the next one.
    await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-11T01:30:00Z', '2019-06-11T03:00:00Z', { title: 'Visit to Xinglong Lake' }));
    const mou = await call(`${system.url('mou-registry')}/api/mous`, {
      token,
      body: {
        missionId,
        title: 'Smart city cooperation between Barcelona and Chengdu',
        summary: { en: 'Urban data platforms.', 'zh-CN': '城市数据平台。' },
        themes: ['smart city'],
        parties: [
          { name: 'Ajuntament de Barcelona', kind: 'city', country: 'ES', city: 'Barcelona' },
          { name: 'Chengdu Municipal People’s Government', kind: 'government_body', country: 'CN', city: 'Chengdu' },
        ],
        signatories: [],
        visibility: 'public',
      },
    });
    expect(mou.status).toBe(201);
    const hidden = await call(`${system.url('mou-registry')}/api/mous`, {
      token,
      body: {
        missionId,
        title: 'Organisers-only draft',
        summary: { en: 'Not for the public.' },
        themes: ['smart city'],
        parties: [
          { name: 'Ajuntament de Barcelona', kind: 'city', country: 'ES', city: 'Barcelona' },
          { name: 'Liuzhou Municipal Government', kind: 'government_body', country: 'CN', city: 'Liuzhou' },
        ],
        signatories: [],
        visibility: 'organisers',
      },
    });
    expect(hidden.status).toBe(201);

    const page = await browser.newPage({ timezoneId: 'Europe/Madrid' });
    await page.goto(`${web.url}/m/${missionId}`);
    const main = page.locator('main');
    const mainText = async () => ((await main.textContent()) ?? '').replace(/\s+/g, ' ');
    await expect(main.textContent()).resolves.toContain('EU-China forum on smart city and innovation');
    expect(await mainText()).toContain('At the venue: 09:30–11:00 (Asia/Shanghai)');
    await eventually(async () => (await mainText()).includes('Your time: 03:30–05:00 (Europe/Madrid)'), { what: 'the visitor’s time' });
    const text = await mainText();
    expect(text).not.toContain('Mayor’s dinner');
    expect(text).not.toContain('Xinglong Lake');
    expect(await page.getByRole('link', { name: 'Subscribe to the programme (.ics)' }).getAttribute('href')).toBe(`/api/missions/${missionId}/programme.ics`);
    const calendar = await call(`${web.url}/api/missions/${missionId}/programme.ics`);
    expect(calendar.status).toBe(200);
    expect(calendar.body).toContain('EU-China forum');
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${web.url}/m/${missionId}?tz=America/New_York`);
    expect(await mainText()).toContain('Your time: 21:30–23:00 (America/New_York)');

    await page.goto(`${web.url}/m/${missionId}/mous?lang=zh`);
    await eventually(
      async () => {
        await page.reload();
        return ((await main.textContent()) ?? '').includes('Smart city cooperation between Barcelona and Chengdu');
      },
      { what: 'the MoU on the public register' },
    );
    expect(await main.textContent()).toContain('城市数据平台。');
    expect(await main.textContent()).not.toContain('Organisers-only draft');
    await expectNoSeriousA11yViolations(page);
  });

  it('passes the accessibility check on the form, its errors and its outcome, and takes its screenshots', async () => {
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desktop.goto(`${web.url}/m/${missionId}/register`);
    await expectNoSeriousA11yViolations(desktop);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await phone.goto(`${web.url}/m/${missionId}/register`);
    await expectNoSeriousA11yViolations(phone);
    // Nothing wider than the phone's screen.
    expect(
      await phone.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);

    const shots = {
      'registration-form-desktop.png': await desktop.screenshot({ fullPage: true }),
      'registration-form-phone.png': await phone.screenshot({ fullPage: true }),
    };
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync('docs/screenshots', { recursive: true });
      for (const [name, image] of Object.entries(shots)) writeFileSync(`docs/screenshots/${name}`, image);
    }

    await desktop.getByLabel(en.givenName).fill('Ana');
    await desktop.getByRole('button', { name: 'Register' }).click();
    await eventually(async () => (await desktop.locator('.error-summary').count()) === 1, { what: 'the error summary' });
    await expectNoSeriousA11yViolations(desktop);
  });
});
