import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { gateway } from './gateway/gateway.js';
import { loadAssetManifest } from './kit/assets.js';
import { pageCompression, precompressedAssets } from './kit/compression.js';
import { pageMiddleware } from './kit/page-middleware.js';
import type { WebConfig } from './web-config.js';
import { WebModule } from './web.module.js';
import { requestLogging } from './web-logging.js';

/**
 * The web entry, the same for `main.ts` and the tests: request log, `/api/…` forwarded (before
 * any body parser, so bodies stream), `/assets/…` from the build, then the pages (form posts).
 * No database and no broker: unlike a service it does not use `createServiceApplication`.
 */
export async function createWebApplication(config: WebConfig): Promise<NestExpressApplication> {
  loadAssetManifest(config.assetsDir);
  const app = await NestFactory.create<NestExpressApplication>(WebModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestLogging(config));
  app.use(gateway(config));
  // Built files carry their content hash in their name: cached for a year, never revalidated.
  app.use('/assets', precompressedAssets(config.assetsDir));
  app.use('/assets', express.static(config.assetsDir, { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  // No icon: an empty answer, so that every page does not cost the browser a "not found" page.
  app.use('/favicon.ico', (_request: Request, response: Response) => void response.status(204).setHeader('Cache-Control', 'public, max-age=86400').end());
  app.use(pageMiddleware(config.allowedOrigins));
  app.use(pageCompression());
  app.use(express.urlencoded({ extended: false, limit: '32kb' }));
  app.use(express.json({ limit: '32kb' }));
  app.enableShutdownHooks();
  return app;
}
