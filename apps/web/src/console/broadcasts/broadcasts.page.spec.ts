import { instantIn } from './broadcasts.page.js';

describe('instantIn', () => {
  it('reads a datetime-local field in the mission’s zone', () => {
    expect(instantIn('2019-06-10T07:30', 'Asia/Shanghai')).toBe('2019-06-09T23:30:00.000Z');
    expect(instantIn('2019-06-10T07:30', 'Europe/Madrid')).toBe('2019-06-10T05:30:00.000Z');
    expect(instantIn('2019-01-10T07:30', 'Europe/Madrid')).toBe('2019-01-10T06:30:00.000Z');
    expect(instantIn('2019-06-10T07:30', 'UTC')).toBe('2019-06-10T07:30:00.000Z');
  });

  it('answers nothing for what is not a wall-clock time', () => {
    expect(instantIn('', 'UTC')).toBeUndefined();
    expect(instantIn('tomorrow', 'UTC')).toBeUndefined();
  });
});
