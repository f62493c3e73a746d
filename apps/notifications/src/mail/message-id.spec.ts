import { deriveMessageId, normaliseRecipient } from './message-id.js';

const eventId = '6b0e1a52-8a5e-4c1b-9d57-3f1e2a7c9b10';

describe('deriveMessageId', () => {
  it('is the same for the same event and recipient, so a re-sent copy is the same message', () => {
    expect(deriveMessageId(eventId, 'ana@example.org')).toBe(deriveMessageId(eventId, 'ana@example.org'));
  });

  it('does not depend on how the address is written', () => {
    expect(deriveMessageId(eventId, ' Ana@Example.ORG ')).toBe(deriveMessageId(eventId, 'ana@example.org'));
  });

  it('differs per event and per recipient', () => {
    const other = '7c1f2b63-9b6f-4d2c-8e68-4a2f3b8d0c21';
    expect(deriveMessageId(other, 'ana@example.org')).not.toBe(deriveMessageId(eventId, 'ana@example.org'));
    expect(deriveMessageId(eventId, 'ben@example.org')).not.toBe(deriveMessageId(eventId, 'ana@example.org'));
  });

  it('is a valid Message-ID: a sha256 of event and recipient at the mission-hub domain', () => {
    expect(deriveMessageId(eventId, 'ana@example.org')).toMatch(/^<[0-9a-f]{64}@mission-hub\.local>$/);
  });

  it('normalises recipients by trimming and lower-casing', () => {
    expect(normaliseRecipient('  Li.Wei@Example.CN')).toBe('li.wei@example.cn');
  });
});
