// `npm run demo`: against a running system (`npm start`), creates the EU Smart Cities mission to
// Chengdu and Liuzhou through the public HTTP APIs; running it again creates nothing twice.
// Services: REGISTRATION_URL, SCHEDULING_URL, MOU_REGISTRY_URL (default their own ports), or all
// through the web entry when WEB_URL is set. The organiser's token: DEMO_TOKEN, else one minted
// with JWT_SECRET (or the development secret), as `npm run token` does.
import { DEVELOPMENT_JWT_SECRET, signOrganiserToken } from '#common';
import { runDemo } from './demo/demo-run.js';
import { serviceUrls } from './demo/mission-hub-client.js';

const secret = process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
const organiserToken = process.env.DEMO_TOKEN ?? signOrganiserToken(secret, { sub: 'demo@mission-hub.local', role: 'organiser', missions: ['*'] }, 3600);
const urls = serviceUrls(process.env);
const web = (process.env.WEB_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');

console.log(`mission-hub demo: registration ${urls.registration}, scheduling ${urls.scheduling}, MoU registry ${urls['mou-registry']}\n`);
try {
  const result = await runDemo({ urls, organiserToken, keySecret: secret });
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);
  console.log(
    `\nDone: ${sum(result.created)} created, ${sum(result.found)} already there${result.skipped.length ? `, ${result.skipped.length} skipped (above)` : ''}.`,
  );
  for (const [kind, count] of Object.entries(result.created)) console.log(`  ${kind}: ${count}`);
  console.log(`
The mission:   ${urls.scheduling}/api/missions/${result.missionId}
Its page:      ${web}/m/${result.missionId}
The console:   ${web}/console
Sign in there with an organiser token of this mission:
  npm run token -- --role organiser --missions ${result.missionId}`);
} catch (error) {
  console.error(`\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof TypeError) console.error('Is the system running? `npm start` brings it up.');
  process.exit(1);
}
