// `npm run token -- --role organiser [--missions <id,id>|*] [--sub you@example.org] [--hours 12]`
// prints an HS256 organiser token signed with JWT_SECRET (or the development secret).
import { DEFAULT_ORGANISER_TOKEN_MAX_LIFETIME_SECONDS, DEVELOPMENT_JWT_SECRET, signOrganiserToken } from '#common';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'organiser' },
    missions: { type: 'string', default: '*' },
    sub: { type: 'string', default: 'organiser@mission-hub.local' },
    hours: { type: 'string', default: '12' },
  },
});

if (values.role !== 'organiser') {
  console.error('Only organiser tokens are minted here; participants get theirs when they register.');
  process.exit(2);
}
const lifetime = Number(values.hours) * 3600;
const maxLifetime = Number(process.env.ORGANISER_TOKEN_MAX_LIFETIME_S ?? DEFAULT_ORGANISER_TOKEN_MAX_LIFETIME_SECONDS);
if (!(lifetime > 0 && lifetime <= maxLifetime)) {
  console.error(`--hours must be more than 0 and at most ${maxLifetime / 3600} (ORGANISER_TOKEN_MAX_LIFETIME_S): the services refuse longer tokens.`);
  process.exit(2);
}
const secret = process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
const missions = values.missions
  .split(',')
  .map((mission) => mission.trim())
  .filter(Boolean);
console.log(signOrganiserToken(secret, { sub: values.sub, role: 'organiser', missions }, lifetime));
