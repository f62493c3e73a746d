import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAssetManifest } from '../../kit/assets.js';
import type { PageContext } from '../../kit/page-context.js';
import { endpointPage, webhooksPage, type EndpointItem } from './webhooks.page.js';

const page: PageContext = { language: 'en', locale: 'en', path: '/console/m/x/webhooks', query: {} };
const mission = {
  id: '8f0b6a2e-3f5d-4c2a-9b1e-6d7c8e9f0a1b',
  code: 'CN-2019',
  title: 'Chengdu',
  startsOn: '2019-06-09',
  endsOn: '2019-06-15',
  timezone: 'Asia/Shanghai',
};
const endpoint: EndpointItem = {
  id: '0d5f3c1a-9e2b-4f6a-8c7d-1e2f3a4b5c6d',
  url: 'https://hooks.example.com/in?<x>',
  description: null,
  contactEmail: null,
  eventTypes: ['registration.*'],
  status: 'enabled',
  disabledReason: null,
  failingSince: null,
  previousSecretValidUntil: null,
};
const delivery = {
  id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  eventId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  eventType: 'registration.confirmed',
  status: 'failed' as const,
  attempts: 3,
  lastStatusCode: 500,
  lastError: 'the endpoint answered 500',
  createdAt: '2019-06-10T02:00:00Z',
  payloadErased: false,
};

describe('the webhooks console pages', () => {
  // The layout names its stylesheet by its built address: a manifest of the test's own stands for the build.
  beforeAll(() => {
    const directory = mkdtempSync(join(tmpdir(), 'webhooks-page-'));
    writeFileSync(join(directory, 'manifest.json'), JSON.stringify({ 'kit/site.css': '/assets/site.css' }));
    loadAssetManifest(directory);
  });

  it('list the endpoints, escaped, with the form of a new one and its errors at their fields', () => {
    const html = webhooksPage(page, {
      mission,
      endpoints: [endpoint],
      form: { values: { url: 'http://127.0.0.1/' }, errors: { url: 'is on a loopback address' } },
    });
    expect(html).toContain('https://hooks.example.com/in?&lt;x&gt;');
    expect(html).toContain(`href="/console/m/${mission.id}/webhooks/${endpoint.id}"`);
    expect(html).toContain('is on a loopback address');
    expect(html).toContain('value="http://127.0.0.1/"');
    expect(html).toContain('aria-current="page"');
  });

  it('show the secret only when given (right after it was made or rotated), and redelivery where it can be done', () => {
    const view = {
      mission,
      endpoint,
      attempts: { items: [], nextCursor: null },
      deliveries: [delivery, { ...delivery, id: 'erased', payloadErased: true, status: 'dropped' as const }],
    };
    const withSecret = endpointPage(page, { ...view, secret: 'whsec_abc+/=' });
    expect(withSecret).toContain('whsec_abc+/=');
    expect(endpointPage(page, view)).not.toContain('whsec_');
    expect(withSecret.match(/\/redeliver"/g)).toHaveLength(1);
    expect(endpointPage(page, { ...view, endpoint: { ...endpoint, status: 'disabled', disabledReason: 'the endpoint answered 410 Gone' } })).not.toContain(
      '/redeliver"',
    );
  });
});
