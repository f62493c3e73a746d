import { mouDraftOf } from './mou-form.js';

const missionId = '0b8f7a8e-51a8-4d3c-9a57-0c3c25d4d8b1';

describe('the MoU form', () => {
  const form = {
    title: '  Smart city cooperation ',
    'summary.en': 'Urban data platforms.',
    'summary.zh': '',
    themes: 'smart city, e-mobility，education',
    'parties.0.name': 'Ajuntament de Barcelona',
    'parties.0.kind': 'city',
    'parties.0.country': 'es',
    'parties.0.city': 'Barcelona',
    'parties.1.name': '',
    'parties.2.name': 'Chengdu Municipal People’s Government',
    'parties.2.kind': 'government_body',
    'parties.2.country': 'CN',
    'signatories.0.name': '',
    'signatories.1.name': 'Laia Bonet',
    'signatories.1.title': 'Deputy Mayor',
    'signatories.1.party': 'Ajuntament de Barcelona',
    expiresOn: '2024-06-30',
    signedOn: '',
    visibility: 'public',
  };

  it('sends what was filled in, skipping empty rows and fields', () => {
    expect(mouDraftOf(form, missionId).body).toEqual({
      missionId,
      title: 'Smart city cooperation',
      summary: { en: 'Urban data platforms.' },
      themes: ['smart city', 'e-mobility', 'education'],
      parties: [
        { name: 'Ajuntament de Barcelona', kind: 'city', country: 'ES', city: 'Barcelona' },
        { name: 'Chengdu Municipal People’s Government', kind: 'government_body', country: 'CN' },
      ],
      signatories: [{ name: 'Laia Bonet', title: 'Deputy Mayor', party: 'Ajuntament de Barcelona' }],
      expiresOn: '2024-06-30',
      visibility: 'public',
    });
  });

  it('puts an error of the body beside the row of the form it came from', () => {
    const { fieldOf } = mouDraftOf(form, missionId);
    expect(fieldOf('parties.1.country')).toBe('parties.2.country');
    expect(fieldOf('signatories.0.party')).toBe('signatories.1.party');
    expect(fieldOf('parties')).toBe('parties');
    expect(fieldOf('themes.2')).toBe('themes');
    expect(fieldOf('summary')).toBe('summary.en');
    expect(fieldOf('expiresOn')).toBe('expiresOn');
  });

  it('keeps an MoU for organisers unless it is said to be public', () => {
    expect(mouDraftOf({}, missionId).body).toMatchObject({ visibility: 'organisers', parties: [], summary: {} });
  });
});
