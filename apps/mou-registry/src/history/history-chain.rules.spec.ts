import fc from 'fast-check';
import { canonicalJson, chain, GENESIS_HASH, verifyChain, type HistoryEntry } from './history-chain.rules.js';

const mouId = '5b0f6b1e-8a49-4c53-9d37-3d1f0e2b7a10';

function trail(length: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (let n = 0; n < length; n++) {
    entries.push(
      chain(
        {
          mouId,
          action: n === 0 ? 'created' : 'updated',
          actor: 'organiser@test',
          at: new Date(Date.UTC(2019, 5, 1, 0, n)).toISOString(),
          details: { n, fields: ['title'] },
        },
        entries.at(-1) ?? null,
      ),
    );
  }
  return entries;
}

describe('the audit trail hash chain', () => {
  it('starts from the genesis hash and links each entry to the one before', () => {
    const entries = trail(3);
    expect(entries[0]!.previousHash).toBe(GENESIS_HASH);
    expect(entries[1]!.previousHash).toBe(entries[0]!.hash);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(verifyChain(entries)).toEqual({ intact: true, entries: 3 });
  });

  it('is intact when empty', () => {
    expect(verifyChain([])).toEqual({ intact: true, entries: 0 });
  });

  it('names an entry whose content was changed', () => {
    const entries = trail(5);
    entries[2] = { ...entries[2]!, actor: 'intruder' };
    expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: 3, reason: 'its content does not match its hash' });
  });

  it('names an entry whose hash was recomputed after a change: the next one no longer follows it', () => {
    const entries = trail(5);
    const forged = chain({ ...entries[1]!, details: { n: 99 } }, entries[0]!);
    entries[1] = forged;
    expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: 3, reason: 'it does not follow the entry before it' });
  });

  it('names the place of a removed entry', () => {
    const entries = trail(4);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: 3, reason: 'entry 2 is missing' });
  });

  it('does not depend on the order of keys (jsonb reorders them)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
    const [entry] = trail(1);
    const reordered = { ...entry!, details: { fields: ['title'], n: 0 } };
    expect(verifyChain([reordered])).toEqual({ intact: true, entries: 1 });
  });

  it('finds any single changed detail in any entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(), fc.string(), (length, at, value) => {
        const entries = trail(length);
        const index = at % length;
        fc.pre(value !== String(index));
        entries[index] = { ...entries[index]!, details: { ...entries[index]!.details, n: value } };
        expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: index + 1 });
      }),
    );
  });
});
