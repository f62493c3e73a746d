import { resumePosition, sseMessage } from './sse.js';

describe('sseMessage', () => {
  it('writes id (the position), event (the type) and data (the CloudEvent)', () => {
    expect(sseMessage({ position: 7, type: 'registration.confirmed', json: '{"id":"e1"}' })).toBe(
      'id: 7\nevent: registration.confirmed\ndata: {"id":"e1"}\n\n',
    );
  });

  it('never lets a line break end the data early', () => {
    expect(sseMessage({ position: 1, type: 't.x', json: '{\n"a":1\r\n}' })).toBe('id: 1\nevent: t.x\ndata: {\ndata: "a":1\ndata: }\n\n');
  });
});

describe('resumePosition', () => {
  it('starts at the beginning of the log without Last-Event-ID', () => {
    expect(resumePosition(undefined)).toBe(0);
    expect(resumePosition('')).toBe(0);
  });

  it('resumes after the position the client saw last', () => {
    expect(resumePosition('42')).toBe(42);
    expect(resumePosition(' 42 ')).toBe(42);
  });

  it('refuses what is not a position', () => {
    expect(resumePosition('abc')).toBeUndefined();
    expect(resumePosition('-1')).toBeUndefined();
    expect(resumePosition('1.5')).toBeUndefined();
    expect(resumePosition(['1', '2'])).toBeUndefined();
    expect(resumePosition('9'.repeat(20))).toBeUndefined();
  });
});
