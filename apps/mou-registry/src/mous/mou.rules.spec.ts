import { mouStatuses, type MouStatus } from '#contracts';
import { formatReference, missingForSigning, MouLifecycle } from './mou.rules.js';

const allowedByOrganiser: [MouStatus, MouStatus][] = [
  ['draft', 'negotiating'],
  ['draft', 'terminated'],
  ['negotiating', 'draft'],
  ['negotiating', 'signed'],
  ['negotiating', 'terminated'],
  ['signed', 'in_force'],
  ['signed', 'terminated'],
  ['in_force', 'completed'],
  ['in_force', 'terminated'],
];
const allowedByClock: [MouStatus, MouStatus][] = [
  ['signed', 'expired'],
  ['in_force', 'expired'],
];

const key = ([from, to]: [MouStatus, MouStatus]) => `${from}→${to}`;
const every = mouStatuses.flatMap((from) => mouStatuses.map((to) => [from, to] as [MouStatus, MouStatus]));

describe('the MoU lifecycle', () => {
  const byOrganiser = new Set(allowedByOrganiser.map(key));
  const byClock = new Set(allowedByClock.map(key));

  it.each(allowedByOrganiser)('an organiser may move %s → %s', (from, to) => {
    expect(MouLifecycle.check(from, to, 'organiser')).toEqual({ allowed: true });
  });

  it.each(every.filter((pair) => !byOrganiser.has(key(pair))))('an organiser may not move %s → %s, and is told what is allowed', (from, to) => {
    const check = MouLifecycle.check(from, to, 'organiser');
    expect(check.allowed).toBe(false);
    expect(check).toEqual({ allowed: false, allowedStatuses: allowedByOrganiser.filter(([f]) => f === from).map(([, t]) => t) });
  });

  it.each(allowedByClock)('the clock expires %s → %s', (from, to) => {
    expect(MouLifecycle.check(from, to, 'clock')).toEqual({ allowed: true });
  });

  it.each(every.filter((pair) => !byClock.has(key(pair))))('the clock does not move %s → %s', (from, to) => {
    expect(MouLifecycle.check(from, to, 'clock').allowed).toBe(false);
  });

  it('ends in completed, terminated or expired, from where nothing moves', () => {
    for (const end of ['completed', 'terminated', 'expired'] as const) {
      expect(MouLifecycle.next(end, 'organiser')).toEqual([]);
      expect(MouLifecycle.isClosed(end)).toBe(true);
    }
  });

  it('freezes what was agreed from signing on', () => {
    expect(mouStatuses.filter((status) => MouLifecycle.isSigned(status))).toEqual(['signed', 'in_force', 'completed', 'terminated', 'expired']);
  });
});

describe('signing', () => {
  it('names what is missing', () => {
    expect(missingForSigning({ signedOn: null, signedPlace: null, versions: 0, signatories: 0 })).toEqual([
      'signedOn',
      'signedPlace',
      'versions',
      'signatories',
    ]);
    expect(missingForSigning({ signedOn: '2019-06-12', signedPlace: 'Chengdu', versions: 1, signatories: 2 })).toEqual([]);
  });
});

describe('reference numbers', () => {
  it('have the year and four digits at least', () => {
    expect(formatReference(2019, 7)).toBe('MOU-2019-0007');
    expect(formatReference(2026, 12345)).toBe('MOU-2026-12345');
  });
});
