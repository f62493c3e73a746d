import { IdempotencyKey } from './idempotency-key.js';

const kept = (key: IdempotencyKey, body: unknown) => ({ id: key.id, fingerprint: key.fingerprint, status: key.status, body: key.seal(body) });

describe('a response kept for an Idempotency-Key', () => {
  it('is opened by the key that sealed it, as the route answered it', () => {
    const key = new IdempotencyKey('row', 'form-submit-30', 'fingerprint', 201);
    const body = { id: 'b2c7…', accessToken: 'mhp_secret' };
    expect(key.open(kept(key, body))).toEqual(body);
  });

  it('reveals nothing without the key: the stored bytes hold no part of the body, and another key cannot open them', () => {
    const key = new IdempotencyKey('row', 'form-submit-30', 'fingerprint', 201);
    const response = kept(key, { accessToken: 'mhp_secret' });
    expect(response.body.toString('latin1')).not.toContain('mhp_secret');
    expect(() => new IdempotencyKey('row', 'another-key', 'fingerprint', 201).open(response)).toThrow();
  });

  it('is not committed until a transaction that kept it has', () => {
    expect(new IdempotencyKey('row', 'k', 'f', 201).kept).toBe(false);
  });
});
