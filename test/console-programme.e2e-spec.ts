import type { Locator, Page } from 'playwright-core';
import { call, openMission } from './support/api.js';
import { expectNoSeriousA11yViolations, useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { createSession, participant, placesOf, sessionInput } from './support/programme.js';
import { useSystem } from './support/system.js';
import { useWeb } from './support/web.js';

/** A PDF as small as one can be: what matters is that its bytes reach the registry as they are. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** What a person reads in an element: its text with the markup's line breaks and indentation as single spaces. */
async function read(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('the organiser console: programme, matchmaking and MoUs', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'mou-registry'] });
  const web = useWeb(system);
  const browsers = useBrowser();
  let missionId: string;
  let otherMissionId: string;
  let organiser: string;
  let otherOrganiser: string;
  let visitId: string;
  let hallId: string;
  const api = (path: string) => `${system.url('scheduling')}/api/missions/${missionId}${path}`;

  beforeAll(async () => {
    let token: string;
    ({ missionId, token } = await openMission(system, {}, { title: 'Smart cities mission to Chengdu and Liuzhou' }));
    ({ missionId: otherMissionId } = await openMission(system, {}, { title: 'Green ports mission to Qingdao' }));
    organiser = system.organiserToken([missionId], 'ana.organiser@test');
    otherOrganiser = system.organiserToken([otherMissionId], 'olaf.other@test');

    const { chengdu } = await placesOf(system, token, missionId);
    visitId = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-10T01:30:00Z', '2019-06-10T03:00:00Z', { title: 'Jingronghui incubation plaza', capacity: 2 }),
    );
    const blockId = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-11T06:00:00Z', '2019-06-11T08:00:00Z', { kind: 'b2b_meeting_block', title: 'Matching meetings' }),
    );
    expect((await call(api(`/sessions/${blockId}/meeting-block`), { method: 'PUT', token, body: { slotMinutes: 30, tables: 2 } })).status).toBe(200);
    // The first release publishes the visit and the meeting block; a session added after it is a draft until the next.
    expect((await call(api('/schedule/releases'), { method: 'POST', token })).status).toBe(201);
    hallId = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-10T06:00:00Z', '2019-06-10T07:30:00Z', { title: 'Science City Planning Hall', capacity: 40 }),
    );

    const ana = await participant(system, missionId, 1, { givenName: 'Ana', familyName: 'Puig' });
    const ben = await participant(system, missionId, 2, { givenName: 'Ben', familyName: 'Li' });
    const cai = await participant(system, missionId, 3, { givenName: 'Cai', familyName: 'Wen' });
    for (const who of [ana, ben, cai]) {
      expect((await call(api(`/sessions/${visitId}/enrolments`), { method: 'POST', token: who.token })).status).toBe(201);
    }
    const asked = await call(api('/meetings'), { token: ana.token, body: { inviteeId: ben.id, message: 'E-buses?' } });
    expect(asked.status).toBe(201);
    expect((await call(api(`/meetings/${asked.body.id}/accept`), { method: 'POST', token: ben.token })).status).toBe(200);
  });

  async function signIn(token: string, options: Parameters<typeof browsers.newPage>[0] = {}): Promise<Page> {
    const page = await browsers.newPage(options);
    await page.goto(`${web.url}/console/sign-in`);
    await page.getByLabel('Organiser token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/console`);
    return page;
  }

  it('shows each session’s fill and publishes a release with its note, which the public programme then has', async () => {
    const page = await signIn(organiser, { timezoneId: 'Europe/Madrid' });
    await page.goto(`${web.url}/console/m/${missionId}/programme`);
    const visit = page.locator(`tr[data-session="${visitId}"]`);
    await expect(read(visit.locator('td').nth(3))).resolves.toMatch(/^2 of 2 full\s?1 waiting$/);
    // Venue time (Chengdu, 09:30) beside the viewer's (Madrid, 03:30), filled in by the browser.
    await expect(read(visit.locator('td').nth(0))).resolves.toBe('Mon, Jun 10, 09:30 – 11:00 (Asia/Shanghai)');
    await expect(read(visit.locator('td').nth(1))).resolves.toMatch(/3:30.*\(Europe\/Madrid\)/);
    await expect(read(visit.locator('td').nth(4))).resolves.toBe('Released');
    const hall = page.locator(`tr[data-session="${hallId}"]`);
    await expect(read(hall.locator('td').nth(3))).resolves.toBe('0 of 40');
    await expect(read(hall.locator('td').nth(4))).resolves.toContain('Draft');
    await expectNoSeriousA11yViolations(page);

    const visitor = await browsers.newPage();
    await visitor.goto(`${web.url}/m/${missionId}`);
    await expect(read(visitor.locator('main'))).resolves.not.toContain('Science City Planning Hall');

    await page.getByLabel('Note (optional)').fill('The Science City Planning Hall joins the Chengdu day.');
    await page.getByRole('button', { name: 'Publish the release' }).click();
    await page.waitForURL(/programme\?published=2$/);
    await expect(read(page.getByRole('status').first())).resolves.toContain('Release 2 is published.');
    await expect(read(page.locator('.release').first())).resolves.toContain('The Science City Planning Hall joins the Chengdu day.');
    await expect(read(hall.locator('td').nth(4))).resolves.toBe('Released');

    // The public programme has the session now; the release, as anyone reads it, says why.
    await visitor.reload();
    await expect(read(visitor.locator('main'))).resolves.toContain('Science City Planning Hall');
    const releases = await call(`${web.url}/api/missions/${missionId}/schedule/releases`);
    expect(releases.body.items[0]).toMatchObject({
      number: 2,
      note: 'The Science City Planning Hall joins the Chengdu day.',
      changes: [{ sessionId: hallId, change: 'added' }],
    });
    expect(releases.body.items[0].publishedBy).toBeUndefined();

    // Nothing changed since: publishing again says so beside the form, and publishes nothing.
    await page.getByRole('button', { name: 'Publish the release' }).click();
    await expect(read(page.locator('.error-summary'))).resolves.toContain('Nothing changed since the last release');
    expect((await call(`${web.url}/api/missions/${missionId}/schedule/releases`)).body.items).toHaveLength(2);
    await expectNoSeriousA11yViolations(page);
  }, 180_000);

  it('starts a matchmaking run from the console and shows the meetings it scheduled, in Chinese too', async () => {
    const page = await signIn(organiser);
    await page.goto(`${web.url}/console/m/${missionId}/matchmaking`);
    await expectNoSeriousA11yViolations(page);
    const key = await page.locator('input[name="idempotencyKey"]').inputValue();
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Start the run' }).click();
    await page.waitForURL(/\/matchmaking\/runs\/[0-9a-f-]{36}$/);
    // The page follows the run by itself until it has finished.
    await page.locator('[data-run-status="succeeded"]').waitFor({ timeout: 30_000 });
    await expect(read(page.locator('[data-count="scheduled"]'))).resolves.toBe('1');
    const meeting = page.locator('table.meetings tbody tr');
    await expect(meeting.count()).resolves.toBe(1);
    await expect(read(meeting)).resolves.toMatch(/Ana Puig.*and Ben Li/);
    await expect(read(meeting)).resolves.toContain('Table');
    await expectNoSeriousA11yViolations(page);

    // The same form sent again (its key) starts no second run: it answers the same run.
    const runUrl = page.url();
    const again = await page.request.post(`${web.url}/console/m/${missionId}/matchmaking/runs`, {
      form: { idempotencyKey: key, limitPerParticipant: '' },
      headers: { origin: web.url },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(303);
    expect(`${web.url}${again.headers().location}`).toBe(runUrl);

    await page.goto(`${runUrl}?lang=zh`);
    await expect(read(page.locator('#run-status'))).resolves.toBe('已完成');
    await expect(read(page.locator('table.meetings tbody tr'))).resolves.toContain('Ana Puig');
    await expectNoSeriousA11yViolations(page);
  }, 180_000);

  it('records an MoU, moves it through its lifecycle with a version uploaded, and the public register has it once public', async () => {
    const page = await signIn(organiser);
    await page.goto(`${web.url}/console/m/${missionId}/mous`);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Record a new MoU' }).click();
    await expectNoSeriousA11yViolations(page);

    await page.locator('#f-title').fill('Smart city cooperation between Barcelona and Chengdu');
    await page.getByLabel('Summary in English').fill('Urban data platforms and e-mobility pilots.');
    await page.getByLabel('Themes').fill('smart city, e-mobility');
    const party = (n: number) => page.locator('fieldset.row').nth(n);
    await party(0).getByLabel('Name', { exact: true }).fill('Ajuntament de Barcelona');
    await party(0).getByLabel('Country').fill('Spain');
    await party(1).getByLabel('Name', { exact: true }).fill('Chengdu Municipal People’s Government');
    await party(1).getByLabel('Kind').selectOption('government_body');
    await party(1).getByLabel('Country').fill('CN');
    const signatory = page.locator('fieldset.row').nth(4);
    await signatory.getByLabel('Name', { exact: true }).fill('Laia Bonet');
    await signatory.getByLabel('Title', { exact: true }).fill('Deputy Mayor');
    await signatory.getByLabel('Signs for').fill('Ajuntament de Barcelona');
    await page.getByRole('button', { name: 'Record the MoU' }).click();

    // The registry names the country of the first party: its error is beside that field, and nothing is recorded.
    await expect(read(page.locator('#f-parties-0-country-error'))).resolves.toBeTruthy();
    await expect(page.locator('#f-parties-0-country').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#f-title').inputValue()).resolves.toBe('Smart city cooperation between Barcelona and Chengdu');
    expect((await call(`${system.url('mou-registry')}/api/mous?mission=${missionId}`, { token: organiser })).body.items).toHaveLength(0);
    await expectNoSeriousA11yViolations(page);

    await party(0).getByLabel('Country').fill('ES');
    await page.getByRole('button', { name: 'Record the MoU' }).click();
    await page.waitForURL(/\/mous\/[0-9a-f-]{36}\?done=created/);
    const mouUrl = page.url().split('?')[0]!;
    const mouId = mouUrl.split('/').pop()!;
    await expect(read(page.locator('#mou-status'))).resolves.toBe('Draft');
    // Only the moves the lifecycle allows from a draft.
    const moves = page.locator('input[name="status"]');
    await expect(Promise.all((await moves.all()).map((move) => move.getAttribute('value')))).resolves.toEqual(['negotiating', 'terminated']);
    await expectNoSeriousA11yViolations(page);

    const move = async (status: string, label: string) => {
      await page.getByLabel(label, { exact: true }).check();
      await page.getByRole('button', { name: 'Move the MoU' }).click();
      await page.waitForURL(/done=moved/);
    };
    await move('negotiating', 'Negotiating');

    // Signing without a version of the text is refused, with what is missing said.
    await page.getByLabel('Signed', { exact: true }).check();
    await page.getByLabel('Signed on').fill('2019-06-12');
    await page.getByLabel('Signed in (place)').fill('Chengdu');
    await page.getByRole('button', { name: 'Move the MoU' }).click();
    await expect(read(page.locator('.error-summary'))).resolves.toContain('versions');
    await expect(read(page.locator('#mou-status'))).resolves.toBe('Negotiating');

    await page.getByLabel('Document').setInputFiles({ name: 'mou-barcelona-chengdu.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByLabel('Language of the text').fill('en');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/done=uploaded/);
    await expect(read(page.locator('.versions'))).resolves.toContain(`${PDF.length} bytes`);
    const stored = await fetch(`${system.url('mou-registry')}/api/mous/${mouId}/versions/1/document`, { headers: { authorization: `Bearer ${organiser}` } });
    expect(Buffer.from(await stored.arrayBuffer()).equals(PDF)).toBe(true);

    await page.getByLabel('Signed', { exact: true }).check();
    await page.getByLabel('Signed on').fill('2019-06-12');
    await page.getByLabel('Signed in (place)').fill('Chengdu');
    await page.getByRole('button', { name: 'Move the MoU' }).click();
    await page.waitForURL(/done=moved/);
    await move('in_force', 'In force');
    await expect(read(page.locator('#mou-status'))).resolves.toBe('In force');

    await page.locator('#f-project-title').fill('E-bus pilot in Liudong New District');
    await page.locator('#f-project-budget-amount').fill('250000');
    await page.getByRole('button', { name: 'Add a pilot project' }).click();
    await page.waitForURL(/done=projectAdded/);
    await page.locator('#f-milestone-title').fill('First line running');
    await page.locator('#f-milestone-dueOn').fill('2020-03-31');
    await page.locator('#f-milestone-owner-name').fill('Li Wei');
    await page.locator('#f-milestone-pilotProjectId').selectOption({ label: 'E-bus pilot in Liudong New District' });
    await page.getByRole('button', { name: 'Add a milestone' }).click();
    await page.waitForURL(/done=milestoneAdded/);
    await page.getByRole('button', { name: 'Mark “First line running” completed' }).click();
    await page.waitForURL(/done=completed/);

    // Without JavaScript, the same forms: an amendment uploaded as a plain multipart form post.
    const plain = await signIn(organiser, { javaScriptEnabled: false });
    await plain.goto(mouUrl);
    await plain
      .getByLabel('Document')
      .setInputFiles({ name: 'amendment-1.txt', mimeType: 'text/plain', buffer: Buffer.from('Amendment 1: a second pilot district.\n') });
    await plain.getByLabel('Language of the text').fill('en');
    await plain.getByRole('button', { name: 'Upload' }).click();
    await plain.waitForURL(/done=uploaded/);
    await expect(read(plain.getByRole('status').first())).resolves.toContain('Version 2 is uploaded.');
    await expect(read(plain.locator('.versions'))).resolves.toContain('amendment');

    await page.reload();
    const history = await read(page.locator('table.history tbody'));
    for (const entry of [
      'Recorded',
      'Draft → Negotiating',
      'Version added',
      'Negotiating → Signed',
      'Signed → In force',
      'Pilot project added',
      'Milestone completed',
    ]) {
      expect(history).toContain(entry);
    }
    await expectNoSeriousA11yViolations(page);

    // For organisers only so far: the public register does not have it.
    const register = () => call(`${web.url}/api/mous?mission=${missionId}`);
    expect((await register()).body.items).toHaveLength(0);
    expect((await call(`${system.url('mou-registry')}/api/mous/${mouId}`, { method: 'PATCH', token: organiser, body: { visibility: 'public' } })).status).toBe(
      200,
    );
    await eventually(
      async () => (await register()).body.items.some((item: { id: string; status: string }) => item.id === mouId && item.status === 'in_force'),
      {
        what: 'the public register to have the MoU',
      },
    );
  }, 300_000);

  it('fits each page to a phone’s width: nothing but a table scrolls sideways', async () => {
    const mous = await call(`${system.url('mou-registry')}/api/mous?mission=${missionId}`, { token: organiser });
    const page = await signIn(organiser, { viewport: { width: 360, height: 740 } });
    for (const address of ['programme', 'matchmaking', 'mous', 'mous/new', `mous/${mous.body.items[0].id}`]) {
      await page.goto(`${web.url}/console/m/${missionId}/${address}`);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect({ address, width }).toEqual({ address, width: 360 });
    }
  }, 180_000);

  it('shows an organiser of another mission none of it', async () => {
    const mous = await call(`${system.url('mou-registry')}/api/mous?mission=${missionId}`, { token: organiser });
    const mouId = mous.body.items[0]?.id as string | undefined;
    const page = await signIn(otherOrganiser);
    const addresses = [
      `/console/m/${missionId}/programme`,
      `/console/m/${missionId}/matchmaking`,
      `/console/m/${missionId}/mous`,
      `/console/m/${missionId}/mous/new`,
    ];
    if (mouId) addresses.push(`/console/m/${missionId}/mous/${mouId}`);
    for (const address of addresses) {
      const response = await page.goto(`${web.url}${address}`);
      expect({ address, status: response?.status() }).toEqual({ address, status: 403 });
      const text = await page.locator('main').textContent();
      for (const secret of ['Jingronghui', 'Science City', 'Ana Puig', 'Barcelona and Chengdu', 'Smart cities mission'])
        expect({ address, leaks: text?.includes(secret) }).toEqual({ address, leaks: false });
    }
    await expectNoSeriousA11yViolations(page);

    // A form posted to another mission's page does nothing either.
    const posted = await page.request.post(`${web.url}/console/m/${missionId}/programme/releases`, {
      form: { note: 'x' },
      headers: { origin: web.url },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    expect((await call(`${web.url}/api/missions/${missionId}/schedule/releases`)).body.items).toHaveLength(2);
  }, 180_000);
});
