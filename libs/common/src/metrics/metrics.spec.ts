import { Metrics } from './metrics.js';

describe('Metrics', () => {
  it('keeps one registry per application instance: two in one process define the same metrics without clashing', async () => {
    const first = new Metrics('registration');
    const second = new Metrics('scheduling');
    first.counter('mission_hub_event_retries_total', 'retries', ['type']).inc({ type: 'registration.confirmed' });
    second.counter('mission_hub_event_retries_total', 'retries', ['type']);
    expect((await first.exposition()).body).toMatch(/^mission_hub_event_retries_total\{type="registration.confirmed",service="registration"\} 1$/m);
    expect((await second.exposition()).body).not.toMatch(/registration\.confirmed/);
  });

  it('reads a gauge when scraped, and only then', async () => {
    const metrics = new Metrics('notifications');
    let reads = 0;
    metrics.gauge('mission_hub_mail_deliveries', 'mail', ['status'], (set) => {
      reads += 1;
      set(3, { status: 'pending' });
    });
    expect(reads).toBe(0);
    const { body, contentType } = await metrics.exposition();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toMatch(/^mission_hub_mail_deliveries\{status="pending",service="notifications"\} 3$/m);
    expect(reads).toBe(1);
  });
});
