import { createMouSchema, updateMouSchema } from './mou.schema.js';

const valid = {
  title: 'Smart city cooperation',
  summary: { en: 'Urban data.', 'zh-CN': '城市数据' },
  parties: [
    { name: 'Ajuntament de Barcelona', kind: 'city', country: 'ES' },
    { name: 'Chengdu', kind: 'government_body', country: 'CN' },
  ],
  signatories: [{ name: 'Laia Bonet', title: 'Deputy Mayor', party: 'ajuntament de barcelona' }],
};

const fields = (input: unknown, schema = createMouSchema) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('an MoU as organisers record it', () => {
  it('accepts a valid record, with defaults', () => {
    const parsed = createMouSchema.parse(valid);
    expect(parsed).toMatchObject({ themes: [], visibility: 'organisers' });
  });

  it('names each invalid field', () => {
    expect(fields({ ...valid, title: ' ', parties: [valid.parties[0]], visibility: 'secret', extra: 1 }).sort()).toEqual([
      '',
      'parties',
      'title',
      'visibility',
    ]);
    expect(fields({ ...valid, summary: {} })).toEqual(['summary']);
    expect(fields({ ...valid, summary: { english: 'x' } })).toEqual(['summary.english']);
    expect(fields({ ...valid, parties: [...valid.parties, { name: 'X', kind: 'club', country: 'Spain' }] }).sort()).toEqual([
      'parties.2.country',
      'parties.2.kind',
    ]);
  });

  it('checks the record across its fields', () => {
    expect(fields({ ...valid, signatories: [{ name: 'X', title: 'Mayor', party: 'Nobody' }] })).toEqual(['signatories.0.party']);
    expect(fields({ ...valid, parties: [valid.parties[0], { ...valid.parties[0], name: 'AJUNTAMENT DE BARCELONA' }] })).toEqual(['parties.1.name']);
    expect(fields({ ...valid, entryIntoForceOn: '2019-07-01', expiresOn: '2019-06-30' })).toEqual(['expiresOn']);
  });

  it('takes a change of one field, and refuses an empty one', () => {
    expect(fields({ visibility: 'public' }, updateMouSchema as never)).toEqual([]);
    expect(fields({}, updateMouSchema as never)).toEqual(['']);
  });
});
