import type { MouRow, SignatoryRow } from './mous.repository.js';
import { toCsvRecord, toMouView } from './mou.view.js';

const row: MouRow = {
  id: '5b0f6b1e-8a49-4c53-9d37-3d1f0e2b7a10',
  seq: '7',
  reference: 'MOU-2019-0007',
  missionId: null,
  title: '=cmd|"/c calc"!A1',
  summary: { en: 'Urban data platforms.', es: '+Movilidad eléctrica.' },
  themes: ['smart city'],
  parties: [
    { name: '@Ajuntament de Barcelona', kind: 'city', country: 'ES' },
    { name: 'Chengdu', kind: 'government_body', country: 'CN' },
  ],
  signedOn: '2019-06-12',
  signedPlace: '-Chengdu',
  entryIntoForceOn: null,
  expiresOn: null,
  visibility: 'public',
  status: 'signed',
  createdAt: new Date('2019-06-01T00:00:00Z'),
  updatedAt: new Date('2019-06-12T00:00:00Z'),
};

const signatories: SignatoryRow[] = [
  {
    position: 1,
    name: 'Delegate',
    title: 'Director',
    party: '@Ajuntament de Barcelona',
    registrationId: '00000000-0000-4000-8000-000000000001',
    erasedAt: null,
  },
  { position: 2, name: null, title: 'Vice Mayor', party: 'Chengdu', registrationId: '00000000-0000-4000-8000-000000000002', erasedAt: new Date() },
];

describe('what leaves the registry about an MoU', () => {
  it('shows the public the signatures but not who they are in registration', () => {
    const view = toMouView(row, signatories, [], false);
    expect(view.signatories).toEqual([
      { name: 'Delegate', title: 'Director', party: '@Ajuntament de Barcelona' },
      { name: null, title: 'Vice Mayor', party: 'Chengdu' },
    ]);
    expect(JSON.stringify(view)).not.toContain('registrationId');
  });

  it('shows organisers the links to participants and which were erased', () => {
    expect(toMouView(row, signatories, [], true).signatories.map((s) => [s.registrationId, s.erased])).toEqual([
      ['00000000-0000-4000-8000-000000000001', false],
      ['00000000-0000-4000-8000-000000000002', true],
    ]);
  });

  it('makes every free text of the CSV safe to open in a spreadsheet', () => {
    const record = toCsvRecord(row);
    expect(record.title).toBe(`'=cmd|"/c calc"!A1`);
    expect(record.signedPlace).toBe(`'-Chengdu`);
    expect(record.parties).toBe(`'@Ajuntament de Barcelona (city, ES); Chengdu (government_body, CN)`);
    expect(record.summary).toBe('[en] Urban data platforms. [es] +Movilidad eléctrica.');
    expect(record.reference).toBe('MOU-2019-0007');
  });
});
