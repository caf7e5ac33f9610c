import { describe, expect, it } from 'vitest';
import { analyseBaskets, recommend } from '../../src/domain/basket.js';

/*
 * Ten baskets over products 1=A, 2=B, 3=C, 4=D, 5=E (ids; codes are the letters):
 *   A B C x3 | A B x2 | A C x1 | B C x1 | D E x2 | A x1            (a repeat inside a basket counts once: "A A B")
 * holding: A 7, B 6, C 5, D 2, E 2; pairs: AB 5, AC 4, BC 4, DE 2.
 *   AB: support 5/10 = 0.5; conf A->B 5/7 = 0.714286, B->A 5/6 = 0.833333; lift 5x10/(7x6) = 50/42 = 1.190476
 *   AC: support 0.4; A->C 4/7 = 0.571429, C->A 4/5 = 0.8; lift 40/35 = 1.142857
 *   BC: support 0.4; B->C 4/6 = 0.666667, C->B 4/5 = 0.8; lift 40/30 = 1.333333
 *   DE: support 0.2; D->E = E->D = 1; lift 20/4 = 5
 * With min support 0.3 and min confidence 0.7, DE (support 0.2) and A->C (0.571) and B->C (0.667) drop out;
 * by lift: C->B 1.3333, then B->A 0.8333 and A->B 0.7143 (lift 1.1905), then C->A 1.1429.
 */
const CODES = ['', 'A', 'B', 'C', 'D', 'E'];
const code = (id: number) => CODES[id]!;
const baskets = [[1, 2, 3], [1, 2, 3], [3, 2, 1], [1, 1, 2], [2, 1], [1, 3], [2, 3], [4, 5], [5, 4], [1]];

describe('market basket rules (analytics.md "Cross-sell"), worked on paper', () => {
  it('gives support, confidence and lift, filtered and ordered by lift, confidence, support, codes', () => {
    const a = analyseBaskets(baskets, 0.3, 0.7, code);
    expect(a.baskets).toBe(10);
    expect(a.rules.map((r) => `${code(r.antecedent)}->${code(r.consequent)}`)).toEqual(['C->B', 'B->A', 'A->B', 'C->A']);
    const [cb, ba, ab, ca] = a.rules;
    expect(cb).toMatchObject({ both: 4, support: 0.4, confidence: 0.8 });
    expect(cb!.lift).toBeCloseTo(4 / 3, 12);
    expect(ba!.confidence).toBeCloseTo(5 / 6, 12);
    expect(ab!.confidence).toBeCloseTo(5 / 7, 12);
    expect(ab!.lift).toBe(ba!.lift);
    expect(ab!.lift).toBeCloseTo(50 / 42, 12);
    expect(ca!.lift).toBeCloseTo(40 / 35, 12);
    // The defaults keep everything here; DE has the highest lift.
    const all = analyseBaskets(baskets, 0.01, 0.1, code);
    expect(all.rules.slice(0, 2).map((r) => `${code(r.antecedent)}->${code(r.consequent)}`)).toEqual(['D->E', 'E->D']);
    expect(all.rules).toHaveLength(8);
  });

  it('recommends, for each product never bought, the best rule from a product bought, by confidence x lift', () => {
    const { rules } = analyseBaskets(baskets, 0.01, 0.1, code);
    // Bought A only: A->B scores 0.714286 x 1.190476 = 0.850340; A->C 0.571429 x 1.142857 = 0.653061.
    const next = recommend(rules, new Set([1]), code);
    expect(next.map((n) => code(n.product))).toEqual(['B', 'C']);
    expect(next[0]!.score).toBeCloseTo((5 / 7) * (50 / 42), 12);
    // Bought A and B: for C, B->C scores 0.666667 x 1.333333 = 0.888889, better than A->C.
    const nextAB = recommend(rules, new Set([1, 2]), code);
    expect(nextAB.map((n) => [code(n.product), code(n.rule.antecedent)])).toEqual([['C', 'B']]);
    expect(recommend(rules, new Set([1, 2, 3]), code)).toEqual([]);
  });
});
