/** Where the registry reads the time: the system clock, or a test's, so that tests can move time. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('mou-registry clock');

export const systemClock: Clock = { now: () => new Date() };
