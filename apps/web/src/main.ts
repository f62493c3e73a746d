import type { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import { loadWebConfig } from './web-config.js';
import { createWebApplication } from './web.application.js';

const config = loadWebConfig();
const app = await createWebApplication(config);
await app.listen(config.port, '0.0.0.0');
const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();
app.get(Logger).log(`web listening on http://127.0.0.1:${port}/ (pages, /api/… forwarded to the services)`);
if (process.send && process.connected) {
  process.send({ type: 'listening', port });
  process.channel?.unref();
}
