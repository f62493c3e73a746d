import { translator } from '../kit/messages.js';
import { participantMessages } from './participant.messages.js';
import { refusalWords } from './refusal.js';

const problems = 'https://mission-hub.dev/problems/';
const en = translator(participantMessages, 'en');
const zh = translator(participantMessages, 'zh');
const when = (startsAt: string, endsAt: string) => `${startsAt}/${endsAt}`;
const forum = { sessionId: 's-1', title: 'EU-China forum', startsAt: '2019-06-10T01:00:00Z', endsAt: '2019-06-10T03:00:00Z' };
const problem = (kind: string, status: number, extensions: Record<string, unknown> = {}) => ({
  type: `${problems}${kind}`,
  title: kind,
  status,
  ...extensions,
});

describe('refusals in words', () => {
  it('names the session an overlap clashes with, and when it is', () => {
    expect(refusalWords(problem('schedule-conflict', 409, { conflictsWith: forum }), en, when)).toBe(
      'It overlaps “EU-China forum” (2019-06-10T01:00:00Z/2019-06-10T03:00:00Z), in which you already are. Leave that one first to take this one.',
    );
  });

  it('names the journey that a too-short transfer leaves no time for', () => {
    const refused = problem('transfer-too-short', 409, { conflictsWith: forum, transfer: { between: ['Chengdu', 'Liuzhou'], minutes: 240 } });
    expect(refusalWords(refused, en, when)).toContain('the journey between Chengdu and Liuzhou takes 240 minutes');
    expect(refusalWords(refused, zh, when)).toContain('Chengdu 与 Liuzhou 之间的行程需要 240 分钟');
  });

  it('has words for the other refusals of enrolling and answering', () => {
    expect(refusalWords(problem('not-a-confirmed-participant', 422), en, when)).toBe(en('refusal.notConfirmed'));
    expect(refusalWords(problem('already-answered', 409), en, when)).toBe(en('refusal.alreadyAnswered'));
    expect(refusalWords(problem('forbidden', 403), en, when)).toBe(en('refusal.forOthers'));
  });

  it("falls back on the service's own detail for a refusal it has no words for", () => {
    expect(refusalWords(problem('something-new', 409, { detail: 'A new rule.' }), en, when)).toBe('This could not be done: A new rule.');
    expect(refusalWords(problem('schedule-conflict', 409), en, when)).toBe('This could not be done.');
  });
});
