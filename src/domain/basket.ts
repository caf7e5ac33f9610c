/**
 * Market-basket analysis (analytics.md "Cross-sell"): a basket is one invoice's distinct products (refunds and lines
 * with quantity <= 0 left out by the store's read). support(A,B) = both / N; confidence(A->B) = both / holding A;
 * lift(A->B) = both x N / (holding A x holding B), the same number both ways.
 */

export interface BasketRule {
  antecedent: number;
  consequent: number;
  both: number;
  support: number;
  confidence: number;
  lift: number;
}

export interface BasketAnalysis {
  baskets: number;
  /** Baskets holding each product. */
  holding: Map<number, number>;
  /** Rules passing both thresholds, in the report's order. */
  rules: BasketRule[];
}

/**
 * The rules' order: lift, then confidence, then support (each highest first), then the antecedent's and the
 * consequent's product codes, so that ties have one order.
 */
export function byStrength(code: (id: number) => string) {
  return (x: BasketRule, y: BasketRule) => y.lift - x.lift || y.confidence - x.confidence || y.support - x.support
    || cmp(code(x.antecedent), code(y.antecedent)) || cmp(code(x.consequent), code(y.consequent));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Counts products and pairs over the baskets (product ids in any order, repeats allowed: a product counts once per
 * basket) and keeps the rules with support >= minSupport and confidence >= minConfidence.
 */
export function analyseBaskets(baskets: Iterable<readonly number[]>, minSupport: number, minConfidence: number,
  code: (id: number) => string): BasketAnalysis {
  const sets: number[][] = [];
  const holding = new Map<number, number>();
  for (const raw of baskets) {
    const items = [...new Set(raw)];
    if (items.length === 0) continue;
    sets.push(items);
    for (const a of items) holding.set(a, (holding.get(a) ?? 0) + 1);
  }
  const n = sets.length;
  // Apriori's pruning: a pair is never more frequent than either of its products, so only products that pass
  // --min-support on their own are paired, counted in a dense k x k table (Online Retail: a few hundred products).
  const frequent = [...holding].filter(([, h]) => h / n >= minSupport).map(([id]) => id).sort((a, b) => a - b);
  const index = new Map(frequent.map((id, i) => [id, i]));
  const k = frequent.length;
  const counts = k <= 8192 ? new Uint32Array(k * k) : null;
  const sparse = new Map<number, number>();
  for (const items of sets) {
    const idx: number[] = [];
    for (const a of items) {
      const i = index.get(a);
      if (i !== undefined) idx.push(i);
    }
    idx.sort((a, b) => a - b);
    for (let x = 0; x < idx.length; x++) {
      const base = idx[x]! * k;
      for (let y = x + 1; y < idx.length; y++) {
        if (counts) counts[base + idx[y]!]! += 1;
        else sparse.set(base + idx[y]!, (sparse.get(base + idx[y]!) ?? 0) + 1);
      }
    }
  }
  const rules: BasketRule[] = [];
  const consider = (key: number, both: number) => {
    const support = both / n;
    if (both === 0 || support < minSupport) return;
    const a = frequent[Math.floor(key / k)]!;
    const b = frequent[key % k]!;
    const ha = holding.get(a)!;
    const hb = holding.get(b)!;
    const lift = (both * n) / (ha * hb);
    if (both / ha >= minConfidence) rules.push({ antecedent: a, consequent: b, both, support, confidence: both / ha, lift });
    if (both / hb >= minConfidence) rules.push({ antecedent: b, consequent: a, both, support, confidence: both / hb, lift });
  };
  if (counts) for (let key = 0; key < counts.length; key++) consider(key, counts[key]!);
  else for (const [key, both] of sparse) consider(key, both);
  rules.sort(byStrength(code));
  return { baskets: n, holding, rules };
}

export interface Recommendation {
  product: number;
  score: number;
  rule: BasketRule;
}

/**
 * Next products for a customer: for each product B never bought, the best rule A->B whose A was bought, scored by
 * confidence x lift (ties in the rules' order); the best first.
 */
export function recommend(rules: readonly BasketRule[], bought: ReadonlySet<number>, code: (id: number) => string): Recommendation[] {
  const best = new Map<number, Recommendation>();
  const order = byStrength(code);
  for (const rule of rules) {
    if (!bought.has(rule.antecedent) || bought.has(rule.consequent)) continue;
    const score = rule.confidence * rule.lift;
    const seen = best.get(rule.consequent);
    if (!seen || score > seen.score || (score === seen.score && order(rule, seen.rule) < 0)) best.set(rule.consequent, { product: rule.consequent, score, rule });
  }
  return [...best.values()].sort((x, y) => y.score - x.score || order(x.rule, y.rule));
}
