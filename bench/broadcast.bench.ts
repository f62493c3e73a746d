/**
 * `npm run bench:broadcast`: a broadcast to 5,000 recipients through notifications (a process of its
 * own, built: npm run build first), from the organiser's POST until the last e-mail is handed to the
 * SMTP sink, beside bare pooled nodemailer sends of the same messages to the same sink in the same
 * run. See docs/benchmarks.md, "Broadcasts".
 */
import { signOrganiserToken } from '#common';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createTransport } from 'nodemailer';
import { composeBroadcast } from '../apps/notifications/src/broadcast-mail/broadcast.mail.js';
import { messageOf } from '../apps/notifications/src/mail/mailer.service.js';
import { eventually } from '../test/support/eventually.js';
import {
  createVhost,
  deleteVhost,
  dropSchemas,
  ensureTestDatabase,
  newRunId,
  rabbitmqUrlFor,
  TEST_DATABASE_URL,
  withDatabase,
} from '../test/support/isolation.js';
import { ThreadedSmtpSink } from '../test/support/smtp-sink.js';
import { Children, freePort, waitReady } from './harness/processes.js';

const { values: flag } = parseArgs({
  options: {
    recipients: { type: 'string', default: '5000' },
    'timeout-seconds': { type: 'string', default: '600' },
  },
});
const recipients = Number(flag.recipients);
const timeoutMs = Number(flag['timeout-seconds']) * 1000;
const languages = ['en', 'zh', 'es', 'ca', 'it', 'de', 'pt'] as const;
const mission = {
  code: 'CN-2019',
  title: 'Smart cities mission to Chengdu and Liuzhou',
  startsOn: '2019-06-09',
  endsOn: '2019-06-15',
  timezone: 'Asia/Shanghai',
};
const texts = {
  en: { subject: 'The coach leaves at 7:30', body: 'The coach to Liuzhou leaves at 7:30 instead of 8:00.\n\nPlease be in the lobby by 7:20 with your badge.' },
  es: {
    subject: 'El autocar sale a las 7:30',
    body: 'El autocar a Liuzhou sale a las 7:30 en lugar de las 8:00.\n\nEsté en el vestíbulo a las 7:20 con su acreditación.',
  },
  de: {
    subject: 'Der Bus fährt um 7:30 Uhr',
    body: 'Der Bus nach Liuzhou fährt um 7:30 Uhr statt um 8:00 Uhr.\n\nBitte seien Sie um 7:20 Uhr mit Ihrem Ausweis in der Lobby.',
  },
  zh: { subject: '大巴7:30出发', body: '前往柳州的大巴改为7:30出发（原定8:00）。\n\n请于7:20携带证件在大堂集合。' },
};

const runId = newRunId();
const schema = `notifications_bcbench_${runId}`;
const vhost = `mission-hub-bcbench-${runId}`;
const jwtSecret = randomBytes(24).toString('hex');
const logDir = mkdtempSync(join(tmpdir(), 'bench-broadcast-'));
const children = new Children(logDir);
const sink = await new ThreadedSmtpSink().start();
try {
  await Promise.all([ensureTestDatabase(), createVhost(vhost)]);
  // notifications alone, built, as a process of its own (its log in logDir).
  const port = await freePort();
  const notifications = `http://127.0.0.1:${port}`;
  const child = children.spawn('notifications', 'dist/apps/notifications/src/main.js', {
    NODE_ENV: 'production',
    RATE_LIMITS: 'off',
    DATABASE_URL: TEST_DATABASE_URL,
    DB_SCHEMA: schema,
    RABBITMQ_URL: rabbitmqUrlFor(vhost),
    SMTP_URL: sink.url,
    JWT_SECRET: jwtSecret,
    PARTICIPANT_LINK_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    PORT: String(port),
  });
  await waitReady(`${notifications}/health/ready`, child, 120_000, 'notifications');
  console.log(`notifications started (log: ${children.logOf('notifications')})`);
  const missionId = randomUUID();
  // The mission's participants, as registration's events would have left them in notifications' read models.
  await withDatabase(async (client) => {
    await client.query(
      `INSERT INTO "${schema}".participant_directory (registration_id, mission_id, status, email, given_name, family_name, job_title, preferred_language, timezone,
                                                      organisation, delegation, mission, as_of)
       SELECT gen_random_uuid(), $1, 'confirmed', 'p' || n || '@bench.example', 'Given' || n, 'Family' || n, NULL, ($3::text[])[1 + n % array_length($3::text[], 1)],
              'Europe/Madrid', '{"name":"Ajuntament","type":"city","country":"ES"}'::jsonb, 'Barcelona', $2::jsonb, now()
         FROM generate_series(1, $4) AS n`,
      [missionId, JSON.stringify(mission), languages, recipients],
    );
    await client.query(
      `INSERT INTO "${schema}".broadcast_members (registration_id, mission_id, token_as_of, as_of)
       SELECT registration_id, mission_id, now(), now() FROM "${schema}".participant_directory WHERE mission_id = $1`,
      [missionId],
    );
  });

  // Bare: the same messages (one per recipient, composed as the service composes them), pooled as the service pools them.
  const bareMessages = Array.from({ length: recipients }, (_, n) => {
    const language = (['en', 'es', 'de', 'zh'] as const)[n % 4];
    const mail = composeBroadcast(
      texts[language],
      { givenName: `Given${n}`, familyName: `Family${n}`, email: `bare${n}@bench.example` },
      language,
      mission.title,
    );
    return {
      messageId: `<bare-${n}@bench.example>`,
      causeEventId: randomUUID(),
      from: 'mission-hub <noreply@mission-hub.local>',
      to: mail.to,
      subject: mail.subject,
      text: mail.text.replace('{{sign-in-link}}', 'https://mission-hub.test/p/sign-in?link=bench'),
      html: mail.html.replace('{{sign-in-link}}', 'https://mission-hub.test/p/sign-in?link=bench'),
      date: new Date().toISOString(),
    };
  });
  const transport = createTransport({ url: sink.url, pool: true, maxConnections: 10, maxMessages: 1000 });
  const bareStart = performance.now();
  // Rendered as the service renders (messageOf), on the clock as there.
  await Promise.all(bareMessages.map((message) => transport.sendMail(messageOf(message))));
  const bareLast = Math.max(...[...sink.arrivals].filter(([address]) => address.startsWith('bare')).map(([, at]) => at));
  transport.close();
  const bareSeconds = (bareLast - bareStart) / 1000;

  // mission-hub: the organiser's POST, then every e-mail into the sink.
  const before = sink.received;
  const start = performance.now();
  const token = signOrganiserToken(jwtSecret, { sub: 'bench@organiser', role: 'organiser', missions: [missionId] });
  const response = await fetch(`${notifications}/api/missions/${missionId}/broadcasts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ audience: { anyOf: [{ type: 'mission' }] }, texts, defaultLanguage: 'en' }),
  });
  if (response.status !== 201) throw new Error(`broadcast not accepted: ${response.status} ${await response.text()}`);
  const accepted = performance.now();
  await eventually(() => sink.received - before >= recipients, { what: `${recipients} broadcast e-mails in the sink`, timeoutMs, intervalMs: 50 });
  const last = Math.max(...[...sink.arrivals].filter(([address]) => address.startsWith('p')).map(([, at]) => at));
  const seconds = (last - start) / 1000;

  const bareRate = recipients / bareSeconds;
  const rate = recipients / seconds;
  const ratio = rate / bareRate;
  console.log(`\nA broadcast to ${recipients} recipients (${languages.length} preferred languages, 4 texts), SMTP sink on its own thread:\n`);
  console.log(`  bare pooled nodemailer (10 connections)  ${bareSeconds.toFixed(2).padStart(7)} s  ${bareRate.toFixed(0).padStart(6)} mails/s`);
  console.log(
    `  mission-hub broadcast, POST → last mail  ${seconds.toFixed(2).padStart(7)} s  ${rate.toFixed(0).padStart(6)} mails/s   (POST answered in ${(accepted - start).toFixed(0)} ms)`,
  );
  console.log(`\n  ratio mission-hub / bare: ${ratio.toFixed(2)}   aim ≥ 0.5: ${ratio >= 0.5 ? 'met' : 'not met'}\n`);
} finally {
  children.get('notifications')?.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await sink.stop();
  await Promise.allSettled([deleteVhost(vhost), dropSchemas([schema])]);
}
