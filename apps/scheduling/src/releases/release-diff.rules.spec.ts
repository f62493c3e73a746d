import { releaseDiff, type Programme } from './release-diff.rules.js';

const active = (content: string) => ({ status: 'active' as const, content });
const cancelled = (content: string) => ({ status: 'cancelled' as const, content });

describe('the changes a release lists', () => {
  it('lists every running session of the first release as added', () => {
    expect(releaseDiff({}, { b: active('forum'), a: active('visit') })).toEqual([
      { sessionId: 'a', change: 'added' },
      { sessionId: 'b', change: 'added' },
    ]);
  });

  it('lists added, changed and cancelled sessions since the previous release, and nothing unchanged', () => {
    const previous: Programme = { same: active('x'), moved: active('09:00'), dropped: active('y'), gone: active('z') };
    const next: Programme = { same: active('x'), moved: active('10:00'), dropped: cancelled('y'), fresh: active('w') };
    expect(releaseDiff(previous, next)).toEqual([
      { sessionId: 'fresh', change: 'added' },
      { sessionId: 'moved', change: 'changed' },
      { sessionId: 'dropped', change: 'cancelled' },
      { sessionId: 'gone', change: 'cancelled' },
    ]);
  });

  it('does not mention a session cancelled before it was released, or one already cancelled in the previous release', () => {
    expect(releaseDiff({ old: cancelled('a') }, { old: cancelled('a'), draft: cancelled('b') })).toEqual([]);
  });

  it('lists nothing when nothing changed', () => {
    const programme: Programme = { a: active('a'), b: cancelled('b') };
    expect(releaseDiff(programme, { ...programme })).toEqual([]);
  });
});
