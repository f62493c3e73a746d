import fc from 'fast-check';
import type { DelegationOfSeats } from '../seats/seats.rules.js';
import { DelegationRules, MAX_DELEGATION_DEPTH, type DelegationNode } from './delegation.rules.js';

const of = (id: string, name: string, names: Record<string, string> = { en: name }, parentId: string | null = null): DelegationOfSeats => ({
  id,
  name,
  names,
  parentId,
  quota: null,
});

const stuttgart = of('s', 'Stuttgart Region', { en: 'Stuttgart Region', de: 'Region Stuttgart' });
const ludwigsburg = of('l', 'Ludwigsburg', { en: 'Ludwigsburg' }, 's');
const rome = of('r', 'Rome', { en: 'Rome', it: 'Roma', zh: '罗马' });
const mission = [stuttgart, ludwigsburg, rome];

describe('DelegationRules', () => {
  describe('resolve', () => {
    it('finds a delegation by id, or by any of its names whatever the case, width and spacing', () => {
      expect(DelegationRules.resolve(mission, { delegationId: 'l' })).toEqual({ kind: 'found', delegation: ludwigsburg });
      for (const name of ['rome', 'ROMA', ' Roma ', '罗马', 'region  stuttgart', 'Ｒｏｍｅ']) {
        expect(DelegationRules.resolve(mission, { delegation: name })).toMatchObject({
          kind: 'found',
          delegation: { id: name.includes('tuttgart') ? 's' : 'r' },
        });
      }
    });

    it('prefers the id when both are given', () => {
      expect(DelegationRules.resolve(mission, { delegationId: 'r', delegation: 'Ludwigsburg' })).toMatchObject({ kind: 'found', delegation: { id: 'r' } });
    });

    it('refuses a name or an id the mission does not have', () => {
      expect(DelegationRules.resolve(mission, { delegation: 'Lyon' })).toEqual({ kind: 'unknown' });
      expect(DelegationRules.resolve(mission, { delegation: 'Rom' })).toEqual({ kind: 'unknown' });
      expect(DelegationRules.resolve(mission, { delegationId: 'x' })).toEqual({ kind: 'unknown' });
    });

    it('keeps free text where the mission has no delegations, but never an id', () => {
      expect(DelegationRules.resolve([], { delegation: 'Lyon' })).toEqual({ kind: 'free-text', name: 'Lyon' });
      expect(DelegationRules.resolve([], { delegationId: 'x' })).toEqual({ kind: 'unknown' });
      expect(DelegationRules.resolve(mission, {})).toEqual({ kind: 'none' });
    });

    it('finds every delegation by each of its names, and no other (property)', () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(
            fc.string({ minLength: 1, maxLength: 12 }).filter((name) => name.trim() !== ''),
            { minLength: 1, maxLength: 8, selector: DelegationRules.nameKey },
          ),
          (names) => {
            const delegations = names.map((name, index) => of(String(index), name));
            names.forEach((name, index) => {
              expect(DelegationRules.resolve(delegations, { delegation: name.toUpperCase() === name.toLowerCase() ? name : name.toUpperCase() })).toMatchObject(
                { kind: 'found' },
              );
              expect(DelegationRules.resolve(delegations, { delegation: name })).toEqual({ kind: 'found', delegation: delegations[index] });
            });
          },
        ),
      );
    });
  });

  describe('clashes', () => {
    it('names the names another delegation already answers to, in any language', () => {
      expect(DelegationRules.clashes(mission, null, ['ROMA', 'Lyon'])).toEqual(['ROMA']);
      expect(DelegationRules.clashes(mission, 'r', ['Roma'])).toEqual([]);
    });
  });

  describe('hierarchy', () => {
    const tree: DelegationNode[] = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' },
      { id: 'd', parentId: null },
    ];

    it('walks up and down', () => {
      expect(DelegationRules.ancestors(tree, 'c')).toEqual(['b', 'a']);
      expect(DelegationRules.subtree(tree, 'a')).toEqual(['a', 'b', 'c']);
      expect(DelegationRules.depth(tree, 'c')).toBe(3);
      expect(DelegationRules.height(tree, 'a')).toBe(3);
    });

    it('refuses a parent that is the delegation itself or lies within it', () => {
      expect(DelegationRules.parentProblem(tree, 'a', 'a')).toBe('cycle');
      expect(DelegationRules.parentProblem(tree, 'a', 'c')).toBe('cycle');
      expect(DelegationRules.parentProblem(tree, 'b', 'c')).toBe('cycle');
    });

    it('refuses a parent the mission does not have, and nesting deeper than the limit', () => {
      expect(MAX_DELEGATION_DEPTH).toBe(3);
      expect(DelegationRules.parentProblem(tree, null, 'x')).toBe('unknown-parent');
      expect(DelegationRules.parentProblem(tree, null, 'c')).toBe('too-deep');
      expect(DelegationRules.parentProblem(tree, 'a', 'd')).toBe('too-deep');
      expect(DelegationRules.parentProblem(tree, null, 'b')).toBeNull();
      expect(DelegationRules.parentProblem(tree, 'd', 'b')).toBeNull();
      expect(DelegationRules.parentProblem(tree, 'c', null)).toBeNull();
    });

    it('never lets a cycle or an over-deep tree in, whatever the changes asked (property)', () => {
      const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), fc.option(fc.constantFrom(...ids), { nil: null })), { maxLength: 40 }), (changes) => {
          let nodes: DelegationNode[] = ids.map((id) => ({ id, parentId: null }));
          for (const [id, parentId] of changes) {
            if (DelegationRules.parentProblem(nodes, id, parentId) === null) nodes = nodes.map((node) => (node.id === id ? { ...node, parentId } : node));
          }
          for (const node of nodes) {
            expect(DelegationRules.ancestors(nodes, node.id)).not.toContain(node.id);
            expect(DelegationRules.depth(nodes, node.id)).toBeLessThanOrEqual(MAX_DELEGATION_DEPTH);
          }
        }),
      );
    });
  });

  describe('headed', () => {
    it('opens the delegations a registration heads and those within them, nothing else', () => {
      const delegations = [
        { id: 's', parentId: null, headRegistrationId: 'head' },
        { id: 'l', parentId: 's', headRegistrationId: null },
        { id: 'r', parentId: null, headRegistrationId: 'other' },
      ];
      expect(DelegationRules.headed(delegations, 'head').sort()).toEqual(['l', 's']);
      expect(DelegationRules.headed(delegations, 'nobody')).toEqual([]);
    });
  });

  describe('order of precedence', () => {
    it('moves one delegation to a place, clamped to the list', () => {
      expect(DelegationRules.moveTo(['a', 'b', 'c'], 'c', 1)).toEqual(['c', 'a', 'b']);
      expect(DelegationRules.moveTo(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
      expect(DelegationRules.moveTo(['a', 'b', 'c'], 'b', 2)).toEqual(['a', 'b', 'c']);
    });

    it('takes a new order only when it names each delegation once', () => {
      expect(DelegationRules.isPermutation(['a', 'b'], ['b', 'a'])).toBe(true);
      expect(DelegationRules.isPermutation(['a', 'b'], ['a', 'a'])).toBe(false);
      expect(DelegationRules.isPermutation(['a', 'b'], ['a'])).toBe(false);
      expect(DelegationRules.isPermutation(['a', 'b'], ['a', 'c'])).toBe(false);
    });
  });

  describe('names per language', () => {
    it('serves the reader’s first language the delegation has, by whole tag then primary language, else its main name', () => {
      expect(DelegationRules.nameFor(stuttgart, 'de-DE,en;q=0.8')).toBe('Region Stuttgart');
      expect(DelegationRules.nameFor(rome, 'fr, it;q=0.5')).toBe('Roma');
      expect(DelegationRules.nameFor(rome, 'zh-CN')).toBe('罗马');
      expect(DelegationRules.nameFor(rome, 'en;q=0.1, it;q=0.9')).toBe('Roma');
      expect(DelegationRules.nameFor(rome, 'fr')).toBe('Rome');
      expect(DelegationRules.nameFor(rome, undefined)).toBe('Rome');
      expect(DelegationRules.nameFor(rome, 'it;q=0')).toBe('Rome');
    });

    it('takes English as the main name, else the first given', () => {
      expect(DelegationRules.mainName({ de: 'Region Stuttgart', en: 'Stuttgart Region' })).toBe('Stuttgart Region');
      expect(DelegationRules.mainName({ it: 'Roma', fr: 'Rome' })).toBe('Roma');
    });
  });
});
