import fc from 'fast-check';
import { matchScore, significantWords, suggest, THEME_POINTS, type MatchCandidate, type MatchProfile } from './suggestion.rules.js';

const profile = (overrides: Partial<MatchProfile> = {}): MatchProfile => ({
  offers: '',
  seeks: '',
  themes: [],
  sectors: [],
  languages: ['en'],
  ...overrides,
});

const candidate = (registrationId: string, overrides: Partial<MatchProfile> = {}, organisation: string | null = null): MatchCandidate => ({
  registrationId,
  organisation,
  profile: profile(overrides),
});

const arbitraryProfile = fc.record({
  offers: fc
    .array(fc.constantFrom('electric buses', 'hydrogen', 'waste water', 'smart grids', 'logistics', 'machinery', 'the and with'), { maxLength: 4 })
    .map((w) => w.join(' ')),
  seeks: fc
    .array(fc.constantFrom('electric buses', 'hydrogen', 'waste water', 'smart grids', 'logistics', 'machinery', 'partners'), { maxLength: 4 })
    .map((w) => w.join(' ')),
  themes: fc.uniqueArray(fc.constantFrom('mobility', 'energy', 'water', 'Mobility', 'health'), { maxLength: 4 }),
  sectors: fc.uniqueArray(fc.constantFrom('transport', 'utilities', 'manufacturing'), { maxLength: 3 }),
  languages: fc.uniqueArray(fc.constantFrom('en', 'zh', 'de'), { minLength: 1, maxLength: 3 }),
});

describe('suggestions of whom to meet', () => {
  const viewer = {
    registrationId: 'me',
    organisation: 'Stuttgart Region',
    profile: profile({ themes: ['mobility', 'energy'], seeks: 'electric buses and charging', offers: 'urban planning' }),
  };

  it('ranks shared themes and what the other offers of what the viewer seeks', () => {
    const ranked = suggest(
      viewer,
      [
        candidate('weak', { themes: ['energy'] }),
        candidate('strong', { themes: ['Mobility', 'energy'], offers: 'Electric buses for cities', seeks: 'urban planning advice' }),
        candidate('none', { themes: ['health'], offers: 'hospitals' }),
        candidate('middle', { themes: ['mobility'], offers: 'buses' }),
      ],
      new Set(),
      10,
    );
    expect(ranked.map((s) => s.registrationId)).toEqual(['strong', 'middle', 'weak']);
    expect(ranked[0].reasons.themes).toEqual(['energy', 'mobility']);
    expect(ranked[0].reasons.theyOffer).toEqual(['buse', 'electric']);
    expect(ranked[0].reasons.theySeek).toEqual(expect.arrayContaining(['urban', 'planning']));
  });

  it('leaves out the viewer, the excluded (hidden, met or asked) and colleagues of the same organisation', () => {
    const ranked = suggest(
      viewer,
      [
        candidate('me', { themes: ['mobility'] }),
        candidate('hidden', { themes: ['mobility'] }),
        candidate('colleague', { themes: ['mobility'] }, ' stuttgart region'),
        candidate('other', { themes: ['mobility'] }, 'LiuGong Group'),
      ],
      new Set(['hidden']),
      10,
    );
    expect(ranked.map((s) => s.registrationId)).toEqual(['other']);
  });

  it('finds the significant words of a text', () => {
    expect([...significantWords('The buses, and Electric BUSES with hydrogen; glass')].sort()).toEqual(['buse', 'electric', 'glass', 'hydrogen']);
  });

  it('scores alike both ways (what A offers B seeks is what B seeks A offers)', () => {
    fc.assert(
      fc.property(arbitraryProfile, arbitraryProfile, (a, b) => {
        expect(matchScore(a, b).score).toBe(matchScore(b, a).score);
      }),
    );
  });

  it('never suggests an excluded person or the viewer, and ranks by score, best first', () => {
    fc.assert(
      fc.property(
        arbitraryProfile,
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'me'), arbitraryProfile), { maxLength: 8 }),
        fc.subarray(['a', 'b', 'c', 'd', 'e']),
        fc.integer({ min: 1, max: 10 }),
        (mine, others, excluded, limit) => {
          const candidates = others.map(([id, p], i) => candidate(`${id}${i}`, p));
          const hidden = new Set(candidates.filter((c) => excluded.includes(c.registrationId[0])).map((c) => c.registrationId));
          const ranked = suggest({ registrationId: 'me0', organisation: null, profile: mine }, candidates, hidden, limit);
          expect(ranked.length).toBeLessThanOrEqual(limit);
          for (const s of ranked) {
            expect(hidden.has(s.registrationId)).toBe(false);
            expect(s.registrationId).not.toBe('me0');
            expect(s.score).toBeGreaterThan(0);
          }
          for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
        },
      ),
    );
  });

  it('never ranks someone lower for sharing one more theme', () => {
    fc.assert(
      fc.property(arbitraryProfile, arbitraryProfile, fc.constantFrom('urbanism', 'tourism'), (a, b, theme) => {
        const before = matchScore(a, b).score;
        const after = matchScore({ ...a, themes: [...a.themes, theme] }, { ...b, themes: [...b.themes, theme] }).score;
        expect(after).toBeGreaterThanOrEqual(before + THEME_POINTS);
      }),
    );
  });
});
