import { en, zh } from './participant.catalogue.js';
import { refusalWords } from './refusal.js';

const problems = 'https://mission-hub.dev/problems/';
const when = (startsAt: string, endsAt: string) => `${startsAt}/${endsAt}`;
const forum = { sessionId: 's-1', title: 'EU-China forum', startsAt: '2019-06-10T01:00:00Z', endsAt: '2019-06-10T03:00:00Z' };

describe('refusals in words', () => {
  it('names the session an overlap clashes with, and when it is', () => {
    const words = refusalWords({ type: `${problems}schedule-conflict`, status: 409, conflictsWith: forum }, en.refusal, when);
    expect(words).toBe(
      'It overlaps “EU-China forum” (2019-06-10T01:00:00Z/2019-06-10T03:00:00Z), in which you already are. Leave that one first to take this one.',
    );
  });

  it('names the journey that a too-short transfer leaves no time for', () => {
    const problem = { type: `${problems}transfer-too-short`, status: 409, conflictsWith: forum, transfer: { between: ['Chengdu', 'Liuzhou'], minutes: 240 } };
    expect(refusalWords(problem, en.refusal, when)).toContain('the journey between Chengdu and Liuzhou takes 240 minutes');
    expect(refusalWords(problem, zh.refusal, when)).toContain('Chengdu 与 Liuzhou 之间的行程需要 240 分钟');
  });

  it('has words for the other refusals of enrolling and answering', () => {
    expect(refusalWords({ type: `${problems}not-a-confirmed-participant`, status: 422 }, en.refusal, when)).toBe(en.refusal.notConfirmed);
    expect(refusalWords({ type: `${problems}already-answered`, status: 409 }, en.refusal, when)).toBe(en.refusal.alreadyAnswered);
    expect(refusalWords({ type: `${problems}forbidden`, status: 403 }, en.refusal, when)).toBe(en.refusal.forOthers);
  });

  it("falls back on the service's own detail for a refusal it has no words for", () => {
    expect(refusalWords({ type: `${problems}something-new`, status: 409, detail: 'A new rule.' }, en.refusal, when)).toBe(
      'This could not be done. A new rule.',
    );
    expect(refusalWords({ type: `${problems}schedule-conflict`, status: 409 }, en.refusal, when)).toBe('This could not be done.');
  });
});
