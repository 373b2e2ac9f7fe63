import {
  adsVsOrganicChange, buildFunnel, priceBandOf, daysSinceFirstSale, decomposeSalesChange, diagnose, eventsInWindow, lifecycleTier, previousPeriod,
  type Comparison, type Finding, type FunnelInput, type FunnelRow, type Tier,
} from '../analysis/index.ts';
import { AsterismError } from '../domain/errors.ts';
import { addDays } from '../domain/calendar.ts';
import { todayIn } from '../domain/local-date.ts';
import { productFacts, productKey } from '../metrics/product-facts.ts';
import { runQuery, type QueryRow } from '../metrics/query.ts';
import type { QueryRequest } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';
import { listBenchmarkOverrides } from '../store/benchmark-overrides.ts';
import { listEvents, type EventRecord } from '../store/events.ts';

/** The question a funnel or diagnosis answers: the query filters, grouped by `by` (default: marketplace × ASIN). */
export type FunnelRequest = Omit<QueryRequest, 'metrics' | 'currency'> & {
  /** only scopes in this lifecycle tier (new, mature, clearance) */
  tier?: Tier;
};

/** The metric-layer measures a funnel is built from (one query; ratios are computed from these sums). */
const funnelMetrics = [
  'impressions', 'clicks', 'cart_adds', 'purchases', 'market_impressions', 'market_clicks', 'market_cart_adds', 'market_purchases',
  'ad_impressions', 'ad_clicks', 'ad_orders', 'orders', 'reviews_new', 'repeat_customers', 'customers',
  'sessions', 'sessions_mobile', 'sessions_browser', 'unit_session_pct', 'order_item_session_pct', 'buy_box_pct',
];
/** shown beside findings as evidence (rating beside a weak cart stage, …) */
const evidenceMetrics = ['rating_avg', 'ratings', 'stockout_days'];
const trailingMetrics = ['ctr', 'cart_add_rate', 'order_rate'];

const num = (v: QueryRow[string] | undefined): number | null => (typeof v === 'number' ? v : null);

/** The funnel's grain: marketplace × ASIN unless asked otherwise. An ASIN's (or parent's) funnel is always split by
 * marketplace (its tier and benchmarks are per marketplace, and one ASIN's US and DE funnels do not add). */
function funnelGrain(by: readonly string[] | undefined): string[] {
  const asked = by?.length ? [...by] : ['marketplace', 'asin'];
  return (asked.includes('asin') || asked.includes('parent_asin')) && !asked.includes('marketplace') ? ['marketplace', ...asked] : asked;
}

export async function funnelRows(db: Database, options: FunnelRequest): Promise<{ rows: FunnelRow[]; facts: Record<string, number | null>[] }> {
  const { tier: onlyTier, ...request } = options;
  const by = funnelGrain(request.by);
  // an ASIN's price band comes from its average selling price; asked only per ASIN, where one row has one currency
  const perAsin = by.includes('asin');
  const [current, trailing, products, overrides] = await Promise.all([
    runQuery(db, { ...request, by, metrics: [...funnelMetrics, ...evidenceMetrics, ...(perAsin ? ['average_selling_price'] : [])] }),
    request.from ? runQuery(db, { ...request, by, metrics: trailingMetrics, from: addDays(request.from, -56), to: addDays(request.from, -1) }) : undefined,
    productFacts(db, request.store),
    listBenchmarkOverrides(db),
  ]);
  const keyOf = (row: QueryRow) => JSON.stringify(by.map((d) => row[d] ?? null));
  const trailingByKey = new Map((trailing?.rows ?? []).map((r) => [keyOf(r), r]));
  const periodStart = request.from ?? request.to ?? todayIn('UTC');
  const rows: FunnelRow[] = [];
  const facts: Record<string, number | null>[] = [];
  for (const r of current.rows) {
    const key = Object.fromEntries(by.map((d) => [d, (r[d] as string | null) ?? null]));
    const marketplace = (key.marketplace ?? request.marketplace ?? null) as string | null;
    const product = key.asin && marketplace ? products.get(productKey(marketplace, key.asin)) : undefined;
    const tier: Tier = product ? lifecycleTier({ firstSaleDate: product.firstSaleDate, periodStart, markedTier: product.markedTier }) : 'mature';
    if (onlyTier && tier !== onlyTier) continue;
    const t = trailingByKey.get(keyOf(r));
    const searchSource = (r.sources as Record<string, string[]> | undefined)?.impressions;
    const input: FunnelInput = {
      key, marketplace, tier,
      daysSinceFirstSale: product ? daysSinceFirstSale(product.firstSaleDate, periodStart) : null,
      search: {
        source: searchSource?.includes('scp') ? 'scp' : searchSource?.includes('sqp') ? 'sqp' : null,
        impressions: num(r.impressions), clicks: num(r.clicks), cartAdds: num(r.cart_adds), purchases: num(r.purchases),
      },
      market: { impressions: num(r.market_impressions), clicks: num(r.market_clicks), cartAdds: num(r.market_cart_adds), purchases: num(r.market_purchases) },
      ads: { impressions: num(r.ad_impressions), clicks: num(r.ad_clicks), orders: num(r.ad_orders) },
      orders: num(r.orders), reviewsNew: num(r.reviews_new), repeatCustomers: num(r.repeat_customers), customers: num(r.customers),
      detail: {
        sessions: num(r.sessions), sessionsMobile: num(r.sessions_mobile), sessionsBrowser: num(r.sessions_browser),
        unitSessionPct: num(r.unit_session_pct), orderItemSessionPct: num(r.order_item_session_pct), buyBoxPct: num(r.buy_box_pct),
      },
      trailing: t ? { ctr: num(t.ctr), cartAddRate: num(t.cart_add_rate), orderRate: num(t.order_rate) } : null,
    };
    const category = product?.category ?? null;
    const priceBand = perAsin ? priceBandOf(marketplace, num(r.average_selling_price)) : null;
    rows.push(buildFunnel(input, { overrides, category, priceBand }));
    facts.push(Object.fromEntries([...evidenceMetrics, 'ad_impressions', 'buy_box_pct', 'sessions'].map((m) => [m, num(r[m])])));
  }
  return { rows, facts };
}

/** One finding per low stage per scope, with the events of the period as confounders. */
export async function diagnoseFunnels(db: Database, request: FunnelRequest): Promise<Finding<EventRecord>[]> {
  const { rows, facts } = await funnelRows(db, request);
  const window = { from: request.from ?? '0001-01-01', to: request.to ?? '9999-12-31' };
  const events = await listEvents(db, { from: request.from, to: request.to, store: request.store, marketplace: request.marketplace });
  return rows.flatMap((row, i) => diagnose(row, { window, events, facts: facts[i] ?? {} }));
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
    note: { zh: string; en: string } | null;
  };
};

const salesMetrics = ['sessions', 'units', 'sales', 'ad_sales_same_sku'];

export async function compareFunnels(db: Database, request: FunnelRequest, comparison: Comparison): Promise<ComparedFunnelRow[]> {
  if (!request.from || !request.to) throw new AsterismError('bad_request', `--compare ${comparison} needs --from and --to: the period to compare`);
  const before = previousPeriod(request.from, request.to, comparison);
  const by = funnelGrain(request.by);
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
    return {
      ...row,
      compare: {
        comparison, period: before,
        stages: row.stages.map((stage) => {
          const was = old?.stages.find((s) => s.stage === stage.stage);
          const change = stage.rate !== null && was?.rate != null ? Math.round((stage.rate - was.rate) * 10000) / 10000 : null;
          return { stage: stage.stage, count: was?.count ?? null, rate: was?.rate ?? null, rate_change: change };
        }),
        // sales = sessions × (units / sessions) × (sales / units): traffic, conversion and price parts add up to the change
        sales_change: decomposeSalesChange(facts(a), facts(b)),
        ads_vs_organic: adsVsOrganicChange({ sales: num(a?.sales), adSalesSameSku: num(a?.ad_sales_same_sku) }, { sales: num(b?.sales), adSalesSameSku: num(b?.ad_sales_same_sku) }),
        events: straddled,
        note: straddled.length === 0 ? null : {
          zh: `对比期间内有${straddled.length}个事件（${straddled.map((e) => e.type).join('、')}）：变化可能来自事件本身`,
          en: `${straddled.length} event(s) fall in the compared periods (${straddled.map((e) => e.type).join(', ')}): the change may be theirs`,
        },
      },
    };
  });
}
