import { say } from '../domain/messages.ts';
import {
  adTypes, adsVsOrganicChange, buildFunnel, priceBandOf, daysSinceFirstSale, decomposeSalesChange, diagnose, eventsInWindow, inReportingCurrency, lifecycleTier,
  previousPeriod, rankByStake, type AdType, type Comparison, type Finding, type FunnelInput, type FunnelRow, type ScopePrice, type Tier,
} from '../analysis/index.ts';
import { AsterismError } from '../domain/errors.ts';
import { addDays } from '../domain/calendar.ts';
import { todayIn } from '../domain/local-date.ts';
import { partialBaseText, type BaseCoverage } from '../domain/partial-base.ts';
import { comparedCoverage } from '../metrics/base-coverage.ts';
import { metricById } from '../metrics/catalog.ts';
import { pointChange } from '../metrics/compare.ts';
import { productFacts, productKey } from '../metrics/product-facts.ts';
import { runQuery, runQueryColumns, type ColumnAnswer, type QueryRow, type ShownColumn } from '../metrics/query.ts';
import type { QueryRequest } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';
import { listBenchmarkOverrides } from '../store/benchmark-overrides.ts';
import { listEvents, type EventRecord } from '../store/events.ts';
import { fxRateOn } from '../store/fx-rate-on.ts';

/** The question a funnel or diagnosis answers: the query filters, grouped by `by` (default: marketplace × ASIN). */
export type FunnelRequest = Omit<QueryRequest, 'metrics' | 'currency'> & {
  /** only scopes in this lifecycle tier (new, mature, clearance) */
  tier?: Tier;
};

/** The metric-layer measures a funnel is built from (one query; ratios are computed from these sums). */
export const funnelMetrics = [
  'impressions', 'clicks', 'cart_adds', 'purchases', 'market_impressions', 'market_clicks', 'market_cart_adds', 'market_purchases',
  'ad_impressions', 'ad_clicks', 'ad_orders', 'orders', 'reviews_or_feedback', 'repeat_customers', 'customers',
  'sessions', 'sessions_mobile', 'sessions_browser', 'unit_session_pct', 'order_item_session_pct', 'buy_box_pct',
];
/** shown beside findings as evidence (rating beside a weak cart stage, …) */
const evidenceMetrics = ['rating_avg', 'ratings', 'stockout_days'];
const trailingMetrics = ['ctr', 'cart_add_rate', 'order_rate'];
/** what a finding may cite beside its stage */
const evidenceFacts = [...evidenceMetrics, 'ad_impressions', 'buy_box_pct', 'sessions'];

const num = (v: QueryRow[string] | undefined): number | null => (typeof v === 'number' ? v : null);

/** The funnel's grain: marketplace × ASIN unless asked otherwise. An ASIN's (or parent's) funnel is always split by
 * marketplace (its tier and benchmarks are per marketplace, and one ASIN's US and DE funnels do not add). */
function funnelGrain(by: readonly string[] | undefined): string[] {
  const asked = by?.length ? [...by] : ['marketplace', 'asin'];
  return (asked.includes('asin') || asked.includes('parent_asin')) && !asked.includes('marketplace') ? ['marketplace', ...asked] : asked;
}

export async function funnelRows(db: Database, options: FunnelRequest): Promise<{ rows: FunnelRow[]; facts: Record<string, number | null>[] }> {
  return shapeFunnels(options, await askFunnels(db, options));
}

/** What a funnel is built from: the period's answer, the trailing 8 weeks', the products and the benchmark overrides. */
interface FunnelAnswers {
  current: ColumnAnswer;
  trailing: ColumnAnswer | undefined;
  products: Awaited<ReturnType<typeof productFacts>>;
  overrides: Awaited<ReturnType<typeof listBenchmarkOverrides>>;
  /** ad impressions by ad type, asked only when some scope has no Brand Analytics (an ads-only funnel) */
  adMix: ColumnAnswer | undefined;
}

async function askFunnels(db: Database, options: FunnelRequest): Promise<FunnelAnswers> {
  const { tier: _tier, ...request } = options;
  const by = funnelGrain(request.by);
  // an ASIN's price band comes from its average selling price; asked only per ASIN, where one row has one currency
  const perAsin = by.includes('asin');
  // read by column: a funnel of 10,000 ASINs builds no intermediate row objects
  const [current, trailing, products, overrides] = await Promise.all([
    // (only the search funnel's source is read: which of SCP and SQP answered)
    runQueryColumns(db, { ...request, by, metrics: [...funnelMetrics, ...evidenceMetrics, ...(perAsin ? ['average_selling_price'] : [])], sourcesOf: ['impressions'] }),
    request.from ? runQueryColumns(db, { ...request, by, metrics: trailingMetrics, from: addDays(request.from, -56), to: addDays(request.from, -1), sourcesOf: [] }) : undefined,
    productFacts(db, request.store),
    listBenchmarkOverrides(db),
  ]);
  const [search, ads] = [current.values('impressions'), current.values('ad_impressions')];
  let adsOnly = false;
  for (let i = 0; i < current.count && !adsOnly; i++) adsOnly = search.at(i) === null && ads.at(i) !== null;
  const adMix = adsOnly ? await runQueryColumns(db, { ...request, by: [...by, 'ad_type'], metrics: ['ad_impressions'], sourcesOf: [] }) : undefined;
  return { current, trailing, products, overrides, adMix };
}

/** Each scope's ad impressions per ad type (SP, SB, SD), by the scope's key. */
function adMixByKey(adMix: ColumnAnswer, keyOf: (i: number) => string): Map<string, Partial<Record<AdType, number | null>>> {
  const out = new Map<string, Partial<Record<AdType, number | null>>>();
  const [types, impressions] = [adMix.values('ad_type'), adMix.values('ad_impressions')];
  for (let i = 0; i < adMix.count; i++) {
    const type = types.at(i);
    if (!(adTypes as readonly unknown[]).includes(type)) continue;
    const key = keyOf(i);
    out.set(key, { ...out.get(key), [type as AdType]: num(impressions.at(i)) });
  }
  return out;
}

/** One funnel row per answered scope (and the evidence a finding may cite beside it). */
function shapeFunnels(options: FunnelRequest, answers: FunnelAnswers): { rows: FunnelRow[]; facts: Record<string, number | null>[] } {
  const { tier: onlyTier, ...request } = options;
  const { current, trailing, products, overrides, adMix } = answers;
  const by = funnelGrain(request.by);
  const perAsin = by.includes('asin');
  const keyAt = (answer: ColumnAnswer) => {
    const dims = by.map((d) => answer.values(d));
    // (a separator no ASIN, store or date holds; no array per row)
    return (i: number) => {
      let key = '';
      for (const values of dims) key += `${values.at(i) ?? '\u0000null'}\u0001`;
      return key;
    };
  };
  const trailingAt = new Map<string, number>();
  if (trailing) {
    const key = keyAt(trailing);
    for (let i = 0; i < trailing.count; i++) trailingAt.set(key(i), i);
  }
  const currentKey = keyAt(current);
  const mixAt = adMix ? adMixByKey(adMix, keyAt(adMix)) : null;
  // each measure's column, read by index in the loop (no lookup by name per row)
  const col = (id: string) => current.values(id);
  const [impressions, clicks, cartAdds, purchases] = ['impressions', 'clicks', 'cart_adds', 'purchases'].map(col);
  const [mImpressions, mClicks, mCartAdds, mPurchases] = ['market_impressions', 'market_clicks', 'market_cart_adds', 'market_purchases'].map(col);
  const [adImpressions, adClicks, adOrders, orders, reviewsNew, repeatCustomers, customers] = ['ad_impressions', 'ad_clicks', 'ad_orders', 'orders', 'reviews_or_feedback', 'repeat_customers', 'customers'].map(col);
  const [sessions, sessionsMobile, sessionsBrowser, unitSessionPct, orderItemSessionPct, buyBoxPct, averageSellingPrice] =
    ['sessions', 'sessions_mobile', 'sessions_browser', 'unit_session_pct', 'order_item_session_pct', 'buy_box_pct', 'average_selling_price'].map(col);
  const evidenceColumns = evidenceFacts.map((m) => [m, col(m)] as const);
  const [tCtr, tCartAddRate, tOrderRate] = trailingMetrics.map((m) => trailing?.values(m));
  const at = (values: ShownColumn | undefined, i: number) => num(values?.at(i));
  const dimValues = by.map((d) => [d, current.values(d)] as const);
  const periodStart = request.from ?? request.to ?? todayIn('UTC');
  // many ASINs share a first-sale day: its day count and tier are worked out once per day and marked tier
  const lifecycle = new Map<string | null, Map<string | null, { days: number | null; tier: Tier }>>();
  const lifecycleOf = (firstSaleDate: string | null, markedTier: string | null) => {
    let byTier = lifecycle.get(firstSaleDate);
    if (!byTier) lifecycle.set(firstSaleDate, (byTier = new Map()));
    let found = byTier.get(markedTier);
    if (!found) {
      found = { days: daysSinceFirstSale(firstSaleDate, periodStart), tier: lifecycleTier({ firstSaleDate, periodStart, markedTier }) };
      byTier.set(markedTier, found);
    }
    return found;
  };
  const [fromScp, fromSqp] = [current.answeredBy('impressions', 'scp'), current.answeredBy('impressions', 'sqp')];
  const rows: FunnelRow[] = [];
  const facts: Record<string, number | null>[] = [];
  for (let i = 0; i < current.count; i++) {
    const key: Record<string, string | null> = {};
    for (const [d, values] of dimValues) key[d] = values.at(i) as string | null;
    const marketplace = (key.marketplace ?? request.marketplace ?? null) as string | null;
    const product = key.asin && marketplace ? products.get(productKey(marketplace, key.asin)) : undefined;
    const life = product ? lifecycleOf(product.firstSaleDate, product.markedTier) : null;
    const tier: Tier = life ? life.tier : 'mature';
    if (onlyTier && tier !== onlyTier) continue;
    const ti = trailingAt.get(currentKey(i));
    const input: FunnelInput = {
      key, marketplace, tier,
      daysSinceFirstSale: life ? life.days : null,
      search: {
        source: fromScp(i) ? 'scp' : fromSqp(i) ? 'sqp' : null,
        impressions: at(impressions, i), clicks: at(clicks, i), cartAdds: at(cartAdds, i), purchases: at(purchases, i),
      },
      market: { impressions: at(mImpressions, i), clicks: at(mClicks, i), cartAdds: at(mCartAdds, i), purchases: at(mPurchases, i) },
      ads: { impressions: at(adImpressions, i), clicks: at(adClicks, i), orders: at(adOrders, i), ...(mixAt ? { byType: mixAt.get(currentKey(i)) ?? {} } : {}) },
      orders: at(orders, i), reviewsNew: at(reviewsNew, i), repeatCustomers: at(repeatCustomers, i), customers: at(customers, i),
      detail: {
        sessions: at(sessions, i), sessionsMobile: at(sessionsMobile, i), sessionsBrowser: at(sessionsBrowser, i),
        unitSessionPct: at(unitSessionPct, i), orderItemSessionPct: at(orderItemSessionPct, i), buyBoxPct: at(buyBoxPct, i),
      },
      trailing: ti === undefined ? null : { ctr: at(tCtr, ti), cartAddRate: at(tCartAddRate, ti), orderRate: at(tOrderRate, ti) },
    };
    const category = product?.category ?? null;
    const priceBand = perAsin ? priceBandOf(marketplace, at(averageSellingPrice, i)) : null;
    rows.push(buildFunnel(input, { overrides, category, priceBand }));
    const evidence: Record<string, number | null> = {};
    for (const [m, values] of evidenceColumns) evidence[m] = at(values, i);
    facts.push(evidence);
  }
  return { rows, facts };
}

/** One finding per low stage per scope, with the events of the period as confounders. */
export async function diagnoseFunnels(db: Database, request: FunnelRequest): Promise<Finding<EventRecord>[]> {
  return (await diagnoseScopes(db, request)).findings;
}

/** What a diagnosis is asked: the funnel's question, and the reporting currency money at stake is ranked in. */
export type DiagnoseRequest = FunnelRequest & { currency?: string };

/** Each scope's average selling price in the period, by the funnel's key (money splits rows by currency:
 * a scope selling in several is `mixed`). Asked apart from the funnel, so its rows are never split. */
async function scopePrices(db: Database, request: FunnelRequest): Promise<{ keyOf: (key: Record<string, string | null>) => string; prices: Map<string, ScopePrice> }> {
  const { tier: _tier, ...asked } = request;
  const by = funnelGrain(asked.by);
  const answer = await runQueryColumns(db, { ...asked, by, metrics: ['average_selling_price'], sourcesOf: [] });
  const keyOf = (key: Record<string, string | null>) => JSON.stringify(by.map((d) => key[d] ?? null));
  const dims = by.map((d) => answer.values(d));
  const [price, currency] = [answer.values('average_selling_price'), answer.values('currency')];
  const prices = new Map<string, ScopePrice>();
  for (let i = 0; i < answer.count; i++) {
    const key = JSON.stringify(dims.map((values) => values.at(i) ?? null));
    const found: ScopePrice = { price: num(price.at(i)), currency: (currency.at(i) as string | null) ?? null };
    // a currency without sales (a null price) does not make the scope mixed
    const before = prices.get(key);
    if (!before || before.price === null) prices.set(key, found);
    else if (found.price !== null && found.currency !== before.currency) prices.set(key, { price: null, currency: null, mixed: true });
  }
  return { keyOf, prices };
}

/** The findings and the funnels they were judged from (a diagnosis without findings says why from them), ranked by
 * money at stake, largest first (in `request.currency` when given, at the rate of the period's last day `lastDay`). */
export async function diagnoseScopes(db: Database, request: DiagnoseRequest, lastDay?: string | null): Promise<{ rows: FunnelRow[]; findings: Finding<EventRecord>[] }> {
  const { currency: reporting, ...funnel } = request;
  const [{ rows, facts }, { keyOf, prices }] = await Promise.all([funnelRows(db, funnel), scopePrices(db, funnel)]);
  const window = { from: request.from ?? '0001-01-01', to: request.to ?? '9999-12-31' };
  const events = await listEvents(db, { from: request.from, to: request.to, store: request.store, marketplace: request.marketplace });
  const findings = rows.flatMap((row, i) => diagnose(row, { window, events, facts: facts[i] ?? {}, price: prices.get(keyOf(row.key)) }));
  if (!reporting) return { rows, findings: rankByStake(findings) };
  const to = reporting.trim().toUpperCase();
  const day = request.to ?? lastDay ?? todayIn('UTC');
  const rates = new Map<string, Promise<{ rate: string; date: string } | null>>();
  const rateFrom = (from: string) => {
    let found = rates.get(from);
    if (!found) rates.set(from, (found = fxRateOn(db, from, to, day)));
    return found;
  };
  const converted = await Promise.all(findings.map(async (f) => ({
    ...f, at_stake: inReportingCurrency(f.at_stake, to, f.at_stake.currency && f.at_stake.currency !== to ? await rateFrom(f.at_stake.currency) : null),
  })));
  return { rows, findings: rankByStake(converted) };
}

/** A funnel row with the same scope's previous period beside it (WoW, MoM, YoY) and the sales change decomposed. */
export type ComparedFunnelRow = FunnelRow & {
  compare?: {
    comparison: Comparison;
    period: { from: string; to: string };
    stages: { stage: string; count: number | null; rate: number | null; rate_change: number | null }[];
    sales_change: ReturnType<typeof decomposeSalesChange>;
    ads_vs_organic: ReturnType<typeof adsVsOrganicChange>;
    /** events in either period: the comparison straddles them, so a change may be theirs */
    events: EventRecord[];
    /** the sales metrics known in both periods whose compared period has data for fewer of its days (their change is not the business's) */
    partial_base: Record<string, BaseCoverage>;
    note: { zh: string; en: string } | null;
  };
};

const salesMetrics = ['sessions', 'units', 'sales', 'ad_sales_same_sku'];

export async function compareFunnels(db: Database, request: FunnelRequest, comparison: Comparison): Promise<ComparedFunnelRow[]> {
  if (!request.from || !request.to) throw new AsterismError('bad_request', say('compare_needs_period', { value: comparison }));
  const before = previousPeriod(request.from, request.to, comparison);
  const by = funnelGrain(request.by);
  const coverage = await comparedCoverage(db, salesMetrics, { from: request.from, to: request.to }, before, { store: request.store, marketplace: request.marketplace });
  const [now, then, salesNow, salesThen, events] = await Promise.all([
    funnelRows(db, { ...request, by }),
    funnelRows(db, { ...request, by, ...before }),
    runQuery(db, { ...request, by, metrics: salesMetrics }),
    runQuery(db, { ...request, by, metrics: salesMetrics, ...before }),
    listEvents(db, { from: before.from, to: request.to, store: request.store, marketplace: request.marketplace }),
  ]);
  const keyOf = (key: Record<string, unknown>) => JSON.stringify(by.map((d) => key[d] ?? null));
  const previous = new Map(then.rows.map((r) => [keyOf(r.key), r]));
  const sales = (rows: QueryRow[]) => new Map(rows.map((r) => [keyOf(r), r]));
  const [sNow, sThen] = [sales(salesNow.rows), sales(salesThen.rows)];
  const facts = (r: QueryRow | undefined) => ({ sessions: num(r?.sessions), units: num(r?.units), sales: num(r?.sales) });
  return now.rows.map((row) => {
    const key = keyOf(row.key);
    const old = previous.get(key);
    const [a, b] = [sThen.get(key), sNow.get(key)];
    const straddled = eventsInWindow(events, { from: before.from, to: request.to ?? before.to }, { asin: row.key.asin ?? null, marketplace: row.key.marketplace ?? null });
    // where both periods know the metric: an unknown side makes no change to mistake
    const partial = Object.fromEntries(salesMetrics.flatMap((m) => {
      const c = num(a?.[m]) !== null && num(b?.[m]) !== null ? coverage.partialOf(m, row.key.marketplace ?? undefined) : null;
      return c ? [[m, c]] : [];
    }));
    const partialNote = Object.entries(partial).map(([m, c]) => ({ zh: `${metricById.get(m)?.zh ?? m}：${partialBaseText(c).zh}`, en: `${metricById.get(m)?.en ?? m}: ${partialBaseText(c).en}` }));
    const notes = [...(straddled.length === 0 ? [] : [{
      zh: `对比期间内有${straddled.length}个事件（${straddled.map((e) => e.type).join('、')}）：变化可能来自事件本身`,
      en: `${straddled.length} event(s) fall in the compared periods (${straddled.map((e) => e.type).join(', ')}): the change may be theirs`,
    }]), ...partialNote];
    return {
      ...row,
      compare: {
        comparison, period: before,
        stages: row.stages.map((stage) => {
          const was = old?.stages.find((s) => s.stage === stage.stage);
          const change = pointChange(stage.rate, was?.rate);
          return { stage: stage.stage, count: was?.count ?? null, rate: was?.rate ?? null, rate_change: change === null ? null : Math.round(change * 1e4) / 1e4 };
        }),
        // sales = sessions × (units / sessions) × (sales / units): traffic, conversion and price parts add up to the change
        sales_change: decomposeSalesChange(facts(a), facts(b)),
        ads_vs_organic: adsVsOrganicChange({ sales: num(a?.sales), adSalesSameSku: num(a?.ad_sales_same_sku) }, { sales: num(b?.sales), adSalesSameSku: num(b?.ad_sales_same_sku) }),
        events: straddled,
        partial_base: partial,
        note: notes.length === 0 ? null : { zh: notes.map((n) => n.zh).join('；'), en: notes.map((n) => n.en).join('; ') },
      },
    };
  });
}
