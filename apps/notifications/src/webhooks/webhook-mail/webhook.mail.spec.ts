import { composeEndpointDisabled } from './webhook.mail.js';

const disabled = {
  endpointId: '0d5f3c1a-9e2b-4f6a-8c7d-1e2f3a4b5c6d',
  missionId: '8f0b6a2e-3f5d-4c2a-9b1e-6d7c8e9f0a1b',
  url: 'https://hooks.example.com/in',
  reason: 'failing' as const,
  detail: 'every attempt has failed since 2026-12-01T10:00:00Z',
  contactEmail: 'integrations@chengdu.example',
  failingSince: '2026-12-01T10:00:00Z',
  language: 'ca',
  disabledAt: '2026-12-06T10:00:00Z',
};

describe('the mail of a disabled webhook endpoint', () => {
  it('goes to the contact address, in the endpoint’s language, saying why', () => {
    const mail = composeEndpointDisabled(disabled)!;
    expect(mail.to.address).toBe('integrations@chengdu.example');
    expect(mail.language).toBe('ca');
    expect(mail.subject).toBe('Endpoint de webhook desactivat: https://hooks.example.com/in');
    expect(mail.text).toContain('han fallat des de');
    expect(composeEndpointDisabled({ ...disabled, reason: 'gone', language: 'en' })!.text).toContain('it answered 410 Gone');
  });

  it('is not sent without a contact address', () => {
    expect(composeEndpointDisabled({ ...disabled, contactEmail: null })).toBeNull();
  });
});
