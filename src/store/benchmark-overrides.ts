import { say } from '../domain/messages.ts';
import { AsterismError } from '../domain/errors.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database, SqlParam, SqlRow } from './database.ts';
import { untilWrite } from './until-write.ts';

/**
 * The user's edits of the default benchmark table (SPEC §4: editable, overridable per category and
 * price band). One row per key (metric, marketplace, tier, category, price band, variant); a key
 * left null means "any". The resolver (analysis/benchmarks.ts) picks the most specific match.
 */
export interface BenchmarkOverrideRecord {
  metric: string;
  /** a marketplace code (DE) or the EU group */
  marketplace: string | null;
  tier: string | null;
  category: string | null;
  /** a label the resolver compares as text, e.g. `10-20` */
  price_band: string | null;
  /** a second row of the default table, e.g. `invited` review rate or `reseller` Buy Box */
  variant: string | null;
  low: number | null;
  high: number | null;
  note: string | null;
  updated_at: string;
}

export interface BenchmarkOverrideKey {
  metric: string;
  marketplace?: string | null | undefined;
  tier?: string | null | undefined;
  category?: string | null | undefined;
  price_band?: string | null | undefined;
  variant?: string | null | undefined;
}

export interface BenchmarkOverrideInput extends BenchmarkOverrideKey {
  low?: number | null | undefined;
  high?: number | null | undefined;
  note?: string | null | undefined;
}

/** What a key may name, handed down by the caller: the store knows neither the catalog nor the tiers. */
export interface BenchmarkVocabulary {
  metrics: { has(id: string): boolean };
  tiers: readonly string[];
}

const keyColumns = ['metric', 'marketplace', 'tier', 'category', 'price_band', 'variant'] as const;
type Key = Record<(typeof keyColumns)[number], string | null> & { metric: string };

/** Inserts or replaces the override with the same key. */
export async function setBenchmarkOverride(db: Database, input: BenchmarkOverrideInput, vocabulary: BenchmarkVocabulary): Promise<BenchmarkOverrideRecord> {
  const key = checkKey(input, vocabulary);
  const low = bound(input.low, 'low');
  const high = bound(input.high, 'high');
  if (low === null && high === null) throw new AsterismError('bad_request', say('bounds_needed'));
  if (low !== null && high !== null && low > high) throw new AsterismError('bad_request', say('bounds_reversed', { low, high }));
  const note = input.note?.trim() || null;
  await db.transaction(async () => {
    const match = matchKey(key);
    await db.run(`DELETE FROM benchmark_overrides WHERE ${match.where}`, match.params);
    await db.run(
      `INSERT INTO benchmark_overrides (metric, marketplace, tier, category, price_band, variant, low, high, note, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::DECIMAL(18,6), $8::DECIMAL(18,6), $9, current_timestamp)`,
      [...keyColumns.map((c) => key[c]), low === null ? null : String(low), high === null ? null : String(high), note],
    );
  });
  const [saved] = await selectOverrides(db, matchKey(key));
  if (!saved) throw new AsterismError('database_error', say('not_saved', { what: { en: 'benchmark override', zh: '基准覆盖值' } }));
  return saved;
}

/** Removes the override with exactly this key; refuses a key that has none. */
export async function removeBenchmarkOverride(db: Database, input: BenchmarkOverrideKey): Promise<BenchmarkOverrideRecord> {
  const key = normalizeKey(input);
  const match = matchKey(key);
  // found and removed in one write: of two removals of the same key, the second is told there is none
  return db.transaction(async () => {
    const [found] = await selectOverrides(db, match);
    if (!found) {
      throw new AsterismError('not_found', say('no_benchmark_override', { key: describeKey(key) }));
    }
    await db.run(`DELETE FROM benchmark_overrides WHERE ${match.where}`, match.params);
    return found;
  });
}

export function listBenchmarkOverrides(db: Database): Promise<readonly BenchmarkOverrideRecord[]> {
  // read again only after a write: every funnel asks for them, and they change only when edited (shared, so frozen)
  return untilWrite(db, 'benchmark overrides', async () => Object.freeze((await selectOverrides(db, { where: 'TRUE', params: [] })).map((r) => Object.freeze(r))));
}

async function selectOverrides(db: Database, match: { where: string; params: SqlParam[] }): Promise<BenchmarkOverrideRecord[]> {
  const rows = await db.all(
    `SELECT metric, marketplace, tier, category, price_band, variant, CAST(low AS VARCHAR) AS low, CAST(high AS VARCHAR) AS high,
            note, strftime(updated_at, '%Y-%m-%dT%H:%M:%S') AS updated_at
     FROM benchmark_overrides WHERE ${match.where}
     ORDER BY ${keyColumns.map((c) => `lower(${c}) NULLS FIRST`).join(', ')}`,
    match.params,
  );
  return rows.map(toRecord);
}

function toRecord(r: SqlRow): BenchmarkOverrideRecord {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    metric: String(r.metric), marketplace: text(r.marketplace), tier: text(r.tier), category: text(r.category),
    price_band: text(r.price_band), variant: text(r.variant), low: num(r.low), high: num(r.high), note: text(r.note),
    updated_at: String(r.updated_at),
  };
}

/** Keys compare without case, as the resolver matches them; a null key matches only null. */
function matchKey(key: Key): { where: string; params: SqlParam[] } {
  return {
    where: keyColumns.map((c, i) => `coalesce(lower(${c}), '') = coalesce(lower($${i + 1}), '')`).join(' AND '),
    params: keyColumns.map((c) => key[c]),
  };
}

function checkKey(input: BenchmarkOverrideKey, vocabulary: BenchmarkVocabulary): Key {
  const key = normalizeKey(input);
  if (!vocabulary.metrics.has(key.metric)) {
    throw new AsterismError('unknown_metric', say('unknown_metric', { value: input.metric, hint: '' }));
  }
  if (key.tier !== null && !vocabulary.tiers.includes(key.tier)) {
    throw new AsterismError('bad_request', say('unknown_of', { what: { en: 'lifecycle tier', zh: '生命周期阶段' }, value: input.tier ?? '', known: vocabulary.tiers.join(', ') }));
  }
  return key;
}

function normalizeKey(input: BenchmarkOverrideKey): Key {
  const text = (v: string | null | undefined) => v?.trim() || null;
  const metric = text(input.metric)?.toLowerCase();
  if (!metric) throw new AsterismError('bad_request', say('name_benchmark_metric'));
  return {
    metric, marketplace: marketplaceOrGroup(text(input.marketplace)), tier: text(input.tier)?.toLowerCase() ?? null,
    category: text(input.category), price_band: text(input.price_band), variant: text(input.variant)?.toLowerCase() ?? null,
  };
}

// EU is the benchmark table's marketplace group for every EU marketplace (analysis/benchmark-table.ts)
function marketplaceOrGroup(code: string | null): string | null {
  if (code === null) return null;
  if (code.toUpperCase() === 'EU') return 'EU';
  const m = marketplaceByCode(code);
  if (!m) throw new AsterismError('bad_marketplace', say('unknown_marketplace_code', { value: code, more: { en: ', or EU for all of Europe', zh: '，或 EU 表示整个欧洲' } }));
  return m.code;
}

function bound(value: number | null | undefined, what: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) throw new AsterismError('bad_request', say('bound_not_a_number', { what: what === 'low' ? { en: 'low', zh: '下限' } : { en: 'high', zh: '上限' } }));
  return value;
}

function describeKey(key: Key): string {
  return keyColumns.filter((c) => key[c] !== null).map((c) => `${c} ${key[c]}`).join(', ');
}
