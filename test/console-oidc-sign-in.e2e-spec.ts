import { call, missionInput } from './support/api.js';
import { expectNoSeriousA11yViolations, useBrowser } from './support/browser.js';
import { useOidcProvider } from './support/oidc-provider.js';
import { useSystem } from './support/system.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { startWeb, type RunningWeb } from './support/web.js';

const AUDIENCE = 'mission-hub';

describe("the console's sign-in through an OIDC identity provider", () => {
  const provider = useOidcProvider({ clientId: 'mission-hub-console', audience: AUDIENCE });
  const system = useSystem({
    services: ['scheduling'],
    env: () => ({ OIDC_ISSUER: provider.issuer, OIDC_JWKS_URL: provider.jwksUrl, OIDC_AUDIENCE: AUDIENCE }),
  });
  const browser = useBrowser();
  // The redirect URI is fixed by WEB_BASE_URL before the web entry listens: the browser reaches it through a proxy whose port is known first.
  const webTarget = { host: '127.0.0.1', port: 0 };
  const front = new TcpProxy(webTarget);
  let web: RunningWeb | undefined;
  let base = '';

  beforeAll(async () => {
    await front.start();
    base = `http://127.0.0.1:${front.port}`;
    web = await startWeb(system, {
      env: () => ({
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: 'mission-hub-console',
        OIDC_AUDIENCE: AUDIENCE,
        WEB_BASE_URL: base,
      }),
    });
    webTarget.port = Number(new URL(web.url).port);
  }, 60_000);
  afterAll(async () => {
    await web?.stop();
    await front.stop();
  });
  afterEach(() => {
    provider.audience = AUDIENCE;
  });

  it('signs an organiser in at the identity provider, with PKCE, and shows their missions until they sign out', async () => {
    const created = await call(`${system.url('scheduling')}/api/missions`, {
      token: await provider.mint(),
      body: missionInput({ title: 'EU Smart Cities mission to Chengdu and Liuzhou' }),
    });
    expect(created.status).toBe(201);

    const page = await browser.newPage();
    await page.goto(`${base}/console`);
    await page.waitForURL(/\/console\/sign-in/);
    // The development form is not offered in front of an identity provider.
    await expect(page.getByLabel('Organiser token').count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page);
    const requestsBefore = provider.tokenRequests.length;
    await page.getByRole('link', { name: 'Sign in with the identity provider' }).click();
    await page.waitForURL(`${base}/console`);
    await expect(page.getByRole('heading', { name: 'Your missions' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('EU Smart Cities mission to Chengdu and Liuzhou').first().isVisible()).resolves.toBe(true);
    expect(provider.tokenRequests.slice(requestsBefore)).toEqual([{ verifierMatched: true }]);

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'mh_organiser');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // It ends when the token does (an hour), not with the browser's session.
    expect(session!.expires - Date.now() / 1000).toBeGreaterThan(3500);
    expect(session!.expires - Date.now() / 1000).toBeLessThanOrEqual(3600);
    // The flow's cookie is used once.
    expect(cookies.map((cookie) => cookie.name)).not.toContain('mh_oidc_flow');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in\?signedOut=1/);
    await expect(page.getByText('You have signed out.').isVisible()).resolves.toBe(true);
    const endSession = await page.getByRole('link', { name: 'Sign out at the identity provider too' }).getAttribute('href');
    expect(endSession).toMatch(new RegExp(`^${provider.issuer}/logout\\?`));
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('mh_organiser');
  });

  it('goes back to the console page the organiser was going to, and only to a page of the console', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/console/sign-in/start?next=${encodeURIComponent('/console?from=bookmark')}`);
    await page.waitForURL(`${base}/console?from=bookmark`);
    const elsewhere = await browser.newPage();
    await elsewhere.goto(`${base}/console/sign-in/start?next=${encodeURIComponent('//evil.example/console')}`);
    await elsewhere.waitForURL(`${base}/console`);
  });

  it('refuses a callback whose state is not the one this browser was given, and signs in when tried again', async () => {
    const page = await browser.newPage();
    // The browser starts a flow and goes to the identity provider (its own requests, so that the way back can be held)…
    const started = await page.request.get(`${base}/console/sign-in/start`, { maxRedirects: 0 });
    expect(started.status()).toBe(303);
    const approved = await page.request.get(started.headers().location!, { maxRedirects: 0 });
    const back = new URL(approved.headers().location!);
    expect(back.pathname).toBe('/console/sign-in/callback');
    // …and comes back with a state altered on the way, as a callback forged elsewhere would.
    back.searchParams.set('state', `${back.searchParams.get('state')}-forged`);
    const requestsBefore = provider.tokenRequests.length;
    const callback = await page.goto(back.toString());
    expect(callback?.status()).toBe(400);
    await expect(page.getByRole('heading', { name: 'Sign-in did not succeed' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not started from this browser');
    // The code was never exchanged, and no session was set.
    expect(provider.tokenRequests.length).toBe(requestsBefore);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('mh_organiser');

    await page.getByRole('link', { name: 'Try signing in again' }).click();
    await page.waitForURL(`${base}/console`);
    await expect(page.getByRole('heading', { name: 'Your missions' }).isVisible()).resolves.toBe(true);
  });

  it('refuses a token meant for another application with a page that says so, and sets no session', async () => {
    provider.audience = 'another-application';
    const page = await browser.newPage();
    await page.goto(`${base}/console/sign-in`);
    const [callback] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('/console/sign-in/callback')),
      page.getByRole('link', { name: 'Sign in with the identity provider' }).click(),
    ]);
    expect(callback.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Sign-in did not succeed' }).isVisible()).resolves.toBe(true);
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('does not give access to the console');
    expect(alert).toContain('aud');
    await expectNoSeriousA11yViolations(page);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('mh_organiser');
    await expect(page.getByRole('link', { name: 'Try signing in again' }).getAttribute('href')).resolves.toBe('/console/sign-in/start');
    // The services refuse such a token too: the web entry checked it as they do.
    const listed = await call(`${system.url('scheduling')}/api/missions`, { token: await provider.mint() });
    expect(listed.status).toBe(401);
  });

  it('speaks Chinese to a browser that asks for it', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${base}/console/sign-in`);
    await expect(page.getByRole('link', { name: '通过身份提供方登录' }).isVisible()).resolves.toBe(true);
  });

  it('says so when the organiser is not let in at the identity provider', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${base}/console/sign-in/callback?error=access_denied&state=whatever`);
    expect(response?.status()).toBe(401);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('did not sign you in (access_denied)');
    await expect(page.getByRole('link', { name: 'Try signing in again' }).isVisible()).resolves.toBe(true);
  });
});
