import { abcClasses, basketPairs, sellThroughShare, type AbcClass, type BasketPair } from '../analysis/catalogue-health.ts';
import { listedSkus, orderBaskets, skuSales, type CatalogueScope } from '../metrics/catalogue-inputs.ts';
import type { Database } from '../store/database.ts';

/**
 * Catalogue health for a period (issue 22): 动销率 per store × marketplace, ABC classes by sales (within one
 * currency) and by units, and the market-basket pairs of its orders. ABC by profit is not here yet.
 */
export interface CatalogueSku { store: string; marketplace: string; sku: string; units: number; sales: string; currency: string | null; abc_sales: AbcClass; abc_units: AbcClass }

export async function catalogueHealth(db: Database, scope: CatalogueScope & { min_orders?: number | undefined }): Promise<{
  sell_through_share: { store: string; marketplace: string; listed: number; sold: number; share: number | null }[];
  skus: CatalogueSku[]; pairs: BasketPair[];
}> {
  const [sales, listed, baskets] = await Promise.all([skuSales(db, scope), listedSkus(db, scope), orderBaskets(db, scope)]);
  const markets = [...new Set(listed.map((l) => `${l.store}\u0000${l.marketplace}`))];
  const shares = markets.map((m) => {
    const [store = '', marketplace = ''] = m.split('\u0000');
    const skus = listed.filter((l) => l.store === store && l.marketplace === marketplace).map((l) => l.sku);
    const sold = new Set(sales.filter((s) => s.store === store && s.marketplace === marketplace && s.units > 0).map((s) => s.sku));
    return { store, marketplace, listed: skus.length, sold: skus.filter((s) => sold.has(s)).length, share: sellThroughShare(skus, sold) };
  });
  // classes within one store × marketplace (one currency), so sales are never summed across currencies
  const skus: CatalogueSku[] = [];
  for (const m of new Set(sales.map((s) => `${s.store}\u0000${s.marketplace}`))) {
    const own = sales.filter((s) => `${s.store}\u0000${s.marketplace}` === m);
    const bySales = new Map(abcClasses(own.map((s) => ({ key: s.sku, value: Number(s.sales) }))).map((c) => [c.key, c.class]));
    const byUnits = new Map(abcClasses(own.map((s) => ({ key: s.sku, value: s.units }))).map((c) => [c.key, c.class]));
    for (const s of own) skus.push({ ...s, abc_sales: bySales.get(s.sku) ?? 'C', abc_units: byUnits.get(s.sku) ?? 'C' });
  }
  return { sell_through_share: shares, skus, pairs: basketPairs(baskets, scope.min_orders ?? 2) };
}
