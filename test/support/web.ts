import type { INestApplication } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWebApplication } from '../../apps/web/src/web.application.js';
import { loadWebConfig, upstreamServices, type UpstreamService } from '../../apps/web/src/web-config.js';
import type { TestSystem } from './system.js';

export interface WebOptions {
  /** `WEB_ALLOWED_ORIGINS`: origins that may call the API cross-origin. */
  allowedOrigins?: string[];
  /** The base URL of a service instead of the system's (one that is down, to see a 502). */
  upstreams?: Partial<Record<UpstreamService, string>>;
  /** Runs the development mail catcher (`MAIL_CATCHER_URL`) on a free port, and `/dev/mail`. */
  mailCatcher?: boolean;
  /** More environment, read when it starts (an OIDC issuer that a test starts first). */
  env?: () => Record<string, string>;
}

export interface RunningWeb {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  app: INestApplication;
  stop(): Promise<void>;
}

/** Where nothing listens: a service the run did not start answers 502 through the web entry. */
const NOWHERE = 'http://127.0.0.1:9';

/**
 * The web entry in-process against a started `TestSystem`'s services, on a port the system gives,
 * with its client scripts and stylesheet built fresh (esbuild, well under a second) into a
 * directory of its own, so that it never reads a stale or half-written `dist`.
 */
export async function startWeb(system: TestSystem, options: WebOptions = {}): Promise<RunningWeb> {
  const assetsDir = mkdtempSync(join(tmpdir(), 'mission-hub-web-assets-'));
  const built = spawnSync(process.execPath, ['scripts/build-web-assets.js', assetsDir], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the web assets failed:\n${built.stderr}`);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    WEB_ASSETS_DIR: assetsDir,
    WEB_ALLOWED_ORIGINS: (options.allowedOrigins ?? []).join(','),
    ...(options.mailCatcher ? { MAIL_CATCHER_URL: 'smtp://127.0.0.1:0' } : {}),
    ...options.env?.(),
  };
  const variables: Record<UpstreamService, string> = {
    registration: 'REGISTRATION_URL',
    scheduling: 'SCHEDULING_URL',
    'mou-registry': 'MOU_REGISTRY_URL',
    notifications: 'NOTIFICATIONS_URL',
    dashboard: 'DASHBOARD_URL',
  };
  for (const service of upstreamServices) {
    let url = options.upstreams?.[service];
    if (!url) {
      try {
        url = system.url(service);
      } catch {
        url = NOWHERE;
      }
    }
    env[variables[service]] = url;
  }
  const app = await createWebApplication(loadWebConfig(env));
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async stop() {
      await app.close();
      rmSync(assetsDir, { recursive: true, force: true });
    },
  };
}

/** The web entry of one test file, started after its system (call `useSystem` first). */
export function useWeb(system: TestSystem, options: WebOptions = {}): { readonly url: string } {
  let running: RunningWeb | undefined;
  beforeAll(async () => {
    running = await startWeb(system, options);
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });
  return {
    get url() {
      if (!running) throw new Error('the web entry is used before it started');
      return running.url;
    },
  };
}
