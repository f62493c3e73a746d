import { inlineEventJson, MAX_INLINE_EVENT_BYTES, parseStreamNotice, streamChannel } from './stream-notice.js';

const missionId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('stream notices', () => {
  it('reads position, mission, type and the CloudEvent JSON, spaces and all', () => {
    const json = JSON.stringify({ type: 'registration.confirmed', data: { title: 'a mission with spaces' } });
    expect(parseStreamNotice(`17 ${missionId} registration.confirmed ${json}`)).toEqual({ position: 17, missionId, type: 'registration.confirmed', json });
  });

  it('leaves the JSON to be read from the log when the event did not fit', () => {
    expect(parseStreamNotice(`18 ${missionId} mou.drafted `)).toEqual({ position: 18, missionId, type: 'mou.drafted', json: null });
    expect(inlineEventJson('x'.repeat(MAX_INLINE_EVENT_BYTES + 1))).toBe('');
    expect(inlineEventJson('{"a":1}')).toBe('{"a":1}');
  });

  it('ignores what it cannot read', () => {
    expect(parseStreamNotice('')).toBeNull();
    expect(parseStreamNotice('hello')).toBeNull();
    expect(parseStreamNotice(`x ${missionId} a.b {}`)).toBeNull();
    expect(parseStreamNotice(`0 ${missionId} a.b {}`)).toBeNull();
  });

  it('names one channel per schema, always a valid identifier length', () => {
    expect(streamChannel('dashboard')).toBe('stream.dashboard');
    expect(streamChannel('dashboard_t3f9')).not.toBe(streamChannel('dashboard'));
    expect(Buffer.byteLength(streamChannel('d'.repeat(63)))).toBeLessThanOrEqual(63);
  });
});
