/** Brand Analytics as SP-API JSON: Search Query Performance and Search Catalog Performance (weekly), Repeat Purchase (monthly). */
import type { Listing } from './catalog.ts';
import { monthsOf, weeksOf, type DemoFile } from './demo-file.ts';
import { markets, type MarketCode } from './markets.ts';
import { Random } from './random.ts';
import { listingsOf, type World } from './world.ts';

interface WeekFunnel { impressions: number; clicks: number; cartAdds: number; purchases: number; salesMinor: number; orders: number }

/** The ASIN's search funnel for a week: search purchases are a share of its (non-cancelled) orders. */
function weekFunnel(world: World, listing: Listing, first: number, last: number, rng: Random): WeekFunnel {
  let impressions = 0;
  let clicks = 0;
  for (const t of (world.traffic[listing.index] ?? []).slice(first, last + 1)) { impressions += t.impressions; clicks += t.searchClicks; }
  const from = world.days[first] ?? '';
  const to = world.days[last] ?? '';
  let orders = 0;
  let salesMinor = 0;
  for (const o of world.ordersByListing[listing.index] ?? []) {
    if (!o.mcf && o.status !== 'Cancelled' && o.date >= from && o.date <= to) { orders += 1; salesMinor += o.priceMinor; }
  }
  const purchases = rng.binomial(orders, 0.7);
  const cartAdds = Math.max(purchases, Math.round(clicks * (0.2 + rng.next() * 0.12)));
  return { impressions, clicks, cartAdds, purchases, salesMinor: orders > 0 ? Math.round((salesMinor * purchases) / orders) : 0, orders };
}

const money = (minor: number, currency: string) => ({ amount: currency === 'JPY' ? minor : minor / 100, currencyCode: currency });
const round4 = (x: number) => Math.round(x * 10000) / 10000;

function spec(reportType: string, options: Record<string, string>, from: string, to: string, code: MarketCode) {
  return { reportType, reportOptions: options, dataStartTime: from, dataEndTime: to, marketplaceIds: [markets[code].amazonId] };
}

function sqpEntries(listing: Listing, f: WeekFunnel, from: string, to: string, rng: Random): unknown[] {
  const shares = [0.5, 0.28, 0.14];
  const price = money(listing.priceMinor, listing.currency);
  return listing.keywords.slice(0, 3).map((query, q) => {
    const s = shares[q] ?? 0.1;
    const own = { i: Math.round(f.impressions * s), c: Math.floor(f.clicks * s), a: Math.floor(f.cartAdds * s), p: Math.floor(f.purchases * s) };
    const share = 0.02 + rng.next() * 0.08;
    const total = { i: Math.round(own.i / share) + 1, c: Math.round(own.c / share) + 1, a: Math.round(own.a / share) + 1, p: Math.round(own.p / share) + 1 };
    const volume = Math.round(total.i / 9);
    return {
      startDate: from, endDate: to, asin: listing.asin,
      searchQueryData: { searchQuery: query, searchQueryScore: q + 1, searchQueryVolume: volume },
      impressionData: { totalQueryImpressionCount: total.i, asinImpressionCount: own.i, asinImpressionShare: round4(own.i / total.i) },
      clickData: { totalClickCount: total.c, totalClickRate: round4(total.c / volume), asinClickCount: own.c, asinClickShare: round4(own.c / total.c),
        totalMedianClickPrice: price, asinMedianClickPrice: price, totalSameDayShippingClickCount: Math.round(total.c * 0.1),
        totalOneDayShippingClickCount: Math.round(total.c * 0.3), totalTwoDayShippingClickCount: Math.round(total.c * 0.5) },
      cartAddData: { totalCartAddCount: total.a, totalCartAddRate: round4(total.a / volume), asinCartAddCount: own.a, asinCartAddShare: round4(own.a / total.a),
        totalMedianCartAddPrice: price, asinMedianCartAddPrice: price, totalSameDayShippingCartAddCount: Math.round(total.a * 0.1),
        totalOneDayShippingCartAddCount: Math.round(total.a * 0.3), totalTwoDayShippingCartAddCount: Math.round(total.a * 0.5) },
      purchaseData: { totalPurchaseCount: total.p, totalPurchaseRate: round4(total.p / volume), asinPurchaseCount: own.p, asinPurchaseShare: round4(own.p / total.p),
        totalMedianPurchasePrice: price, asinMedianPurchasePrice: price, totalSameDayShippingPurchaseCount: Math.round(total.p * 0.1),
        totalOneDayShippingPurchaseCount: Math.round(total.p * 0.3), totalTwoDayShippingPurchaseCount: Math.round(total.p * 0.5) },
    };
  });
}

function scpEntry(listing: Listing, f: WeekFunnel, from: string, to: string): unknown {
  const price = money(listing.priceMinor, listing.currency);
  const split = (n: number) => ({ same: Math.round(n * 0.2), one: Math.round(n * 0.35), two: Math.round(n * 0.4) });
  const i = split(f.impressions); const c = split(f.clicks); const a = split(f.cartAdds); const p = split(f.purchases);
  return {
    startDate: from, endDate: to, asin: listing.asin,
    impressionData: { impressionCount: f.impressions, impressionMedianPrice: price, sameDayShippingImpressionCount: i.same, oneDayShippingImpressionCount: i.one, twoDayShippingImpressionCount: i.two },
    clickData: { clickCount: f.clicks, clickRate: round4(f.impressions > 0 ? f.clicks / f.impressions : 0), clickedMedianPrice: price, sameDayShippingClickCount: c.same, oneDayShippingClickCount: c.one, twoDayShippingClickCount: c.two },
    cartAddData: { cartAddCount: f.cartAdds, cartAddedMedianPrice: price, sameDayShippingCartAddCount: a.same, oneDayShippingCartAddCount: a.one, twoDayShippingCartAddCount: a.two },
    purchaseData: { purchaseCount: f.purchases, searchTrafficSales: money(f.salesMinor, listing.currency), conversionRate: round4(f.clicks > 0 ? f.purchases / f.clicks : 0),
      purchaseMedianPrice: price, sameDayShippingPurchaseCount: p.same, oneDayShippingPurchaseCount: p.one, twoDayShippingPurchaseCount: p.two },
  };
}

/** SQP and SCP per complete week for the brand's US ASINs (SCP for the first two children of each parent). */
export function writeSearchPerformance(world: World, store: string, code: MarketCode): DemoFile[] {
  const listings = listingsOf(world, store, code);
  const rng = Random.stream(world.seed, `brand-analytics:${store}:${code}`);
  const scpAsins = listings.filter((l) => listings.filter((o) => o.familyCode === l.familyCode).indexOf(l) < 2);
  const files: DemoFile[] = [];
  for (const week of weeksOf(world.days).filter((w) => w.last - w.first === 6)) {
    const funnels = new Map(listings.map((l) => [l.index, weekFunnel(world, l, week.first, week.last, rng)]));
    const live = listings.filter((l) => (funnels.get(l.index)?.impressions ?? 0) > 0);
    const sqp = {
      reportSpecification: spec('GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT', { reportPeriod: 'WEEK', asin: live.map((l) => l.asin).join(' ') }, week.from, week.to, code),
      dataByAsin: live.flatMap((l) => sqpEntries(l, funnels.get(l.index)!, week.from, week.to, rng)),
    };
    const scpLive = scpAsins.filter((l) => live.includes(l));
    const scp = {
      reportSpecification: spec('GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT', { reportPeriod: 'WEEK', asins: scpLive.map((l) => l.asin).join(' ') }, week.from, week.to, code),
      dataByAsin: scpLive.map((l) => scpEntry(l, funnels.get(l.index)!, week.from, week.to)),
    };
    const base = { store, marketplace: code };
    files.push({ ...base, type: 'brand_analytics_sqp', path: `${store}/${code}/brand-analytics/SQP-WEEK-${week.from}.json`, content: Buffer.from(JSON.stringify(sqp)) });
    files.push({ ...base, type: 'brand_analytics_scp', path: `${store}/${code}/brand-analytics/SCP-WEEK-${week.from}.json`, content: Buffer.from(JSON.stringify(scp)) });
  }
  return files;
}

/** Repeat Purchase Behavior per complete month: distinct customers, so never summed across months. */
export function writeRepeatPurchase(world: World, store: string, code: MarketCode): DemoFile[] {
  const listings = listingsOf(world, store, code);
  const rng = Random.stream(world.seed, `repeat:${store}:${code}`);
  return monthsOf(world.days).map((m) => {
    const from = world.days[m.first] ?? '';
    const to = world.days[m.last] ?? '';
    const rows = listings.map((l) => {
      let orders = 0;
      let sales = 0;
      for (const o of world.ordersByListing[l.index] ?? []) if (!o.mcf && o.status !== 'Cancelled' && o.date >= from && o.date <= to) { orders += 1; sales += o.priceMinor; }
      const uniqueCustomers = Math.max(0, orders - rng.binomial(orders, 0.04));
      const repeatPct = uniqueCustomers > 0 ? round4((orders - uniqueCustomers + rng.binomial(uniqueCustomers, 0.02)) / uniqueCustomers) : 0;
      const revenueShare = round4(Math.min(1, repeatPct * 1.05));
      return { startDate: from, endDate: to, asin: l.asin, orders, uniqueCustomers, repeatCustomersPctTotal: repeatPct,
        repeatPurchaseRevenue: money(Math.round(sales * revenueShare), l.currency), repeatPurchaseRevenuePctTotal: revenueShare };
    }).filter((r) => r.orders > 0);
    const report = { reportSpecification: spec('GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT', { reportPeriod: 'MONTH' }, from, to, code), dataByAsin: rows };
    return { store, marketplace: code, type: 'brand_analytics_repeat_purchase', path: `${store}/${code}/brand-analytics/RepeatPurchase-MONTH-${m.month}.json`, content: Buffer.from(JSON.stringify(report)) };
  });
}
