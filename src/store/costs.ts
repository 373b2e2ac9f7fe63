import { say } from '../domain/messages.ts';
import { Decimal } from 'decimal.js';
import { AsterismError } from '../domain/errors.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import { moveToHistory } from './import-history.ts';
import type { Database } from './database.ts';

/**
 * Costs entered through the API or CLI (SPEC §6), the same rows the costs file writes: per seller SKU
 * or product code, effective from a date, optionally per marketplace, in the purchase currency.
 * A row with the same key (store, sku, marketplace, effective_from) is replaced.
 */
export interface CostInput {
  sku: string;
  effective_from: string;
  currency?: string | undefined;
  unit_cost?: string | number | undefined;
  freight_per_unit?: string | number | undefined;
  duty_rate?: string | number | undefined;
  marketplace?: string | undefined;
  store?: string | undefined;
}

export interface CostRecord {
  store: string;
  sku: string;
  marketplace: string | null;
  effective_from: string;
  currency: string;
  unit_cost: string;
  freight_per_unit: string | null;
  duty_rate: string | null;
}

/** Exact decimal text of an amount, or a clear error naming the field. */
function amount(value: string | number | undefined, field: string, options: { max?: number } = {}): string | null {
  if (value === undefined || value === '') return null;
  let d: Decimal;
  try {
    d = new Decimal(String(value).trim());
  } catch {
    throw new AsterismError('bad_request', say('field_not_a_number', { field, value: String(value) }));
  }
  if (d.isNegative()) throw new AsterismError('bad_request', say('field_negative', { field, value: String(value) }));
  if (options.max !== undefined && d.greaterThan(options.max)) throw new AsterismError('bad_request', say('field_above_rate', { field, value: String(value), max: options.max }));
  return d.toFixed();
}

export async function setCost(db: Database, input: CostInput): Promise<CostRecord> {
  const sku = input.sku.trim();
  if (!sku) throw new AsterismError('bad_request', say('field_required', { field: 'sku', what: { en: 'a seller SKU or product code', zh: '卖家 SKU 或产品编码' } }));
  if (input.unit_cost === undefined || input.unit_cost === '') throw new AsterismError('bad_request', say('field_required', { field: 'unit_cost', what: { en: 'a value', zh: '数值' } }));
  const currency = (input.currency ?? '').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new AsterismError('bad_request', say('field_not_currency', { field: 'currency', value: input.currency ?? '' }));
  let marketplace: string | null = null;
  if (input.marketplace) {
    marketplace = marketplaceByCode(input.marketplace)?.code ?? null;
    if (!marketplace) throw new AsterismError('bad_request', say('unknown_marketplace_code', { value: input.marketplace, more: '' }));
  }
  const record: CostRecord = {
    store: input.store?.trim() || 'default', sku, marketplace, effective_from: parseIsoDate(input.effective_from, 'effective_from'), currency,
    unit_cost: amount(input.unit_cost, 'unit_cost') ?? '', freight_per_unit: amount(input.freight_per_unit, 'freight_per_unit'),
    duty_rate: amount(input.duty_rate, 'duty_rate', { max: 1 }),
  };
  if (!record.unit_cost) throw new AsterismError('bad_request', say('field_required', { field: 'unit_cost', what: { en: 'a value', zh: '数值' } }));
  await db.transaction(async () => {
    await db.run('INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING', [record.store]);
    // the cost it overrides (an imported one too) is kept in history, not deleted
    await moveToHistory(db, 'costs', 'store = $1 AND sku = $2 AND marketplace IS NOT DISTINCT FROM $3 AND effective_from = $4::DATE',
      [record.store, record.sku, record.marketplace, record.effective_from], null);
    await db.run(`INSERT INTO costs (store, sku, marketplace, effective_from, currency, unit_cost, freight_per_unit, duty_rate)
      VALUES ($1, $2, $3, $4::DATE, $5, $6::DECIMAL(18,4), $7::DECIMAL(18,4), $8::DECIMAL(9,6))`,
    [record.store, record.sku, record.marketplace, record.effective_from, record.currency, record.unit_cost, record.freight_per_unit, record.duty_rate]);
  });
  return record;
}

export async function listCosts(db: Database, filter: { store?: string | undefined; sku?: string | undefined } = {}): Promise<CostRecord[]> {
  const rows = await db.all(
    `SELECT store, sku, marketplace, CAST(effective_from AS VARCHAR) AS effective_from, currency,
            CAST(unit_cost AS VARCHAR) AS unit_cost, CAST(freight_per_unit AS VARCHAR) AS freight_per_unit, CAST(duty_rate AS VARCHAR) AS duty_rate
     FROM costs WHERE (CAST($1 AS VARCHAR) IS NULL OR store = $1) AND (CAST($2 AS VARCHAR) IS NULL OR sku = $2)
     ORDER BY store, sku, marketplace NULLS FIRST, effective_from`,
    [filter.store ?? null, filter.sku ?? null],
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    store: String(r.store), sku: String(r.sku), marketplace: text(r.marketplace), effective_from: String(r.effective_from),
    currency: String(r.currency), unit_cost: new Decimal(String(r.unit_cost)).toFixed(), freight_per_unit: r.freight_per_unit === null ? null : new Decimal(String(r.freight_per_unit)).toFixed(),
    duty_rate: r.duty_rate === null ? null : new Decimal(String(r.duty_rate)).toFixed(),
  }));
}
