/**
 * Catalogue health (issue 22): ABC classes by any measure (sales, profit, units), fast / slow / dead movers by
 * rules kept as data, 动销率 (share of listed SKUs that sold), and market-basket pairs from orders.
 */
export type AbcClass = 'A' | 'B' | 'C';

/** An item is A while the cumulative share before it is under `a` (so the item crossing 80% is A), B under `b`, else C. */
export const abcCuts = { a: 0.8, b: 0.95 } as const;

export function abcClasses<K>(items: readonly { key: K; value: number }[], cuts: { a: number; b: number } = abcCuts): { key: K; value: number; share: number; cumulative: number; class: AbcClass }[] {
  const sorted = [...items].sort((x, y) => y.value - x.value);
  // a loss or nothing sold takes no share: such an item is C
  const total = sorted.reduce((s, i) => s + Math.max(0, i.value), 0);
  let before = 0;
  return sorted.map((item) => {
    const share = total > 0 ? Math.max(0, item.value) / total : 0;
    const cls: AbcClass = item.value <= 0 || total <= 0 ? 'C' : before < cuts.a ? 'A' : before < cuts.b ? 'B' : 'C';
    before += share;
    return { key: item.key, value: item.value, share, cumulative: before, class: cls };
  });
}

export interface MoverFacts {
  units_30d: number;
  units_90d: number;
  available: number | null;
  /** days the stock on hand lasts at the trailing 30 days' rate; null without sales */
  days_of_cover: number | null;
}

export type Mover = 'dead' | 'slow' | 'fast' | 'steady';

/** Fast / slow / dead movers (畅滞销), first matching rule wins. */
export const moverRules: readonly { mover: Mover; when: (f: MoverFacts) => boolean; en: string; zh: string }[] = [
  { mover: 'dead', when: (f) => f.units_90d === 0 && (f.available ?? 0) > 0, en: 'stock on hand, nothing sold in 90 days', zh: '有库存，90天无销量' },
  { mover: 'slow', when: (f) => f.days_of_cover !== null && f.days_of_cover > 120, en: 'more than 120 days of cover', zh: '库存可售天数超过120天' },
  { mover: 'fast', when: (f) => f.days_of_cover !== null && f.days_of_cover < 30 && f.units_30d > 0, en: 'under 30 days of cover while selling', zh: '在售且库存可售天数不足30天' },
  { mover: 'steady', when: () => true, en: 'neither fast nor slow', zh: '正常' },
];

export function moverOf(facts: MoverFacts): Mover {
  return moverRules.find((r) => r.when(facts))?.mover ?? 'steady';
}

/** 动销率: listed SKUs with at least one unit sold in the period ÷ listed SKUs. */
export function sellThroughShare(listed: readonly string[], sold: ReadonlySet<string>): number | null {
  return listed.length ? listed.filter((s) => sold.has(s)).length / listed.length : null;
}

export interface BasketPair {
  a: string;
  b: string;
  orders: number;
  /** orders with both ÷ all orders */
  support: number;
  /** orders with both ÷ orders with a (a → b) */
  confidence: number;
  /** confidence ÷ the share of orders with b: above 1, bought together more than by chance */
  lift: number;
}

/** Pairs bought in one order, from each order's distinct items; pairs seen in fewer than `minOrders` orders are left out. */
export function basketPairs(orders: readonly (readonly string[])[], minOrders = 2): BasketPair[] {
  const n = orders.length;
  const single = new Map<string, number>();
  const pair = new Map<string, number>();
  for (const order of orders) {
    const items = [...new Set(order)].sort();
    for (const item of items) single.set(item, (single.get(item) ?? 0) + 1);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const key = `${items[i]}\u0000${items[j]}`;
        pair.set(key, (pair.get(key) ?? 0) + 1);
      }
    }
  }
  const out: BasketPair[] = [];
  for (const [key, both] of pair) {
    if (both < minOrders) continue;
    const [x = '', y = ''] = key.split('\u0000');
    // both directions: a → b and b → a have their own confidence
    for (const [a, b] of [[x, y], [y, x]] as const) {
      const confidence = both / (single.get(a) ?? 1);
      out.push({ a, b, orders: both, support: both / n, confidence, lift: confidence / ((single.get(b) ?? 0) / n) });
    }
  }
  return out.sort((p, q) => q.lift - p.lift || q.orders - p.orders || p.a.localeCompare(q.a));
}
