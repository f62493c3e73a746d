import type { RegistrationView } from './participant-api.js';
import { changeOf, postedValues } from './registration-form.js';

const ana: RegistrationView = {
  id: 'r-1',
  missionId: 'm-1',
  status: 'confirmed',
  waitlistPosition: null,
  email: 'ana.puig@bcn.cat',
  givenName: 'Ana',
  familyName: 'Puig',
  jobTitle: 'Head of international relations',
  organisation: { name: 'Ajuntament de Barcelona', type: 'city', country: 'ES', city: 'Barcelona' },
  delegation: 'Barcelona',
  preferredLanguage: 'es',
  timezone: 'Europe/Madrid',
  dietary: null,
  accessibility: null,
  rejectionReason: null,
  checkedInAt: null,
  cancelledAt: null,
};

const form = (fields: Record<string, string>) => postedValues(fields, ana);

describe("the participant's details form", () => {
  it('sends nothing for a form posted as it was shown', () => {
    expect(changeOf(form({ givenName: 'Ana ', familyName: 'Puig', 'organisation.city': 'Barcelona', dietary: '' }), ana)).toEqual({});
  });

  it('sends only what changed, an organisation field inside the organisation', () => {
    expect(changeOf(form({ givenName: 'Anna', 'organisation.name': 'Barcelona City Council', dietary: 'vegetarian' }), ana)).toEqual({
      givenName: 'Anna',
      organisation: { name: 'Barcelona City Council' },
      dietary: 'vegetarian',
    });
  });

  it('clears an optional detail left empty, and sends a required one empty for the API to refuse by name', () => {
    expect(changeOf(form({ jobTitle: '', 'organisation.city': '  ', familyName: '' }), ana)).toEqual({
      jobTitle: null,
      familyName: '',
      organisation: { city: null },
    });
  });
});
