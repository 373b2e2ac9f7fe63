import { defaultBenchmarks, tiers } from '../../analysis/benchmark-table.ts';
import { AsterismError } from '../../domain/errors.ts';
import { catalog } from '../../metrics/catalog.ts';
import {
  listBenchmarkOverrides, removeBenchmarkOverride, setBenchmarkOverride, type BenchmarkOverrideRecord, type BenchmarkVocabulary,
} from '../../store/benchmark-overrides.ts';
import type { Database } from '../../store/database.ts';
import type { CommandAnswer } from './events.ts';

/**
 * `asterism benchmarks set|list|remove`: the user's overrides of the default benchmark table
 * (SPEC §4). Thin: parse the options, call the store, hand back the JSON answer and the table.
 */
export interface BenchmarksKeyOptions {
  metric: string;
  marketplace?: string;
  tier?: string;
  category?: string;
  priceBand?: string;
  variant?: string;
}

export interface BenchmarksSetOptions extends BenchmarksKeyOptions {
  /** a number (0.25) or a percentage (25%) */
  low?: string;
  high?: string;
  note?: string;
}

export const benchmarkColumns = ['metric', 'marketplace', 'tier', 'category', 'price_band', 'variant', 'low', 'high', 'note', 'updated_at'];

/** Metrics a benchmark may be set for: the catalog's, and those the default table judges beside it (IPI …). */
const vocabulary: BenchmarkVocabulary = {
  metrics: new Set([...catalog.map((m) => m.id), ...defaultBenchmarks.map((b) => b.metric)]),
  tiers,
};

export async function runBenchmarksSet(db: Database, o: BenchmarksSetOptions): Promise<CommandAnswer<{ override: BenchmarkOverrideRecord }>> {
  const override = await setBenchmarkOverride(db, { ...key(o), low: bound(o.low, '--low'), high: bound(o.high, '--high'), note: o.note }, vocabulary);
  return { json: { override }, columns: benchmarkColumns, rows: [{ ...override }] };
}

export async function runBenchmarksList(db: Database): Promise<CommandAnswer<{ overrides: BenchmarkOverrideRecord[] }>> {
  const overrides = await listBenchmarkOverrides(db);
  return { json: { overrides }, columns: benchmarkColumns, rows: overrides.map((r) => ({ ...r })) };
}

export async function runBenchmarksRemove(db: Database, o: BenchmarksKeyOptions): Promise<CommandAnswer<{ removed: BenchmarkOverrideRecord }>> {
  const removed = await removeBenchmarkOverride(db, key(o));
  return { json: { removed }, columns: benchmarkColumns, rows: [{ ...removed }] };
}

function key(o: BenchmarksKeyOptions) {
  return { metric: o.metric, marketplace: o.marketplace, tier: o.tier, category: o.category, price_band: o.priceBand, variant: o.variant };
}

function bound(text: string | undefined, flag: string): number | null {
  if (text === undefined || text.trim() === '') return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) throw new AsterismError('bad_request', `${flag} "${text}" is not a number: e.g. 0.25 or 25%`);
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}
