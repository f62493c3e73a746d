import fc from 'fast-check';
import type { Question } from './category.js';
import { CategoryRules } from './categories.rules.js';

const questions: Question[] = [
  { key: 'arrival', kind: 'date', required: true, labels: { en: 'Arrival' }, options: [] },
  { key: 'passport-name', kind: 'text', required: false, labels: { en: 'Name in passport' }, options: [] },
  {
    key: 'forum',
    kind: 'choice',
    required: false,
    labels: { en: 'Panel' },
    options: [
      { value: 'mobility', labels: { en: 'Mobility' } },
      { value: 'energy', labels: { en: 'Energy' } },
    ],
  },
  {
    key: 'diet',
    kind: 'choices',
    required: false,
    labels: { en: 'Diet' },
    options: [
      { value: 'vegetarian', labels: { en: 'Vegetarian' } },
      { value: 'halal', labels: { en: 'Halal' } },
      { value: 'no-nuts', labels: { en: 'No nuts' } },
    ],
  },
  { key: 'photo', kind: 'yes-no', required: true, labels: { en: 'Photo consent' }, options: [] },
];

describe('CategoryRules', () => {
  describe('choose', () => {
    const categories = [{ code: 'delegate' }, { code: 'press' }];

    it('needs a category when the mission has some, and one of them', () => {
      expect(CategoryRules.choose(categories, 'press')).toEqual({ ok: true, category: { code: 'press' } });
      expect(CategoryRules.choose(categories, undefined)).toEqual({ ok: false, reason: 'category-required' });
      expect(CategoryRules.choose(categories, 'Press')).toEqual({ ok: false, reason: 'unknown-category' });
    });

    it('takes none when the mission has none, and refuses one named anyway', () => {
      expect(CategoryRules.choose([], undefined)).toEqual({ ok: true, category: null });
      expect(CategoryRules.choose([], 'delegate')).toEqual({ ok: false, reason: 'unknown-category' });
    });
  });

  describe('check', () => {
    it('keeps valid answers, trimmed, with several options in the order of the question', () => {
      expect(
        CategoryRules.check(questions, {
          arrival: '2019-06-10',
          'passport-name': '  ZHANG Wei ',
          forum: 'energy',
          diet: ['no-nuts', 'vegetarian'],
          photo: false,
        }),
      ).toEqual({ ok: true, answers: { arrival: '2019-06-10', 'passport-name': 'ZHANG Wei', forum: 'energy', diet: ['vegetarian', 'no-nuts'], photo: false } });
    });

    it('leaves an optional question unanswered, empty text or an empty list included', () => {
      expect(CategoryRules.check(questions, { arrival: '2019-06-10', photo: true, 'passport-name': ' ', diet: [] })).toEqual({
        ok: true,
        answers: { arrival: '2019-06-10', photo: true },
      });
    });

    it('names each problem on its own question', () => {
      const checked = CategoryRules.check(questions, { forum: 'culture', diet: ['halal', 'halal'], extra: 'x', 'passport-name': 42 });
      expect(checked).toEqual({
        ok: false,
        errors: [
          { field: 'answers.extra', message: 'is not a question of this category' },
          { field: 'answers.arrival', message: 'is required' },
          { field: 'answers.passport-name', message: 'must be text' },
          { field: 'answers.forum', message: 'must be one of: mobility, energy' },
          { field: 'answers.diet', message: 'must not repeat an option' },
          { field: 'answers.photo', message: 'is required' },
        ],
      });
    });

    it('takes false as an answer to a required yes/no question', () => {
      expect(CategoryRules.check([questions[4]!], { photo: false })).toEqual({ ok: true, answers: { photo: false } });
      expect(CategoryRules.check([questions[4]!], { photo: 'yes' })).toMatchObject({ ok: false, errors: [{ message: 'must be true or false' }] });
    });

    it('takes only real calendar dates', () => {
      for (const date of ['2019-02-29', '2019-13-01', '10/06/2019', '2019-6-1'])
        expect(CategoryRules.check([questions[0]!], { arrival: date })).toMatchObject({ ok: false });
      expect(CategoryRules.check([questions[0]!], { arrival: '2020-02-29' })).toMatchObject({ ok: true });
    });

    it('refuses text too long or with a NUL character', () => {
      expect(CategoryRules.check([questions[1]!], { 'passport-name': 'x'.repeat(2001) })).toMatchObject({ ok: false });
      expect(CategoryRules.check([questions[1]!], { 'passport-name': 'a\u0000b' })).toMatchObject({ ok: false });
    });

    it('does not take an inherited property for an answer', () => {
      expect(CategoryRules.check([{ ...questions[1]!, key: 'constructor', required: true }], {})).toMatchObject({ ok: false });
    });

    it('keeps answers only to its questions, and every answer it keeps holds (property)', () => {
      const anyAnswer = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.constantFrom('vegetarian', 'halal', 'no-nuts', 'x')),
        fc.constant(null),
      );
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom('arrival', 'passport-name', 'forum', 'diet', 'photo', 'other'), anyAnswer), (given) => {
          const checked = CategoryRules.check(questions, given);
          if (!checked.ok) {
            expect(checked.errors.length).toBeGreaterThan(0);
            return;
          }
          expect(Object.keys(checked.answers).every((key) => questions.some((question) => question.key === key))).toBe(true);
          for (const question of questions.filter((q) => q.required)) expect(checked.answers).toHaveProperty(question.key);
          // What is kept checks again as itself.
          expect(CategoryRules.check(questions, checked.answers)).toEqual(checked);
        }),
      );
    });
  });

  describe('language', () => {
    const available = ['en', 'zh-CN', 'es'];

    it('takes the first language of Accept-Language the texts have, by weight', () => {
      expect(CategoryRules.language(available, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
      expect(CategoryRules.language(available, 'fr;q=0.5, es;q=0.7')).toBe('es');
      expect(CategoryRules.language(available, 'ES')).toBe('es');
    });

    it('matches by primary language either way', () => {
      expect(CategoryRules.language(available, 'es-MX')).toBe('es');
      expect(CategoryRules.language(available, 'zh')).toBe('zh-CN');
    });

    it('falls back to English, else to the first language the texts have', () => {
      expect(CategoryRules.language(available, 'fr')).toBe('en');
      expect(CategoryRules.language(available, undefined)).toBe('en');
      expect(CategoryRules.language(available, '*')).toBe('en');
      expect(CategoryRules.language(['de', 'it'], 'fr')).toBe('de');
      expect(CategoryRules.language(available, 'es;q=0, it')).toBe('en');
    });

    it('always answers one of the languages it has (property)', () => {
      fc.assert(
        fc.property(fc.constantFrom(...available), fc.string({ maxLength: 40 }), (first, header) => {
          expect(available).toContain(CategoryRules.language([first, ...available.filter((tag) => tag !== first)], header));
        }),
      );
    });

    it('gives a text in the chosen language', () => {
      expect(CategoryRules.text({ en: 'Delegate', 'zh-CN': '代表' }, 'zh-CN')).toBe('代表');
      expect(CategoryRules.text({ en: 'Delegate', 'zh-CN': '代表' }, 'ca')).toBe('Delegate');
    });
  });

  describe('csv', () => {
    it('has a column per question, named by category and question', () => {
      expect(
        CategoryRules.csvColumns([
          { code: 'delegate', questions: questions.slice(0, 2) },
          { code: 'press', questions: [] },
          { code: 'guest', questions: questions.slice(4) },
        ]),
      ).toEqual(['delegate.arrival', 'delegate.passport-name', 'guest.photo']);
    });

    it('writes several options joined, yes/no as words, nothing as empty', () => {
      expect(CategoryRules.csvValue(['vegetarian', 'halal'])).toBe('vegetarian; halal');
      expect([CategoryRules.csvValue(true), CategoryRules.csvValue(false)]).toEqual(['yes', 'no']);
      expect(CategoryRules.csvValue(undefined)).toBeNull();
      expect(CategoryRules.csvValue('2019-06-10')).toBe('2019-06-10');
    });
  });

  describe('window', () => {
    it('is open between the category’s moments', () => {
      const opensAt = new Date('2019-05-01T00:00:00Z');
      const closesAt = new Date('2019-06-01T00:00:00Z');
      expect(CategoryRules.window({ opensAt, closesAt }, new Date('2019-04-30T00:00:00Z'))).toBe('not-yet-open');
      expect(CategoryRules.window({ opensAt, closesAt }, opensAt)).toBe('open');
      expect(CategoryRules.window({ opensAt, closesAt }, closesAt)).toBe('closed');
    });
  });
});
