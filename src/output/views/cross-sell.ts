import { type Column, type Output, record } from '../view.js';

interface RuleRow { antecedent: string; consequent: string; antecedentName: string; consequentName: string; support: number; confidence: number; lift: number }
interface NextRow { product: string; name: string; score: number; rule: RuleRow }
export interface CrossSellData {
  asOf: string;
  since: string | null;
  baskets: number;
  minSupport: number;
  minConfidence: number;
  rules?: RuleRow[];
  customer?: { kind: string; id: number; name: string };
  bought?: number;
  recommendations?: NextRow[];
}

const ruleColumns: Column<RuleRow>[] = [
  { header: 'If bought', key: 'antecedent', value: (r) => `${r.antecedent} ${r.antecedentName}`.trim() },
  { header: 'Also buys', key: 'consequent', value: (r) => `${r.consequent} ${r.consequentName}`.trim() },
  { header: 'Support', key: 'support', value: (r) => r.support, type: 'percent' },
  { header: 'Confidence', key: 'confidence', value: (r) => r.confidence, type: 'percent' },
  { header: 'Lift', key: 'lift', value: (r) => r.lift.toFixed(2) },
];

/** report cross-sell: the rules, or one customer's next products with the rule behind each. */
export function crossSellView(r: CrossSellData): Output {
  const head: Column<CrossSellData>[] = [
    { header: 'As of', key: 'asOf', value: (x) => x.asOf },
    { header: 'Baskets', key: 'baskets', value: (x) => x.baskets, type: 'count' },
    { header: 'Min support', key: 'minSupport', value: (x) => x.minSupport, type: 'percent' },
    { header: 'Min confidence', key: 'minConfidence', value: (x) => x.minConfidence, type: 'percent' },
  ];
  if (r.customer) {
    return record({ ...r }, [...head, { header: 'Customer', key: 'customer', value: (x: CrossSellData) => `${x.customer!.name} (${x.customer!.kind} #${x.customer!.id})` },
      { header: 'Products bought', key: 'bought', value: (x: CrossSellData) => x.bought, type: 'count' }], {
      sections: [{
        title: 'Next products', key: 'recommendations', rows: (x: CrossSellData) => x.recommendations!, empty: 'no rule leads from what they bought to something new',
        columns: [
          { header: 'Product', key: 'product', value: (n: NextRow) => n.product },
          { header: 'Name', key: 'name', value: (n: NextRow) => n.name },
          { header: 'Score', key: 'score', value: (n: NextRow) => n.score.toFixed(3) },
          { header: 'Because they bought', key: 'antecedent', value: (n: NextRow) => `${n.rule.antecedent} ${n.rule.antecedentName}`.trim() },
          { header: 'Confidence', key: 'confidence', value: (n: NextRow) => n.rule.confidence, type: 'percent' },
          { header: 'Lift', key: 'lift', value: (n: NextRow) => n.rule.lift.toFixed(2) },
        ],
      }],
    });
  }
  return record({ ...r }, head, { sections: [{ title: 'Rules', key: 'rules', rows: (x: CrossSellData) => x.rules!, columns: ruleColumns,
    empty: 'no pair of products passes --min-support and --min-confidence' }] });
}
