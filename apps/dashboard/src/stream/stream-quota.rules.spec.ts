import { StreamQuota } from './stream-quota.rules.js';

describe('streams per organiser', () => {
  it('refuses past the limit, per organiser, and takes one again once a stream closes', () => {
    const quota = new StreamQuota(2);
    expect([quota.open('ana'), quota.open('ana'), quota.open('ana')]).toEqual([true, true, false]);
    expect(quota.open('li')).toBe(true);
    quota.close('ana');
    expect(quota.open('ana')).toBe(true);
    quota.close('ana');
    quota.close('ana');
    expect(quota.openBy('ana')).toBe(0);
  });
});
