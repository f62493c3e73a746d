import { admits, placeOf, promotions } from './enrolment.rules.js';

const ana = { registrationId: 'r-ana', delegation: 'Barcelona' };
const li = { registrationId: 'r-li', delegation: null };

describe('enrolment rules', () => {
  it('admits everyone, a delegation’s members, or those invited', () => {
    expect(admits({ kind: 'all' }, li)).toBe(true);
    expect(admits({ kind: 'delegations', delegations: ['Barcelona', 'Rome'] }, ana)).toBe(true);
    expect(admits({ kind: 'delegations', delegations: ['Rome'] }, ana)).toBe(false);
    expect(admits({ kind: 'delegations', delegations: ['Rome'] }, li)).toBe(false);
    expect(admits({ kind: 'invitation', registrationIds: ['r-li'] }, li)).toBe(true);
    expect(admits({ kind: 'invitation', registrationIds: ['r-li'] }, ana)).toBe(false);
  });

  it('gives a seat while one is free, and none is ever short without a capacity', () => {
    expect(placeOf(2, 1)).toBe('confirmed');
    expect(placeOf(2, 2)).toBe('waitlisted');
    expect(placeOf(null, 10_000)).toBe('confirmed');
  });

  it('promotes as many as seats are free, and no more than wait', () => {
    expect(promotions(3, 1, 5)).toBe(2);
    expect(promotions(3, 3, 5)).toBe(0);
    expect(promotions(10, 1, 2)).toBe(2);
    expect(promotions(null, 1, 4)).toBe(4);
    expect(promotions(2, 3, 4)).toBe(0);
  });
});
