/** Seller-maintained files (spec/cli.md "Master-data files"): products, costs, events, reviews. */
import type { DemoFile } from './demo-file.ts';
import { addDays } from './dates.ts';
import { BOM, csvLine } from './format.ts';
import { demoTargets, targetsHeader } from './kpi-targets.ts';
import { markets, type StoreId } from './markets.ts';
import type { Listing } from './catalog.ts';
import type { World } from './world.ts';

export const productsHeader = ['sku', 'asin', 'fnsku', 'product_code', 'product_name', 'owner', 'developer', 'product_line', 'tags', 'tier', 'effective_from', 'category'];
export const costsHeader = ['sku', 'effective_from', 'currency', 'unit_cost', 'freight_per_unit', 'duty_rate', 'marketplace'];
export const eventsHeader = ['date', 'end_date', 'type', 'asin', 'marketplace', 'note'];
export const reviewsHeader = ['asin', 'date', 'rating', 'title', 'body', 'verified', 'variation', 'marketplace'];

// Operators (运营) own product lines; one hand-over mid-year shows effective-dated owners.
const owners: Record<StoreId, readonly string[]> = { 'acme-home': ['张伟', '李娜', 'Kevin Zhou'], 'acme-outdoor': ['王磊', '陈静'] };
const developers: Record<StoreId, string> = { 'acme-home': '刘洋', 'acme-outdoor': '赵敏' };
// Amazon's fee category (referral fee; category benchmark overrides)
const categories: Record<StoreId, string> = { 'acme-home': 'Home and Kitchen', 'acme-outdoor': 'Sports and Outdoors' };
const freightCny = { US: 6.5, DE: 7.8, JP: 4.2 } as const;
const dutyRate = { US: '0.065', DE: '0.04', JP: '0.032' } as const;

function csvFile(path: string, type: string, store: string, header: readonly string[], rows: string[][]): DemoFile {
  return { path, type, store, marketplace: '', content: Buffer.from(BOM + [header.join(','), ...rows.map((r) => csvLine(r))].join('\r\n') + '\r\n', 'utf8') };
}

/** The operator a product line belongs to (before the towel line's hand-over). */
export function lineOwner(l: Listing): string {
  const lineOwners = owners[l.store];
  return lineOwners[(l.familyCode.charCodeAt(0) + l.familyCode.charCodeAt(1)) % lineOwners.length] ?? '';
}

/** The owner on a day: the towel line changed hands 150 days before today. */
export function ownerOn(world: World, l: Listing, date: string): string {
  return l.familyCode === 'TW' && date >= addDays(world.today, -150) ? 'Kevin Zhou' : lineOwner(l);
}

export function writeMasterData(world: World, store: StoreId): DemoFile[] {
  const listings = world.listings.filter((l) => l.store === store);
  const launch = world.stories.find((s) => s.kind === 'launch');
  const handover = addDays(world.today, -150);
  const products: string[][] = [];
  for (const l of listings) {
    const owner = lineOwner(l);
    const isNew = launch?.productCode === l.productCode;
    const tier = isNew ? 'new' : l.familyCode === 'SL' ? 'clearance' : 'mature';
    const tags = [l.market === 'US' ? 'FBA' : `FBA-${l.market}`, l.familyCode === 'BM' || l.familyCode === 'CC' ? '爆款 hero' : ''].filter(Boolean).join(';');
    for (const sku of [l.sku, l.fbmSku]) {
      if (!sku) continue;
      const row = (who: string, from: string) => [sku, l.asin, sku === l.sku ? l.fnsku : '', l.productCode, l.nameZh, who, developers[store], l.productLine, tags, tier, from, categories[store]];
      products.push(row(owner, isNew && launch ? launch.start : world.start));
      // The towel line changed hands: a second row from the hand-over date.
      if (l.familyCode === 'TW') products.push(row('Kevin Zhou', handover));
    }
  }
  const costs: string[][] = [];
  for (const l of listings) {
    const m = markets[l.market];
    costs.push([l.sku, world.start, 'CNY', l.costCny.toFixed(2), freightCny[l.market].toFixed(2), dutyRate[l.market], m.code]);
    // Supplier price rise in spring: a new effective-dated cost row.
    if (l.familyCode === 'TW' || l.familyCode === 'CC') costs.push([l.sku, addDays(world.today, -200), 'CNY', (l.costCny * 1.08).toFixed(2), freightCny[l.market].toFixed(2), dutyRate[l.market], m.code]);
  }
  const events: string[][] = world.stories.filter((s) => s.store === store && s.kind !== 'stockout').map((s) => {
    const l = listings.find((x) => x.productCode === s.productCode && x.market === s.market);
    const type = s.kind === 'buy_box_loss' ? 'competitor' : s.kind === 'price_rise' ? 'price_change' : s.kind === 'launch' ? 'other' : s.kind;
    return [s.start, s.end ?? '', type, l?.asin ?? '', s.market, s.note];
  });
  const reviews = world.reviews.filter((r) => world.listings[r.listing]?.store === store).map((r) => {
    const l = world.listings[r.listing];
    return [l?.asin ?? '', r.date, String(r.rating), r.title, r.body, r.verified ? 'true' : 'false', l?.title.split(', ').pop() ?? '', l?.market ?? ''];
  });
  // one review file per marketplace, as every import is one marketplace's
  const reviewMarkets = [...new Set(reviews.map((r) => r[7] ?? ''))].sort();
  return [
    csvFile(`${store}/master-data/products.csv`, 'products', store, productsHeader, products),
    csvFile(`${store}/master-data/costs.csv`, 'costs', store, costsHeader, costs),
    csvFile(`${store}/master-data/events.csv`, 'events', store, eventsHeader, events),
    csvFile(`${store}/master-data/kpi-targets.csv`, 'targets', store, targetsHeader, demoTargets(world, store)),
    ...reviewMarkets.map((market) => ({
      ...csvFile(`${store}/reviews/reviews-${market}.csv`, 'reviews', store, reviewsHeader, reviews.filter((r) => r[7] === market)),
      marketplace: market,
    })),
  ];
}
