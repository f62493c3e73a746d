import { call, openMission, registrationInput } from './support/api.js';
import { expectNoSeriousA11yViolations, useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';
import { useWeb } from './support/web.js';

/** Delegates answer when they arrive (required) and what they eat; forum guests say whether they may be photographed. */
const delegate = {
  names: { en: 'Delegate', 'zh-CN': '代表', es: 'Delegado' },
  capacity: 100,
  waitlist: true,
  approval: 'automatic',
  position: 1,
  questions: [
    { key: 'arrival', kind: 'date', required: true, labels: { en: 'Arrival date', 'zh-CN': '抵达日期' } },
    {
      key: 'diet',
      kind: 'choices',
      labels: { en: 'Dietary needs', es: 'Necesidades alimentarias' },
      options: [
        { value: 'vegetarian', labels: { en: 'Vegetarian', es: 'Vegetariano' } },
        { value: 'halal', labels: { en: 'Halal' } },
        { value: 'no-nuts', labels: { en: 'No nuts' } },
      ],
    },
  ],
};
const guest = {
  names: { en: 'Forum guest', 'zh-CN': '论坛嘉宾' },
  capacity: 60,
  waitlist: false,
  approval: 'automatic',
  position: 2,
  questions: [{ key: 'photo', kind: 'yes-no', required: true, labels: { en: 'May we photograph you?' } }],
};

describe('registration categories: capacities, questions and answers', () => {
  const system = useSystem({ services: ['scheduling', 'registration'] });
  const web = useWeb(system);
  const browser = useBrowser();
  const registration = () => system.url('registration');

  async function withCategories(settings: Record<string, unknown>, categories: Record<string, object>) {
    const opened = await openMission(system, settings);
    for (const [code, body] of Object.entries(categories)) {
      const put = await call(`${registration()}/api/missions/${opened.missionId}/categories/${code}`, { method: 'PUT', token: opened.token, body });
      expect(put.status).toBe(200);
    }
    return { ...opened, url: `${registration()}/api/missions/${opened.missionId}/registrations` };
  }

  it('holds the mission capacity, each category capacity and a delegation quota together under 200 simultaneous registrations', async () => {
    // Barcelona (every form's default) is a delegation too: once a mission has any, they are a closed list.
    const { missionId, token, url } = await withCategories({ capacity: 150, delegationQuotas: { Lyon: 10, Barcelona: 200 } }, { delegate, guest });

    // 120 delegates (30 of Lyon) and 80 guests, interleaved; the categories' capacities (100 + 60) exceed the mission's (150).
    const forms: Record<string, unknown>[] = Array.from({ length: 200 }, (_, n) =>
      n % 5 < 3
        ? registrationInput(5000 + n, { category: 'delegate', answers: { arrival: '2019-06-10' }, ...(n % 4 === 0 ? { delegation: 'Lyon' } : {}) })
        : registrationInput(5000 + n, { category: 'guest', answers: { photo: n % 2 === 0 } }),
    );
    const responses = await Promise.all(forms.map((body) => call(url, { body })));
    const of = (category: string) => responses.filter((_, n) => forms[n]!.category === category);

    // Delegates keep a waiting list; guests have none, so a guest without a seat is refused.
    expect(of('delegate').filter((response) => response.status !== 201)).toEqual([]);
    expect(of('guest').filter((response) => response.status !== 201 && response.status !== 409)).toEqual([]);
    const refused = of('guest').filter((response) => response.status === 409);
    for (const response of refused) expect(response.body).toMatchObject({ type: expect.stringMatching(/category-full$/), category: 'guest' });

    const confirmedDelegates = of('delegate').filter((response) => response.body.status === 'confirmed').length;
    const confirmedGuests = of('guest').filter((response) => response.body.status === 'confirmed').length;
    // The mission's capacity binds (100 + 60 > 150), so it fills exactly; neither category passes its own.
    expect(confirmedDelegates + confirmedGuests).toBe(150);
    expect(confirmedDelegates).toBeLessThanOrEqual(100);
    expect(confirmedGuests).toBeLessThanOrEqual(60);
    expect(of('delegate').filter((response) => response.body.status === 'waitlisted')).toHaveLength(120 - confirmedDelegates);
    expect(refused).toHaveLength(80 - confirmedGuests);

    // The stored registrations say the same, per category and per delegation.
    const listed = async (query: string) => (await call(`${url}?limit=200&${query}`, { token })).body.items as any[];
    expect(await listed('status=confirmed&category=delegate')).toHaveLength(confirmedDelegates);
    expect(await listed('status=confirmed&category=guest')).toHaveLength(confirmedGuests);
    expect((await listed('status=confirmed&delegation=Lyon')).length).toBeLessThanOrEqual(10);
    expect(await listed('category=guest')).toHaveLength(confirmedGuests);
    const settings = await call(`${registration()}/api/missions/${missionId}/registration-settings`, { token });
    expect(settings.body).toMatchObject({ confirmed: 150, waitlisted: 120 - confirmedDelegates });

    // The events carry the category.
    const categoryId = (await call(`${registration()}/api/missions/${missionId}/categories`, { token })).body.items.find(
      (category: any) => category.code === 'delegate',
    ).id;
    const first = of('delegate').find((response) => response.body.status === 'confirmed')!;
    const event = await system.tap.waitFor('registration.confirmed', (candidate) => candidate.subject === first.body.id);
    expect((event.data as { category?: unknown }).category).toEqual({ categoryId, code: 'delegate' });
  });

  it('refuses a form without its category, with an unknown one or a missing or wrong answer, storing nothing; keeps, shows, exports and erases the answers', async () => {
    const { missionId, token, url } = await withCategories({ capacity: 10 }, { delegate, guest });
    const refusals = [
      [registrationInput(1), 'category', /is required: one of delegate, guest/],
      [registrationInput(2, { category: 'press' }), 'category', /must be one of: delegate, guest/],
      [registrationInput(3, { category: 'delegate', answers: {} }), 'answers.arrival', /is required/],
      [registrationInput(4, { category: 'delegate', answers: { arrival: '2019-02-30' } }), 'answers.arrival', /must be a date/],
      [registrationInput(5, { category: 'delegate', answers: { arrival: '2019-06-10', diet: ['fish'] } }), 'answers.diet', /must be a list of/],
      [registrationInput(6, { category: 'guest', answers: { photo: true, shoeSize: '42' } }), 'answers.shoeSize', /not a question/],
    ] as const;
    for (const [body, field, message] of refusals) {
      const refused = await call(url, { body });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    }
    expect((await call(url, { token })).body.items).toEqual([]);

    const answers = { arrival: '2019-06-10', diet: ['vegetarian', 'no-nuts'] };
    const made = await call(url, { body: registrationInput(7, { category: 'delegate', answers }) });
    expect(made.status).toBe(201);
    const own = await call(`${registration()}/api/registrations/${made.body.id}`, { token: made.body.accessToken });
    expect(own.body).toMatchObject({ category: { code: 'delegate' }, answers });
    const organisers = await call(`${registration()}/api/registrations/${made.body.id}`, { token });
    expect(organisers.body.answers).toEqual(answers);
    await call(url, { body: registrationInput(8, { category: 'guest', answers: { photo: false } }) });

    const csv = await call(`${url}?format=csv`, { token });
    const [header, ...rows] = (csv.body as string).trim().split('\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['category', 'delegate.arrival', 'delegate.diet', 'guest.photo']));
    const cell = (row: string, column: string) => row.split(',')[header!.split(',').indexOf(column)];
    const delegateRow = rows.find((row) => row.includes('delegate7@example.org'))!;
    expect([cell(delegateRow, 'delegate.arrival'), cell(delegateRow, 'delegate.diet'), cell(delegateRow, 'guest.photo')]).toEqual([
      '2019-06-10',
      'vegetarian; no-nuts',
      '',
    ]);
    expect(
      cell(
        rows.find((row) => row.includes('delegate8@example.org'))!,
        'guest.photo',
      ),
    ).toBe('no');

    // The public form, in the visitor's language where the texts have it, else English.
    const form = (language: string) =>
      call(`${registration()}/api/missions/${missionId}/registration-form/categories`, { headers: { 'accept-language': language } });
    const chinese = (await form('zh-CN,zh;q=0.9,en;q=0.5')).body.items;
    expect(chinese.map((category: any) => category.name)).toEqual(['代表', '论坛嘉宾']);
    expect(chinese[0].questions.map((question: any) => question.label)).toEqual(['抵达日期', 'Dietary needs']);
    const spanish = (await form('es-ES')).body.items[0];
    expect([spanish.name, spanish.questions[1].label, spanish.questions[1].options[0].label]).toEqual(['Delegado', 'Necesidades alimentarias', 'Vegetariano']);
    expect((await form('fr')).body.items[0]).toMatchObject({ name: 'Delegate', language: 'en', window: 'open' });

    // Erased with the person: through the API and in the table.
    const erased = await call(`${registration()}/api/registrations/${made.body.id}/erase`, { method: 'POST', token });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ answers: {}, category: { code: 'delegate' } });
    expect((await call(`${registration()}/api/registrations/${made.body.id}`, { token })).body.answers).toEqual({});
    const stored = await withDatabase((client) =>
      client.query(`SELECT answers, category_code FROM ${system.schemaOf('registration')}.registrations WHERE id = $1`, [made.body.id]),
    );
    expect(stored.rows).toEqual([{ answers: null, category_code: 'delegate' }]);

    // A category with registrations stays; one without goes.
    expect((await call(`${registration()}/api/missions/${missionId}/categories/delegate`, { method: 'DELETE', token })).status).toBe(409);
  });

  it('gives a freed seat to the first waitlisted registration that fits: its category full, the next in line of another', async () => {
    const { token, url } = await withCategories(
      { capacity: 3 },
      { visit: { names: { en: 'Site visit' }, capacity: 2, questions: [] }, forum: { names: { en: 'Forum' }, questions: [] } },
    );
    const register = async (n: number, category: string) => (await call(url, { body: registrationInput(n, { category }) })).body;
    const visit1 = await register(1, 'visit');
    await register(2, 'visit');
    const forum1 = await register(3, 'forum');
    const visit3 = await register(4, 'visit');
    const forum2 = await register(5, 'forum');
    expect([visit1.status, forum1.status, visit3.status, forum2.status]).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    const status = async (id: string) => (await call(`${registration()}/api/registrations/${id}`, { token })).body.status;
    // A forum seat frees the mission's seat, but the visit is still full: the forum's next in line moves up, past the visit's.
    await call(`${registration()}/api/registrations/${forum1.id}/cancel`, { method: 'POST', token });
    expect([await status(visit3.id), await status(forum2.id)]).toEqual(['waitlisted', 'confirmed']);
    // A visit seat: the visit's next in line.
    await call(`${registration()}/api/registrations/${visit1.id}/cancel`, { method: 'POST', token });
    expect(await status(visit3.id)).toBe('confirmed');

    // Press: each approved by an organiser (whatever the mission's mode), refused rather than waitlisted when there is no seat.
    const missionId = url.split('/missions/')[1]!.split('/')[0]!;
    const press = { names: { en: 'Press' }, capacity: 1, waitlist: false, approval: 'manual', questions: [] };
    expect((await call(`${registration()}/api/missions/${missionId}/categories/press`, { method: 'PUT', token, body: press })).status).toBe(200);
    const [reporter1, reporter2] = [await register(6, 'press'), await register(7, 'press')];
    expect([reporter1.status, reporter2.status]).toEqual(['pending_approval', 'pending_approval']);
    // The mission is full (visit 2, visit 3, forum 2): no seat to approve into, and no waiting list.
    const refused = await call(`${registration()}/api/registrations/${reporter1.id}/approve`, { method: 'POST', token });
    expect([refused.status, refused.body.type]).toEqual([409, expect.stringMatching(/category-full$/)]);
    expect(await status(reporter1.id)).toBe('pending_approval');
    await call(`${registration()}/api/registrations/${forum2.id}/cancel`, { method: 'POST', token });
    expect((await call(`${registration()}/api/registrations/${reporter1.id}/approve`, { method: 'POST', token })).body.status).toBe('confirmed');
  });

  it('lets a registrant on a phone choose a category and answer its questions in Chinese, with the problem beside the question', async () => {
    const { missionId, url, token } = await withCategories({ capacity: 20 }, { delegate, guest });
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${web.url}/m/${missionId}/register`);
    await page.getByLabel('名 (必填)').fill('伟');
    await page.getByLabel('姓 (必填)').fill('李');
    await page.getByLabel('电子邮件地址', { exact: false }).first().fill('li.wei@example.cn');
    await page.getByLabel('机构名称', { exact: false }).first().fill('成都高新区');
    await page.getByLabel('机构类型 (必填)').selectOption('government');
    await page.getByLabel('机构所在国家 (必填)').selectOption('CN');
    await page.getByLabel('我同意为组织本次考察而处理我的个人数据。').check();
    // Only the chosen category's questions show; the guests' do not.
    await page.getByLabel('代表', { exact: true }).check();
    expect(await page.locator('fieldset[data-category="guest"]').isVisible()).toBe(false);
    await expect(page.locator('fieldset[data-category="delegate"] legend').first().textContent()).resolves.toContain('代表');
    await page.getByLabel('Vegetarian').check();
    await page.getByRole('button', { name: '提交报名' }).click();

    // The required arrival date is missing: said in Chinese beside it, nothing stored.
    const arrival = page.locator('#f-delegate-arrival');
    await eventually(async () => (await arrival.getAttribute('aria-invalid')) === 'true', { what: 'the arrival date marked invalid' });
    await expect(page.locator('#f-delegate-arrival-error').textContent()).resolves.toBe('请回答此问题。');
    expect(await page.getByLabel('Vegetarian').isChecked()).toBe(true);
    expect((await call(url, { token })).body.items).toEqual([]);
    // Fits a phone's width.
    const fits = await page.evaluate(() => {
      const root = (globalThis as any).document.documentElement as { scrollWidth: number; clientWidth: number };
      return root.scrollWidth <= root.clientWidth;
    });
    expect(fits).toBe(true);

    await arrival.fill('2019-06-10');
    await page.getByRole('button', { name: '提交报名' }).click();
    await page.getByRole('heading', { level: 1, name: '报名成功' }).waitFor({ timeout: 15_000 });
    const [stored] = (await call(url, { token })).body.items;
    expect(stored).toMatchObject({ email: 'li.wei@example.cn', category: { code: 'delegate' }, answers: { arrival: '2019-06-10', diet: ['vegetarian'] } });
    await expectNoSeriousA11yViolations(page);
  });

  it('lets an organiser add a category with its questions in the console, with the problem beside the questions', async () => {
    const { missionId, token } = await withCategories({ capacity: 20 }, { delegate });
    const page = await browser.newPage();
    await page.goto(`${web.url}/console/sign-in`);
    await page.getByLabel('Organiser token').fill(system.organiserToken([missionId], 'ana.organiser@test'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/console`);
    await page.goto(`${web.url}/console/m/${missionId}/categories`);
    await expect(page.locator('#category-delegate').textContent()).resolves.toContain('Delegate (delegate)');

    const form = page.locator('section[aria-labelledby="new-category"]');
    await form.getByLabel('Code').fill('press');
    await form.getByLabel('Names').fill('en: Press\nzh-CN: 媒体');
    await form.getByLabel('Capacity').fill('5');
    await form.getByLabel('When full').selectOption('false');
    const oneOption = [{ key: 'outlet', kind: 'choice', required: true, labels: { en: 'Outlet' }, options: [{ value: 'tv', labels: { en: 'TV' } }] }];
    await form.getByLabel('Questions').fill(JSON.stringify(oneOption));
    await form.getByRole('button', { name: 'Add the category' }).click();
    await expect(page.locator('#f-new-questions-error').textContent()).resolves.toContain('at least two options');
    expect(await page.locator('#f-new-code').inputValue()).toBe('press');

    const twoOptions = [{ ...oneOption[0], options: [...oneOption[0]!.options, { value: 'print', labels: { en: 'Print', 'zh-CN': '纸媒' } }] }];
    await page.locator('#f-new-questions').fill(JSON.stringify(twoOptions));
    await page.getByRole('button', { name: 'Add the category' }).click();
    await page.getByRole('status').filter({ hasText: 'Category press saved.' }).waitFor();
    const stored = (await call(`${registration()}/api/missions/${missionId}/categories`, { token })).body.items;
    expect(stored.find((category: any) => category.code === 'press')).toMatchObject({
      names: { en: 'Press', 'zh-CN': '媒体' },
      capacity: 5,
      waitlist: false,
      questions: [{ key: 'outlet', kind: 'choice', required: true }],
    });
    await expectNoSeriousA11yViolations(page);
  });
});
