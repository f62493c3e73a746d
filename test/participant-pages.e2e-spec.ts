import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { call, openMission, registrationInput } from './support/api.js';
import { expectNoSeriousA11yViolations, useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { createSession, placesOf, release, sessionInput } from './support/programme.js';
import type { ReceivedMail } from './support/smtp-sink.js';
import { useSystem, WEB_BASE_URL } from './support/system.js';
import { startWeb, useWeb } from './support/web.js';
import nodemailer from 'nodemailer';
import { MailCatcher } from '../apps/web/src/dev-mail/mail-catcher.js';

/** A phone's width: the pages must work there. */
const PHONE = { viewport: { width: 390, height: 844 } };
const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

/** The sign-in link (its JWT) of a mail, from its text. */
function linkIn(mail: ReceivedMail): string {
  const match = new RegExp(`${WEB_BASE_URL.replaceAll('.', '\\.')}/p/sign-in\\?link=([A-Za-z0-9_.-]+)`).exec(mail.text);
  if (!match) throw new Error(`no sign-in link in the mail "${mail.subject}"`);
  return match[1]!;
}

describe("the participant's pages, in a real browser on the real system", () => {
  const system = useSystem();
  const web = useWeb(system);
  const browser = useBrowser();
  let addresses = 0;

  /** Registers through registration's public call (the form is another page's) and returns the sign-in link its e-mail carries. */
  async function register(missionId: string, overrides: Record<string, unknown>) {
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, {
      body: registrationInput(++addresses, overrides),
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    const status = registered.body.status as string;
    const outcome = await system.tap.waitFor(`registration.${status === 'pending_approval' ? 'submitted' : status}`, (event) => event.subject === id);
    const mail = await system.smtp.waitFor((received) => received.eventId === outcome.id, 'the registration e-mail');
    return { id, status, link: linkIn(mail) };
  }

  /** Follows the link as the e-mail's reader would, on this run's web entry. */
  async function signIn(link: string, options: Parameters<typeof browser.newPage>[0] = {}): Promise<Page> {
    const page = await browser.newPage({ ...PHONE, ...options });
    const response = (await page.goto(`${web.url}/p/sign-in?link=${link}`))!;
    // The answer to the address with the link, whether it redirects or refuses, sends it on to no one.
    let first = response.request();
    while (first.redirectedFrom()) first = first.redirectedFrom()!;
    expect(new URL(first.url()).pathname).toBe('/p/sign-in');
    expect((await first.response())!.headers()['referrer-policy']).toBe('no-referrer');
    return page;
  }

  it('the link in the registration e-mail opens the participant’s pages; cancelling there promotes the first waitlisted, whose page then says confirmed', async () => {
    const { missionId } = await openMission(system, { capacity: 1 });
    const ana = await register(missionId, { email: 'ana.puig@bcn.cat', givenName: 'Ana', familyName: 'Puig' });
    const li = await register(missionId, {
      email: 'li.wei@example.cn',
      givenName: '伟',
      familyName: '李',
      preferredLanguage: 'zh-CN',
      timezone: 'Asia/Shanghai',
      organisation: { name: '成都高新区', type: 'government', country: 'CN', city: 'Chengdu' },
      delegation: 'Chengdu',
    });
    expect([ana.status, li.status]).toEqual(['confirmed', 'waitlisted']);

    const anaPage = await signIn(ana.link);
    // The link has left the address bar: the page is the registration's own address.
    expect(anaPage.url()).toBe(`${web.url}/p/${ana.id}/registration`);
    await expect(anaPage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My registration');
    await expect(anaPage.locator('[data-status]').textContent()).resolves.toBe('Confirmed');
    await expect(anaPage.getByLabel('Given name').inputValue()).resolves.toBe('Ana');
    await expectNoSeriousA11yViolations(anaPage);
    const screenshot = await anaPage.screenshot({ fullPage: true });
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(join(SCREENSHOTS, 'participant-registration.png'), screenshot);
    }

    // Li reads her page in Chinese: on the waitlist, first in line.
    const liPage = await signIn(li.link, { locale: 'zh-CN' });
    expect(liPage.url()).toBe(`${web.url}/p/${li.id}/registration`);
    await expect(liPage.locator('[data-status]').textContent()).resolves.toBe('候补中');
    await expect(liPage.getByText('您在候补名单中排第 1 位').count()).resolves.toBe(1);
    await expectNoSeriousA11yViolations(liPage);

    // Ana changes a detail, then cancels, each step a plain form post.
    await anaPage.getByLabel('Job title').fill('Deputy head of international relations');
    await anaPage.getByRole('button', { name: 'Save changes' }).click();
    await expect(anaPage.getByRole('status').first().textContent()).resolves.toBe('Your changes are saved.');
    await expect(anaPage.getByLabel('Job title').inputValue()).resolves.toBe('Deputy head of international relations');
    await anaPage.getByRole('link', { name: 'Cancel my registration' }).click();
    expect(anaPage.url()).toBe(`${web.url}/p/${ana.id}/registration/cancel`);
    await expectNoSeriousA11yViolations(anaPage);
    await anaPage.getByRole('button', { name: 'Yes, cancel my registration' }).click();
    await expect(anaPage.locator('[data-status]').textContent()).resolves.toBe('Cancelled');

    // The seat went to Li: her page says so (in her language) once she looks again.
    await eventually(
      async () => {
        await liPage.reload();
        return (await liPage.locator('[data-status]').textContent()) === '已确认';
      },
      { what: "Li's page to say confirmed" },
    );
  });

  it('a field the registration refuses is shown beside it, and nothing changes', async () => {
    const { missionId } = await openMission(system);
    const ben = await register(missionId, { email: 'ben.fischer@stuttgart.de', givenName: 'Ben', familyName: 'Fischer' });
    const page = await signIn(ben.link);
    await page.getByLabel('Country').fill('XX');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('see the messages beside the fields');
    const country = page.getByLabel('Country');
    await expect(country.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorId = (await country.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    await expect(page.locator(`#${errorId}`).textContent()).resolves.toMatch(/country/i);
    await expectNoSeriousA11yViolations(page);
    const stored = await call(`${system.url('registration')}/api/registrations/${ben.id}`, { token: system.organiserToken() });
    expect(stored.body.organisation.country).toBe('ES');
  });

  it('“send me my link again” mails a working link and answers the same for an unknown address; the old link is refused', async () => {
    const { missionId } = await openMission(system);
    const cai = await register(missionId, { email: 'cai.lun@example.cn', givenName: 'Lun', familyName: 'Cai' });

    const ask = async (email: string) => {
      const page = await browser.newPage(PHONE);
      await page.goto(`${web.url}/m/${missionId}/link`);
      await expectNoSeriousA11yViolations(page);
      await page.getByLabel('E-mail address').fill(email);
      await page.getByRole('button', { name: 'Send me a new link' }).click();
      return { page, answer: await page.locator('main').innerText() };
    };
    const known = await ask('cai.lun@example.cn');
    const unknown = await ask('nobody@example.org');
    expect(known.answer).toContain('If this address is registered for the mission, a new link is on its way to it.');
    expect(unknown.answer).toBe(known.answer);
    await expectNoSeriousA11yViolations(known.page);

    const requested = await system.tap.waitFor('participant.access_link_requested', (event) => event.subject === cai.id);
    const mail = await system.smtp.waitFor((received) => received.eventId === requested.id, 'the new link');
    expect(system.smtp.to('nobody@example.org')).toEqual([]);
    const page = await signIn(linkIn(mail));
    expect(page.url()).toBe(`${web.url}/p/${cai.id}/registration`);
    await expect(page.getByLabel('Family name').inputValue()).resolves.toBe('Cai');

    // The link of the registration e-mail is superseded: its page offers to send a new one.
    const stale = await signIn(cai.link);
    await expect(stale.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This link does not work any more');
    await expect(stale.getByRole('button', { name: 'Send me a new link' }).count()).resolves.toBe(1);
    await expectNoSeriousA11yViolations(stale);
  });

  it("a participant cannot see another's pages, and no one sees any without a session", async () => {
    const { missionId } = await openMission(system);
    const dora = await register(missionId, { email: 'dora.rossi@comune.roma.it', givenName: 'Dora', familyName: 'Rossi' });
    const emil = await register(missionId, { email: 'emil.haas@ludwigsburg.de', givenName: 'Emil', familyName: 'Haas' });
    const page = await signIn(dora.link);
    for (const tab of ['registration', 'agenda', 'meetings', 'check-in']) {
      const response = await page.goto(`${web.url}/p/${emil.id}/${tab}`);
      expect({ tab, status: response!.status() }).toEqual({ tab, status: 403 });
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Not your page');
      expect(await page.content()).not.toMatch(/Haas|emil\.haas/);
    }
    await expectNoSeriousA11yViolations(page);
    const posted = await page.request.post(`${web.url}/p/${emil.id}/registration/cancel`, { headers: { origin: web.url }, form: {} });
    expect(posted.status()).toBe(403);
    const emilNow = await call(`${system.url('registration')}/api/registrations/${emil.id}`, { token: system.organiserToken() });
    expect(emilNow.body.status).toBe('confirmed');

    const stranger = await browser.newPage(PHONE);
    const response = await stranger.goto(`${web.url}/p/${dora.id}/registration`);
    expect(response!.status()).toBe(401);
    expect(await stranger.content()).not.toMatch(/Rossi/);
    await expectNoSeriousA11yViolations(stranger);
  });

  it('my agenda: enrol, a conflict explained in words, leave; my meetings; the check-in code scans to the registration id', async () => {
    const { missionId, token } = await openMission(system);
    const places = await placesOf(system, token, missionId);
    const forum = await createSession(
      system,
      token,
      missionId,
      sessionInput(places.chengdu, '2019-06-10T09:00:00+08:00', '2019-06-10T11:00:00+08:00', { kind: 'forum', title: 'EU-China forum on smart cities' }),
    );
    await createSession(
      system,
      token,
      missionId,
      sessionInput(places.liuzhou, '2019-06-10T10:00:00+08:00', '2019-06-10T12:00:00+08:00', { title: 'Visit to the LiuGong Group' }),
    );
    await release(system, token, missionId);
    const fei = await register(missionId, { email: 'fei.zhang@example.cn', givenName: 'Fei', familyName: 'Zhang', timezone: 'Europe/Rome' });
    const page = await signIn(fei.link);
    // Scheduling learns of the participant from registration's events.
    await eventually(
      async () => (await call(`${system.url('scheduling')}/api/missions/${missionId}/participants/${fei.id}/agenda`, { token })).status === 200,
      { what: 'scheduling to know the participant' },
    );

    await page.getByRole('link', { name: 'My agenda' }).click();
    await expectNoSeriousA11yViolations(page);
    // The venue's clock and the participant's, side by side.
    const forumItem = page.locator(`#session-${forum}`);
    await expect(forumItem.innerText()).resolves.toMatch(/Venue time \(Asia\/Shanghai\)[\s\S]*09:00[\s\S]*Your time \(Europe\/Rome\)[\s\S]*03:00/);
    await page.getByRole('button', { name: 'Enrol in EU-China forum on smart cities' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('You are enrolled in “EU-China forum on smart cities”.');

    await page.getByRole('button', { name: 'Enrol in Visit to the LiuGong Group' }).click();
    const refusal = await page.getByRole('alert').first().textContent();
    expect(refusal).toContain('“Visit to the LiuGong Group”: It overlaps “EU-China forum on smart cities”');
    await expectNoSeriousA11yViolations(page);

    const calendar = await page.request.get(`${web.url}/p/${fei.id}/agenda.ics`);
    expect(calendar.status()).toBe(200);
    expect(await calendar.text()).toContain(`UID:${forum}@mission-hub`);

    await page.getByRole('button', { name: 'Leave EU-China forum on smart cities' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('You have left “EU-China forum on smart cities”.');
    const agenda = await call(`${system.url('scheduling')}/api/missions/${missionId}/participants/${fei.id}/agenda`, { token });
    expect(agenda.body.items).toEqual([]);

    await page.getByRole('link', { name: 'My meetings' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My meetings');
    // The directory of the mission's people: names and organisations, never an e-mail address.
    await expect(page.getByRole('heading', { name: 'Who is here' }).count()).resolves.toBe(1);
    await expect(page.locator(`[data-person="${fei.id}"]`).innerText()).resolves.toContain('Fei Zhang');
    expect(await page.locator('main').innerText()).not.toContain('@');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Check-in' }).click();
    await expect(page.locator('[data-check-in-code]').textContent()).resolves.toBe(fei.id);
    await expectNoSeriousA11yViolations(page);
    expect(await decodedQrCode(page)).toBe(fei.id);
  });

  it('/dev/mail shows what reached the development mail catcher, its links clickable; without the catcher there is no /dev/mail', async () => {
    const { missionId } = await openMission(system);
    const gao = await register(missionId, { email: 'gao.yan@example.cn', givenName: 'Yan', familyName: 'Gao', preferredLanguage: 'zh-CN' });
    const sent = system.smtp.to('gao.yan@example.cn')[0]!;
    const withCatcher = await startWeb(system, { mailCatcher: true });
    try {
      // The registration e-mail as notifications wrote it, sent on to the catcher with its link on this web entry.
      const port = withCatcher.app.get(MailCatcher).port!;
      const text = sent.text.replace(`${WEB_BASE_URL}/p/sign-in`, `${withCatcher.url}/p/sign-in`);
      await nodemailer
        .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
        .sendMail({ from: 'no-reply@mission-hub.local', to: 'gao.yan@example.cn', subject: sent.subject, text, html: `<p>${sent.subject}</p>` });

      const page = await browser.newPage(PHONE);
      await page.goto(`${withCatcher.url}/dev/mail`);
      await expect(page.locator('tbody tr').first().innerText()).resolves.toContain('gao.yan@example.cn');
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('link', { name: sent.subject }).click();
      await expect(page.locator('iframe').count()).resolves.toBe(1);
      await expectNoSeriousA11yViolations(page);
      await page.locator('pre a[href*="/p/sign-in"]').click();
      await page.waitForURL(`${withCatcher.url}/p/${gao.id}/registration`);
      await expect(page.locator('[data-status]').textContent()).resolves.toBe('Confirmed');
    } finally {
      await withCatcher.stop();
    }
    expect((await call(`${web.url}/dev/mail`)).status).toBe(404);
  });
});

/** What the page's QR code says, read by jsQR in the browser from the SVG drawn on a canvas (the script is the browser's, so it is a string here). */
async function decodedQrCode(page: Page): Promise<string | null> {
  await page.evaluate(readFileSync(join(process.cwd(), 'node_modules/jsqr/dist/jsQR.js'), 'utf8'));
  return page.evaluate<string | null>(`(async () => {
    const svg = document.querySelector('svg.participant-qr');
    const image = new Image();
    image.src = 'data:image/svg+xml;base64,' + btoa(svg.outerHTML);
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0, 400, 400);
    const pixels = context.getImageData(0, 0, 400, 400);
    return jsQR(pixels.data, 400, 400)?.data ?? null;
  })()`);
}
