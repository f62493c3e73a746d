import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signWebhook, verifiesWith, webhookHeaders } from './webhook-signature.js';

describe('Standard Webhooks signatures', () => {
  it('makes secrets of whsec_ and 32 base64 bytes, each different', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs exactly as the specification’s own library (standardwebhooks) does', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), fc.json(), (id, timestamp, body) => {
        const secret = newWebhookSecret();
        expect(signWebhook(secret, id, timestamp, body)).toBe(new Webhook(secret).sign(id, new Date(timestamp * 1000), body));
      }),
      { numRuns: 50 },
    );
  });

  it('matches the specification’s published example', () => {
    // The example of the Standard Webhooks specification (and of its libraries' tests).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signature = signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('gives headers the library verifies, with both secrets verifying during a rotation’s overlap', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const body = JSON.stringify({ specversion: '1.0', type: 'registration.confirmed', data: { name: 'Núria' } });
    const headers = webhookHeaders([current, previous], 'a8d8d5a4-5b8e-4b0a-9f51-0d0c5b7f2e11', Math.floor(Date.now() / 1000), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(body.replace('Núria', 'Nuria'), headers)).toThrow();
    expect(verifiesWith(previous, headers['webhook-signature'], headers['webhook-id'], Number(headers['webhook-timestamp']), body)).toBe(true);
  });

  it('refuses a secret without its prefix', () => {
    expect(() => signWebhook('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'id', 1, '{}')).toThrow(/whsec_/);
  });
});
