import { lifecycleTier } from '../analysis/lifecycle.ts';
import { productFacts, productKey } from '../metrics/product-facts.ts';
import type { Database } from '../store/database.ts';
import { asinsOfProductLine } from '../store/product-lines.ts';
import { listProducts } from '../store/products.ts';

/**
 * A rule's scope beyond what the metric query filters itself (store, marketplace, ASIN, SKU), read as the
 * KPI targets read theirs (app/kpi-actuals.ts): the parent ASIN of the products file, the product line as
 * it stood at the window's end, the lifecycle tier at the window's start (SPEC §4: new = first sale less
 * than 90 days before it, clearance as marked). Null when the rule names none of them.
 */
export interface RuleScope {
  parent_asin?: string | undefined;
  product_line?: string | undefined;
  tier?: string | undefined;
}

export type ScopeMatch = (row: { store: string; marketplace: string; asin?: string | undefined }) => boolean;

const pair = (store: string, asin: string) => `${store}\u0000${asin.toUpperCase()}`;

export async function ruleScopeMatch(db: Database, s: RuleScope, window: { from: string; to: string }): Promise<ScopeMatch | null> {
  if (!s.parent_asin && !s.product_line && !s.tier) return null;
  const parentOf = s.parent_asin ? new Map<string, string>() : null;
  if (parentOf) {
    for (const p of await listProducts(db, { onDay: window.to })) if (p.asin && p.parent_asin && !parentOf.has(pair(p.store, p.asin))) parentOf.set(pair(p.store, p.asin), p.parent_asin.toUpperCase());
  }
  const inLine = s.product_line ? new Set((await asinsOfProductLine(db, s.product_line, window.to)).map((p) => pair(p.store, p.asin))) : null;
  const facts = s.tier ? await productFacts(db) : null;
  const tier = s.tier?.trim().toLowerCase();
  return (row) => {
    if (!row.asin) return false;
    const key = pair(row.store, row.asin);
    if (parentOf && parentOf.get(key) !== s.parent_asin!.toUpperCase()) return false;
    if (inLine && !inLine.has(key)) return false;
    if (facts) {
      const f = facts.get(productKey(row.marketplace, row.asin));
      if (lifecycleTier({ firstSaleDate: f?.firstSaleDate ?? null, markedTier: f?.markedTier ?? null, periodStart: window.from }) !== tier) return false;
    }
    return true;
  };
}
