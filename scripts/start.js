#!/usr/bin/env node
// `npm start`: the whole system on this machine, in the foreground. Builds if there is no build;
// each service creates the database and its schema if missing and runs its migrations at start.
// In development each service connects with its own Postgres role, made here (npm run setup's database part).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const services = [
  { name: 'scheduling', port: 3002 },
  { name: 'registration', port: 3001 },
  { name: 'mou-registry', port: 3003 },
  { name: 'notifications', port: 3004 },
  { name: 'dashboard', port: 3000 },
];

// Without SMTP_URL, notifications sends to the development mail catcher that the web entry runs
// in its own process (MAIL_CATCHER_URL), and /dev/mail shows what was sent.
const mailCatcher = process.env.SMTP_URL || process.env.NODE_ENV === 'production' ? null : (process.env.MAIL_CATCHER_URL ?? 'smtp://127.0.0.1:1025');
const mailEnv = mailCatcher ? { SMTP_URL: mailCatcher } : {};

// The web entry (pages, and /api/… forwarded to the services) starts once the services answer.
const web = { name: 'web', port: Number(process.env.WEB_PORT ?? 8080), env: mailCatcher ? { MAIL_CATCHER_URL: mailCatcher } : {} };

if (![...services, web].every(({ name }) => existsSync(`dist/apps/${name}/src/main.js`)) || !existsSync('dist/apps/web/assets/manifest.json')) {
  console.log('No build found: building…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Each service's own role, with DATABASE_URL's user as the admin (docs/DESIGN.md, "Boundaries"); a <SERVICE>_DATABASE_URL
// already set wins. The broker stays on guest: its users need rabbitmqctl on the broker's host or the management plugin.
const ownDatabases = process.env.NODE_ENV === 'production' ? {} : await databaseRoles();
async function databaseRoles() {
  try {
    // A build from before the setup existed has no setup.js: the services then share DATABASE_URL, as they did.
    const { setUpDatabase } = await import('../dist/scripts/setup.js');
    const own = await setUpDatabase({ ...process.env, NODE_ENV: 'development' }, () => undefined);
    console.log('Each service connects with its own Postgres role, which reaches only its schema (npm run setup -- database).');
    return own;
  } catch (error) {
    console.warn(`Each service's own database role could not be set up (${error.message}); every service uses DATABASE_URL.`);
    return {};
  }
}

function launch({ name, port, env = {} }) {
  const child = spawn(process.execPath, [`dist/apps/${name}/src/main.js`], {
    // `npm start` is the development system: the development secret is accepted only where NODE_ENV says so.
    env: { NODE_ENV: 'development', ...ownDatabases, ...process.env, ...mailEnv, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping the others.`);
      stop(1);
    }
  });
  return { name, port, child };
}

const children = services.map(launch);

let stopping = false;
function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(children.map(({ child }) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve))))).then(() =>
    process.exit(exitCode),
  );
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

async function ready({ port }) {
  for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) return true;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const results = await Promise.all(children.map(ready));
if (!stopping) children.push(launch(web));
const webReady = !stopping && (await ready(web));
if (!stopping) {
  console.log('\nmission-hub is up:');
  console.log(
    `  pages          http://127.0.0.1:${web.port}/   (the API of every service under http://127.0.0.1:${web.port}/api/…)${webReady ? '' : '   (not ready yet)'}`,
  );
  if (mailCatcher)
    console.log(`  mail           http://127.0.0.1:${web.port}/dev/mail   (what the system sent; SMTP_URL unset, so mail goes to ${mailCatcher})`);
  children
    .slice(0, services.length)
    .forEach((service, i) =>
      console.log(
        `  ${service.name.padEnd(14)} http://127.0.0.1:${service.port}/api   OpenAPI: http://127.0.0.1:${service.port}/api/docs${results[i] ? '' : '   (not ready yet)'}`,
      ),
    );
  console.log('Ctrl-C stops everything.\n');
}
