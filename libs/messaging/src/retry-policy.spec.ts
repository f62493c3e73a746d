import { DEFAULT_RETRY_DELAYS_MS, decideRetry, retryCountOf } from './retry-policy.js';

describe('decideRetry', () => {
  it('sends a first failure to the shortest delay queue', () => {
    expect(decideRetry('notifications', 0, DEFAULT_RETRY_DELAYS_MS)).toEqual({
      action: 'retry',
      queue: 'mission-hub.notifications.retry.1000',
      delayMs: 1000,
      retryCount: 1,
    });
  });

  it('backs off further with each retry', () => {
    expect(decideRetry('notifications', 1, DEFAULT_RETRY_DELAYS_MS)).toMatchObject({ queue: 'mission-hub.notifications.retry.5000', retryCount: 2 });
    expect(decideRetry('notifications', 2, DEFAULT_RETRY_DELAYS_MS)).toMatchObject({ queue: 'mission-hub.notifications.retry.30000', retryCount: 3 });
  });

  it('dead-letters once every delay has been tried', () => {
    expect(decideRetry('notifications', 3, DEFAULT_RETRY_DELAYS_MS)).toEqual({
      action: 'dead-letter',
      queue: 'mission-hub.notifications.dead',
      retryCount: 3,
    });
    expect(decideRetry('notifications', 7, DEFAULT_RETRY_DELAYS_MS)).toMatchObject({ action: 'dead-letter' });
  });

  it('dead-letters at once when no retries are configured', () => {
    expect(decideRetry('dashboard', 0, [])).toMatchObject({ action: 'dead-letter', queue: 'mission-hub.dashboard.dead' });
  });
});

describe('retryCountOf', () => {
  it.each([
    [undefined, 0],
    [null, 0],
    [2, 2],
    ['3', 3],
    [-1, 0],
    [1.5, 0],
    ['many', 0],
    [{}, 0],
  ])('%p → %p', (header, expected) => {
    expect(retryCountOf(header)).toBe(expected);
  });
});
