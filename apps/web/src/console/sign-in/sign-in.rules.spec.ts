import { consoleDestination, sessionSecondsLeft } from './sign-in.rules.js';

const tokenWith = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

describe('an organiser session', () => {
  const now = new Date('2019-06-09T08:00:00Z');

  it('lives as long as its token says', () => {
    expect(sessionSecondsLeft(tokenWith({ exp: now.getTime() / 1000 + 3600 }), now)).toBe(3600);
    expect(sessionSecondsLeft(tokenWith({ exp: now.getTime() / 1000 - 5 }), now)).toBe(0);
    expect(sessionSecondsLeft(tokenWith({ sub: 'no expiry' }), now)).toBeUndefined();
    expect(sessionSecondsLeft('not a token', now)).toBeUndefined();
    expect(sessionSecondsLeft('a.%%%.b', now)).toBeUndefined();
  });

  it('goes on to a console page only', () => {
    expect(consoleDestination('/console/m/3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b/registrations?status=confirmed')).toBe(
      '/console/m/3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b/registrations?status=confirmed',
    );
    expect(consoleDestination('/console')).toBe('/console');
    expect(consoleDestination(undefined)).toBe('/console');
    expect(consoleDestination('https://evil.example/console')).toBe('/console');
    expect(consoleDestination('//evil.example/console')).toBe('/console');
    expect(consoleDestination('/console/\\evil.example')).toBe('/console');
    expect(consoleDestination('/consoles')).toBe('/console');
    expect(consoleDestination('/p/agenda')).toBe('/console');
    expect(consoleDestination('/console/sign-in?next=/console')).toBe('/console');
  });
});
