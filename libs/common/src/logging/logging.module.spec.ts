import { requestLogLevel } from './logging.module.js';

describe('the level of a request line', () => {
  it('keeps a request that went well out of the info log, so that info costs no write per request', () => {
    expect(requestLogLevel(201, undefined, 12)).toBe('debug');
    expect(requestLogLevel(304, undefined, 3)).toBe('debug');
  });

  it('logs refusals and slow answers at info, failures as errors', () => {
    expect(requestLogLevel(409, undefined, 5)).toBe('info');
    expect(requestLogLevel(200, undefined, 1500)).toBe('info');
    expect(requestLogLevel(503, undefined, 5)).toBe('error');
    expect(requestLogLevel(200, new Error('socket hang up'), 5)).toBe('error');
  });
});
