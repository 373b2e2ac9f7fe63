import { say } from '../domain/messages.ts';
import { AsterismError } from '../domain/errors.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database } from './database.ts';

/**
 * Pricing rules per store, seller SKU and marketplace; '*' stands for any SKU or marketplace, so
 * ('*', '*') is the store's default. Each field falls through from the most specific row that sets
 * it: (SKU, marketplace), (SKU, *), (*, marketplace), (*, *). Money fields are in the marketplace's
 * currency; margins, steps and buffers are fractions (0.08 is 8%).
 */
export const ruleFields = ['min_margin', 'target_margin', 'ceiling', 'map', 'max_step', 'fx_buffer', 'competitor_step'] as const;
export type RuleField = (typeof ruleFields)[number];
export type RuleValues = Record<RuleField, string | null>;

export interface PricingRuleRow extends RuleValues {
  store: string;
  sku: string;
  marketplace: string;
  updated_at: string;
}

export type PricingRuleInput = { store?: string | undefined; sku?: string | undefined; marketplace?: string | undefined } & Partial<Record<RuleField, string | number | null>>;

/** What each field may hold: fractions below 1 for margins, steps and buffers; positive money otherwise. */
const limits: Record<RuleField, { max?: number; positive?: boolean; en: string; zh: string }> = {
  min_margin: { max: 1, en: 'a fraction below 1, such as 0.1 for 10%', zh: '小于 1 的小数，如 0.1 表示 10%' },
  target_margin: { max: 1, en: 'a fraction below 1, such as 0.2 for 20%', zh: '小于 1 的小数，如 0.2 表示 20%' },
  ceiling: { positive: true, en: 'a positive price', zh: '正数价格' },
  map: { positive: true, en: 'a positive price', zh: '正数价格' },
  max_step: { max: 1, en: 'a fraction below 1, such as 0.05 for 5%', zh: '小于 1 的小数，如 0.05 表示 5%' },
  fx_buffer: { max: 1, en: 'a fraction below 1, such as 0.03 for 3%', zh: '小于 1 的小数，如 0.03 表示 3%' },
  competitor_step: { en: 'an amount such as 0.10', zh: '金额，如 0.10' },
};

function checkValue(field: RuleField, value: string | number | null): string | null {
  if (value === null) return null;
  const text = String(value).trim();
  const limit = limits[field];
  const n = Number(text);
  const ok = /^-?\d+(\.\d+)?$/.test(text) && n >= 0 && (limit.max === undefined || n < limit.max) && (!limit.positive || n > 0);
  if (!ok) throw new AsterismError('bad_request', say('rule_value_bad', { field, value: text, expected: { en: limit.en, zh: limit.zh } }));
  return text;
}

function keyOf(input: PricingRuleInput): { store: string; sku: string; marketplace: string } {
  const marketplace = input.marketplace && input.marketplace !== '*' ? marketplaceByCode(input.marketplace)?.code : '*';
  if (!marketplace) throw new AsterismError('bad_marketplace', say('unknown_marketplace_code', { value: input.marketplace ?? '', more: '' }));
  return { store: input.store ?? 'default', sku: input.sku ?? '*', marketplace };
}

/** Sets the given fields of one rule row (others keep their value; null clears one). */
export async function setPricingRule(db: Database, input: PricingRuleInput): Promise<PricingRuleRow> {
  const key = keyOf(input);
  const given = ruleFields.filter((f) => input[f] !== undefined);
  if (given.length === 0) throw new AsterismError('bad_request', say('no_rule_given', { fields: ruleFields.join(', ') }));
  const values = Object.fromEntries(given.map((f) => [f, checkValue(f, input[f] ?? null)])) as Partial<RuleValues>;
  const [old] = await listPricingRules(db, key);
  const merged = { ...Object.fromEntries(ruleFields.map((f) => [f, old?.[f] ?? null])), ...values } as RuleValues;
  await db.transaction(async () => {
    await db.run('DELETE FROM pricing_rules WHERE store = $1 AND sku = $2 AND marketplace = $3', [key.store, key.sku, key.marketplace]);
    await db.run(
      `INSERT INTO pricing_rules (store, sku, marketplace, ${ruleFields.join(', ')}) VALUES ($1, $2, $3, ${ruleFields.map((_, i) => `$${i + 4}`).join(', ')})`,
      [key.store, key.sku, key.marketplace, ...ruleFields.map((f) => merged[f])],
    );
  });
  const [row] = await listPricingRules(db, key);
  if (!row) throw new AsterismError('database_error', 'the pricing rule was not saved');
  return row;
}

export async function listPricingRules(db: Database, filter: { store?: string; sku?: string; marketplace?: string } = {}): Promise<PricingRuleRow[]> {
  const rows = await db.all(
    `SELECT store, sku, marketplace, ${ruleFields.map((f) => `CAST(${f} AS VARCHAR) AS ${f}`).join(', ')}, CAST(updated_at AS VARCHAR) AS updated_at
     FROM pricing_rules WHERE ($1::VARCHAR IS NULL OR store = $1) AND ($2::VARCHAR IS NULL OR sku = $2) AND ($3::VARCHAR IS NULL OR marketplace = $3)
     ORDER BY store, sku, marketplace`,
    [filter.store ?? null, filter.sku ?? null, filter.marketplace ?? null],
  );
  return rows.map((r) => ({
    store: String(r.store), sku: String(r.sku), marketplace: String(r.marketplace), updated_at: String(r.updated_at),
    ...(Object.fromEntries(ruleFields.map((f) => [f, r[f] === null ? null : trim(String(r[f]))])) as RuleValues),
  }));
}

/** The rules in force for one SKU in one marketplace, each field from the most specific row that sets it. */
export async function rulesFor(db: Database, store: string, sku: string, marketplace: string): Promise<RuleValues & { from: Partial<Record<RuleField, string>> }> {
  const rows = (await listPricingRules(db, { store })).filter((r) => (r.sku === sku || r.sku === '*') && (r.marketplace === marketplace || r.marketplace === '*'));
  const rank = (r: PricingRuleRow) => (r.sku === '*' ? 2 : 0) + (r.marketplace === '*' ? 1 : 0);
  rows.sort((a, b) => rank(a) - rank(b));
  const out = { ...(Object.fromEntries(ruleFields.map((f) => [f, null])) as RuleValues), from: {} as Partial<Record<RuleField, string>> };
  for (const f of ruleFields) {
    const row = rows.find((r) => r[f] !== null);
    if (row) {
      out[f] = row[f];
      out.from[f] = `${row.sku}/${row.marketplace}`;
    }
  }
  return out;
}

/** DECIMAL(9,6) reads back as 0.100000: show 0.1 */
const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
