import { categoryCode, categorySchema } from './categories.schema.js';

const valid = {
  names: { en: 'Delegate', 'zh-CN': '代表' },
  questions: [
    { key: 'arrival', kind: 'date', required: true, labels: { en: 'Arrival' } },
    {
      key: 'panel',
      kind: 'choice',
      labels: { en: 'Panel' },
      options: [
        { value: 'mobility', labels: { en: 'Mobility' } },
        { value: 'energy', labels: { en: 'Energy' } },
      ],
    },
  ],
};

const problems = (input: unknown) => {
  const parsed = categorySchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('categorySchema', () => {
  it('takes a category with defaults: no capacity of its own, a waiting list, automatic approval, always open', () => {
    expect(categorySchema.parse({ names: { en: 'Staff' } })).toEqual({
      names: { en: 'Staff' },
      capacity: null,
      waitlist: true,
      approval: 'automatic',
      opensAt: null,
      closesAt: null,
      questions: [],
      position: 0,
    });
    expect(problems(valid)).toEqual([]);
  });

  it('needs a name in at least one language, and language tags as keys', () => {
    expect(problems({ names: {} })).toEqual([expect.stringMatching(/^names: needs a text/)]);
    expect(problems({ names: { English: 'Delegate' } })).toEqual([expect.stringMatching(/^names.English: /)]);
  });

  it('needs two options, all different, for a choice, and none for other kinds', () => {
    const oneOption = { ...valid, questions: [{ ...valid.questions[1], options: [valid.questions[1]!.options![0]] }] };
    expect(problems(oneOption)).toEqual(['questions.0.options: a choice needs at least two options']);
    const same = { ...valid, questions: [{ ...valid.questions[1], options: [valid.questions[1]!.options![0], valid.questions[1]!.options![0]] }] };
    expect(problems(same)).toEqual(['questions.0.options: option values must differ']);
    const dated = { ...valid, questions: [{ ...valid.questions[0], options: valid.questions[1]!.options }] };
    expect(problems(dated)).toEqual(['questions.0.options: a date question has no options']);
  });

  it('refuses two questions with one key, an unknown kind, and a closing before the opening', () => {
    expect(problems({ ...valid, questions: [valid.questions[0], valid.questions[0]] })).toEqual(['questions: question keys must differ']);
    expect(problems({ ...valid, questions: [{ ...valid.questions[0], kind: 'number' }] })).toHaveLength(1);
    expect(problems({ ...valid, opensAt: '2019-06-01T00:00:00Z', closesAt: '2019-05-01T00:00:00Z' })).toEqual(['closesAt: must be after opensAt']);
  });

  it('takes codes of lower-case letters, digits and dashes only', () => {
    for (const code of ['delegate', 'host-city-official', 'press2']) expect(categoryCode.safeParse(code).success).toBe(true);
    for (const code of ['Delegate', '-press', 'press.tv', '', 'x'.repeat(41)]) expect(categoryCode.safeParse(code).success).toBe(false);
  });
});
