import type { Tier } from './benchmark-table.ts';
import { benchmarkFor, judge, type Benchmark, type BenchmarkOverride, type Status } from './benchmarks.ts';
import { searchStages, stageMetrics, stageNames, type FunnelSource, type StageName } from './funnel-stages.ts';
import { inFirst30Days } from './lifecycle.ts';
import { note, type Note } from './messages.ts';
import { ratio, round4 } from './ratio.ts';

/** One funnel's numbers, already summed by the metric layer; null = unknown (never 0 for "no data"). */
export interface FunnelInput {
  key: Record<string, string | null>;
  marketplace: string | null;
  tier: Tier;
  daysSinceFirstSale: number | null;
  search: { source: 'scp' | 'sqp' | null; impressions: number | null; clicks: number | null; cartAdds: number | null; purchases: number | null };
  /** SQP/SCP market totals for the same queries */
  market: { impressions: number | null; clicks: number | null; cartAdds: number | null; purchases: number | null };
  ads: {
    impressions: number | null; clicks: number | null; orders: number | null;
    /** ad impressions per ad type (SP, SB, SD): an ads-only click stage is judged by their mix */
    byType?: Readonly<Partial<Record<AdType, number | null>>>;
  };
  orders: number | null;
  /** the review stage's count: reviews and seller feedback (留下Feedback或Review; the catalog's `reviews_or_feedback`) */
  reviewsNew: number | null;
  repeatCustomers: number | null;
  customers: number | null;
  detail: { sessions: number | null; sessionsMobile: number | null; sessionsBrowser: number | null; unitSessionPct: number | null; orderItemSessionPct: number | null; buyBoxPct: number | null };
  /** the ASIN's own trailing 8 weeks */
  trailing: { ctr: number | null; cartAddRate: number | null; orderRate: number | null } | null;
}

export interface FunnelOptions {
  overrides?: readonly BenchmarkOverride[];
  category?: string | null;
  priceBand?: string | null;
  /** a second row of the default table per metric, e.g. `{ review_rate: 'invited', buy_box_pct: 'reseller' }` */
  variants?: Readonly<Record<string, string>>;
}

/** One stage in the `funnel` shape of spec/cli.md, plus what stands beside it. Rates have 4 decimals. */
export interface FunnelStage {
  stage: StageName;
  count: number | null;
  rate: number | null;
  benchmark?: Benchmark;
  status: Status;
  /** the metric judged: the rate's id, or the count's for exposure */
  metric: string;
  /** the rate's denominator (impressions for CTR, clicks for cart-add and order rate, orders for review rate) */
  base: number | null;
  /** the market's rate for the same queries (SQP/SCP totals): shown, never deciding */
  market?: number | null;
  /** the ASIN's own trailing 8 weeks: shown, never deciding */
  trailing?: number | null;
  /** exposure: impressions ÷ market impressions */
  impression_share?: number | null;
  /** order: purchases ÷ cart adds */
  cart_to_order_rate?: number | null;
}

/** Business Report detail-page numbers that stand beside the funnel (never mixed into its rates). */
export interface DetailPage {
  sessions: number | null;
  sessions_mobile: number | null;
  sessions_browser: number | null;
  unit_session_pct: number | null;
  order_item_session_pct: number | null;
  buy_box_pct: number | null;
  buy_box_benchmark: Benchmark | null;
  buy_box_status: Status;
}

export interface FunnelRow {
  key: Record<string, string | null>;
  source: FunnelSource;
  stages: FunnelStage[];
  marketplace: string | null;
  tier: Tier;
  days_since_first_sale: number | null;
  first_30_days: boolean;
  /** the products file's category and the price band of the average selling price: what category and price-band overrides match */
  category: string | null;
  price_band: string | null;
  detail: DetailPage;
  notes: Note[];
}

type Beside = Pick<FunnelStage, 'market' | 'trailing' | 'impression_share' | 'cart_to_order_rate'>;
interface StageNumbers { count: number | null; base: number | null; beside: Beside }

const numbers = (count: number | null, base: number | null, beside: Beside = {}): StageNumbers => ({ count, base, beside });

function searchNumbers(input: FunnelInput): Record<StageName, StageNumbers> {
  const { search: s, market: m } = input;
  const t = input.trailing;
  return {
    exposure: numbers(s.impressions, null, { impression_share: ratio(s.impressions, m.impressions) }),
    click: numbers(s.clicks, s.impressions, { market: ratio(m.clicks, m.impressions), trailing: t?.ctr ?? null }),
    cart: numbers(s.cartAdds, s.clicks, { market: ratio(m.cartAdds, m.clicks), trailing: t?.cartAddRate ?? null }),
    order: numbers(s.purchases, s.clicks, {
      market: ratio(m.purchases, m.clicks), trailing: t?.orderRate ?? null, cart_to_order_rate: ratio(s.purchases, s.cartAdds),
    }),
    ...tailNumbers(input),
  };
}

export const adTypes = ['SP', 'SB', 'SD'] as const;
export type AdType = (typeof adTypes)[number];

/**
 * The ad CTR benchmark of an ads-only funnel: each ad type's own row (defaults and overrides, the
 * ad type as the variant), weighted by that type's share of the impressions, so Sponsored Display's
 * 0.05–0.15% and Sponsored Products' 0.3–0.7% each judge their own part of the clicks.
 */
function adCtrBenchmark(input: FunnelInput, j: Judging): Benchmark | null {
  const mix = adTypes.flatMap((t) => {
    const n = input.ads.byType?.[t] ?? null;
    return n !== null && n > 0 ? [{ type: t, n }] : [];
  });
  if (mix.length === 0) return benchmarkOf('ad_ctr', j);
  const total = mix.reduce((s, m) => s + m.n, 0);
  const context = { marketplace: j.input.marketplace, tier: j.input.tier, category: j.options.category ?? null, priceBand: j.options.priceBand ?? null };
  const parts = mix.map((m) => ({ ...m, b: benchmarkFor('ad_ctr', { ...context, variant: m.type }, j.options.overrides) }));
  if (parts.length === 1 && parts[0]?.b) return parts[0].b;
  const bound = (k: 'low' | 'high') => (parts.some((p) => p.b?.[k] == null) ? null : round6(parts.reduce((s, p) => s + (p.b?.[k] ?? 0) * p.n, 0) / total));
  const from = `ads mix ${parts.map((p) => `${p.type} ${Math.round((p.n / total) * 100)}% (${p.b?.from ?? 'none'})`).join(' + ')}`;
  return { low: bound('low'), high: bound('high'), from };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Ads only: no market or trailing beside, as those are search-funnel rates (another source). */
function adsNumbers(input: FunnelInput): Record<StageName, StageNumbers> {
  const a = input.ads;
  return {
    exposure: numbers(a.impressions, null),
    click: numbers(a.clicks, a.impressions),
    cart: numbers(null, null),
    order: numbers(a.orders, a.clicks),
    ...tailNumbers(input),
  };
}

function tailNumbers(input: FunnelInput): Pick<Record<StageName, StageNumbers>, 'review' | 'repeat'> {
  return { review: numbers(input.reviewsNew, input.orders), repeat: numbers(input.repeatCustomers, input.customers) };
}

interface Judging {
  input: FunnelInput;
  options: FunnelOptions;
  firstMonth: boolean;
  /** benchmarks already looked up for this row's context (marketplace, tier, category, band, first month) */
  known: Map<string, Benchmark | null> | null;
}

function benchmarkOf(metric: string, j: Judging): Benchmark | null {
  const remembered = j.known?.get(metric);
  if (remembered !== undefined) return remembered;
  const { input, options } = j;
  const firstMonthCtr = j.firstMonth && input.tier === 'new' && (metric === 'ctr' || metric === 'ad_ctr');
  const variant = options.variants?.[metric] ?? (firstMonthCtr ? 'first_30_days' : null);
  const context = { marketplace: input.marketplace, tier: input.tier, category: options.category ?? null, priceBand: options.priceBand ?? null, variant };
  const found = benchmarkFor(metric, context, options.overrides);
  j.known?.set(metric, found);
  return found;
}

/** Rows of one funnel share a handful of contexts: their benchmarks are looked up once per context and
 * set of overrides (a funnel of 10,000 ASINs judges 70,000 stages). Not with variants (asked per call). */
const knownByOverrides = new WeakMap<readonly BenchmarkOverride[], Map<string, Map<string, Benchmark | null>>>();
const noOverrides: readonly BenchmarkOverride[] = [];

function knownBenchmarks(input: FunnelInput, options: FunnelOptions, firstMonth: boolean): Map<string, Benchmark | null> | null {
  if (options.variants) return null;
  const overrides = options.overrides ?? noOverrides;
  let byContext = knownByOverrides.get(overrides);
  if (!byContext) knownByOverrides.set(overrides, (byContext = new Map()));
  const key = `${input.marketplace}|${input.tier}|${options.category ?? ''}|${options.priceBand ?? ''}|${firstMonth}`;
  let known = byContext.get(key);
  if (!known) byContext.set(key, (known = new Map()));
  return known;
}

function buildStage(stage: StageName, source: FunnelSource, n: StageNumbers, j: Judging): FunnelStage {
  // ad reports have no cart stage: it stays unknown, named as in the search funnel
  const names = stageMetrics(source, stage) ?? searchStages[stage];
  const metric = names.rate ?? names.count;
  const rate = names.rate ? ratio(n.count, n.base) : null;
  const judged = names.rate ? rate : n.count;
  const benchmark = judged === null ? null : metric === 'ad_ctr' ? adCtrBenchmark(j.input, j) : benchmarkOf(metric, j);
  const status = judge(judged, benchmark);
  const base = names.rate ? n.base : null;
  // two literal shapes rather than a spread: 60,000 stages in a funnel of 10,000 ASINs
  const built: FunnelStage = benchmark
    ? { stage, count: n.count, rate: round4(rate), benchmark, status, metric, base }
    : { stage, count: n.count, rate: round4(rate), status, metric, base };
  for (const key in n.beside) {
    const k = key as keyof Beside;
    built[k] = round4(n.beside[k] ?? null);
  }
  return built;
}

function detailPage(input: FunnelInput, j: Judging): DetailPage {
  const d = input.detail;
  const benchmark = d.buyBoxPct === null ? null : benchmarkOf('buy_box_pct', j);
  return {
    sessions: d.sessions, sessions_mobile: d.sessionsMobile, sessions_browser: d.sessionsBrowser,
    unit_session_pct: round4(d.unitSessionPct), order_item_session_pct: round4(d.orderItemSessionPct),
    buy_box_pct: round4(d.buyBoxPct), buy_box_benchmark: benchmark, buy_box_status: judge(d.buyBoxPct, benchmark),
  };
}

/** One row of `asterism funnel`: each stage's count, rate and status against the deciding benchmark. */
export function buildFunnel(input: FunnelInput, options: FunnelOptions = {}): FunnelRow {
  const source: FunnelSource = input.search.source ?? 'ads_only';
  const firstMonth = inFirst30Days(input.daysSinceFirstSale);
  const j: Judging = { input, options, firstMonth, known: knownBenchmarks(input, options, firstMonth) };
  const all = source === 'ads_only' ? adsNumbers(input) : searchNumbers(input);
  const notes: Note[] = [];
  if (source === 'sqp') notes.push(note('sqp_top_queries'));
  if (source === 'ads_only') notes.push(note('ads_only'), note('ads_benchmark'));
  if (firstMonth) notes.push(note('first_30_days'));
  return {
    key: input.key, source, stages: stageNames.map((stage) => buildStage(stage, source, all[stage], j)),
    marketplace: input.marketplace, tier: input.tier, days_since_first_sale: input.daysSinceFirstSale,
    first_30_days: firstMonth, category: options.category ?? null, price_band: options.priceBand ?? null, detail: detailPage(input, j), notes,
  };
}
