import { marketplaceByCode } from '../domain/marketplaces.ts';
import { defaultBenchmarks, type MarketplaceGroup, type Tier } from './benchmark-table.ts';

/** The benchmark that judges a rate; `from` names what decided, e.g. `default:US:mature`. */
export interface Benchmark {
  low: number | null;
  high: number | null;
  from: string;
}

/**
 * A user's edit of the default table (the `benchmark_overrides` rows). A key left null or absent
 * means "any"; `marketplace` is a code (DE) or a group (EU).
 */
export interface BenchmarkOverride {
  metric: string;
  marketplace?: string | null;
  tier?: string | null;
  category?: string | null;
  price_band?: string | null;
  /** only for that variant of the default row (e.g. `invited`); absent: whichever row is in use */
  variant?: string | null;
  low: number | null;
  high: number | null;
}

export interface BenchmarkContext {
  marketplace: string | null;
  tier: Tier;
  category?: string | null;
  priceBand?: string | null;
  /** pick a second row of the default table, e.g. `invited` review rate or `reseller` Buy Box */
  variant?: string | null;
}

export type Status = 'low' | 'ok' | 'high' | 'unknown';

/** NA and unknown marketplaces use the US row; EU marketplaces (UK included) the EU row; JP its own. */
export function marketplaceGroup(code: string | null): MarketplaceGroup {
  if (!code) return 'US';
  let group = groups.get(code);
  if (!group) {
    const found = marketplaceByCode(code);
    group = found?.code === 'JP' ? 'JP' : found?.region === 'EU' ? 'EU' : 'US';
    groups.set(code, group);
  }
  return group;
}
// asked once per stage of every funnel row: remembered per code
const groups = new Map<string, MarketplaceGroup>();

/** The default row, else the user's most specific override that matches: overrides beat the default. */
export function benchmarkFor(metric: string, context: BenchmarkContext, overrides: readonly BenchmarkOverride[] = []): Benchmark | null {
  return bestOverride(metric, context, overrides) ?? defaultFor(metric, context);
}

/** The default table is constant data: each (metric, group, tier, variant) is looked up once per
 * process, as a funnel of 10,000 ASINs asks the same few questions 70,000 times. */
const defaults = new Map<string, Readonly<Benchmark> | null>();

function defaultFor(metric: string, context: BenchmarkContext): Benchmark | null {
  const group = marketplaceGroup(context.marketplace);
  const key = `${metric}|${group}|${context.tier}|${context.variant ?? ''}`;
  let found = defaults.get(key);
  if (found === undefined) {
    const looked = lookUpDefault(metric, group, context.tier, context.variant ?? null);
    found = looked && Object.freeze(looked);
    defaults.set(key, found);
  }
  // shared and frozen: 60,000 stages point at a handful of rows
  return found;
}

function lookUpDefault(metric: string, group: MarketplaceGroup, tier: Tier, variant: string | null): Benchmark | null {
  const rows = defaultBenchmarks.filter((r) => r.metric === metric && r.group === group && r.tier === tier);
  // a variant the metric does not have falls back to its usual row
  const row = rows.find((r) => r.variant === variant) ?? rows.find((r) => r.variant === null);
  if (!row) return null;
  return { low: row.low, high: row.high, from: ['default', group, tier, row.variant].filter(Boolean).join(':') };
}

const same = (a: string, b: string | null | undefined) => b != null && a.trim().toLowerCase() === b.trim().toLowerCase();
const isSet = (v: string | null | undefined): v is string => v != null && v.trim() !== '';

function matches(o: BenchmarkOverride, metric: string, c: BenchmarkContext): boolean {
  const code = c.marketplace ? marketplaceByCode(c.marketplace)?.code ?? c.marketplace : null;
  return o.metric === metric
    && (!isSet(o.marketplace) || same(o.marketplace, code) || (code !== null && same(o.marketplace, marketplaceGroup(code))))
    && (!isSet(o.tier) || same(o.tier, c.tier))
    && (!isSet(o.category) || same(o.category, c.category))
    && (!isSet(o.price_band) || same(o.price_band, c.priceBand))
    && (!isSet(o.variant) || same(o.variant, c.variant));
}

/**
 * Most specific wins: more keys set beats fewer; on a tie category > price band > tier >
 * marketplace > variant; on a full tie the later override (the newer edit) wins.
 */
function specificity(o: BenchmarkOverride): [number, number] {
  const keys: [string | null | undefined, number][] = [[o.category, 16], [o.price_band, 8], [o.tier, 4], [o.marketplace, 2], [o.variant, 1]];
  const set = keys.filter(([v]) => isSet(v));
  return [set.length, set.reduce((sum, [, w]) => sum + w, 0)];
}

function bestOverride(metric: string, context: BenchmarkContext, overrides: readonly BenchmarkOverride[]): Benchmark | null {
  let best: BenchmarkOverride | null = null;
  for (const o of overrides) {
    if (!matches(o, metric, context)) continue;
    if (!best) { best = o; continue; }
    const [n, w] = specificity(o);
    const [bn, bw] = specificity(best);
    if (n > bn || (n === bn && w >= bw)) best = o;
  }
  return best ? { low: best.low, high: best.high, from: overrideLabel(best) } : null;
}

/** `override:US:mature:category=Kitchen`; `*` for a key the override leaves open. */
function overrideLabel(o: BenchmarkOverride): string {
  const parts = ['override', isSet(o.marketplace) ? o.marketplace.toUpperCase() : '*', isSet(o.tier) ? o.tier : '*'];
  if (isSet(o.category)) parts.push(`category=${o.category}`);
  if (isSet(o.price_band)) parts.push(`price_band=${o.price_band}`);
  if (isSet(o.variant)) parts.push(`variant=${o.variant}`);
  return parts.join(':');
}

/** low below the low bound, high above the high bound, else ok; unknown without a value. */
export function judge(value: number | null, benchmark: Benchmark | null): Status {
  if (value === null) return 'unknown';
  if (benchmark?.low != null && value < benchmark.low) return 'low';
  if (benchmark?.high != null && value > benchmark.high) return 'high';
  return 'ok';
}
