import { compareKinds, type CompareTo } from '../domain/compared-period.ts';
import { AsterismError } from '../domain/errors.ts';
import { say, type Texts } from '../domain/messages.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import { metricById } from './catalog.ts';
import { dimensionIds, isDimension, timeDimensions, type DimensionId } from './dimensions.ts';
import type { ProfitBasis } from './facts.ts';

/** A question to the metric layer: metrics × dimensions × filters × period (CLI `query`). */
export interface QueryRequest {
  metrics: string[];
  by?: string[];
  from?: string;
  to?: string;
  store?: string;
  marketplace?: string;
  asin?: string;
  sku?: string;
  currency?: string;
  /** profit facts: by order date (fees matched to orders by order id; the default, as sellers' profit
   * tools count) or by posted date (the cash view) */
  basis?: string;
  /** profit, order basis: per-unit fees from the fee tables for unsettled orders (wired in by the app) */
  tableFees?: TableFeeEstimate[];
  /** also answer the compared period (WoW, MoM, YoY, or the same number of days just before) and the change */
  compare?: string;
  /** name the sources behind only these of the metrics (`row.sources`); default: every metric. A caller
   * reading 10,000 rows that needs one metric's source spares the others' hidden columns. */
  sourcesOf?: string[];
  /** also name the reports behind the answer (`lineage`): asked for, as it reads the raw tables the
   * rollup spares a large question */
  lineage?: boolean;
  /** what the asking user may see (issue 20): set by the server from the user's scope, never by the user */
  scope?: RowScope;
  /** also count problems per value of these `by` dimensions (`problems_per`): scopes asked together as one
   * question (KPI targets, one per ASIN), each told the problems it would have had asked alone */
  problemsPer?: string[];
}

/** A user's row scope: only these stores and marketplaces (empty: all), only the products this owner holds by date. */
export interface RowScope {
  stores: readonly string[];
  marketplaces: readonly string[];
  owner: string | null;
}

export interface TableFeeEstimate {
  store: string;
  marketplace: string;
  sku: string;
  referralFee: string | null;
  fulfillmentFee: string | null;
}

export interface ValidRequest {
  metrics: string[];
  by: DimensionId[];
  from?: string;
  to?: string;
  store?: string;
  marketplace?: string;
  asin?: string;
  sku?: string;
  currency?: string;
  basis: ProfitBasis;
  tableFees?: TableFeeEstimate[];
  compare?: CompareTo;
  sourcesOf?: string[];
  lineage?: boolean;
  scope?: RowScope;
  problemsPer?: DimensionId[];
}

/** One default everywhere (`query`, `profit`, KPIs, reviews): a month's profit is its orders' profit. */
export const defaultProfitBasis: ProfitBasis = 'order';

/** Checks every id against the catalog and every value's form; throws one clear error. */
export function validateRequest(request: QueryRequest): ValidRequest {
  if (request.metrics.length === 0) throw new AsterismError('bad_request', say('no_metric'));
  for (const id of request.metrics) {
    if (!metricById.has(id)) {
      throw new AsterismError('unknown_metric', say('unknown_metric', { value: id, hint: suggest(id, [...metricById.keys()]) }));
    }
  }
  const by: DimensionId[] = [];
  for (const dim of request.by ?? []) {
    if (!isDimension(dim)) {
      throw new AsterismError('unknown_dimension', say('unknown_dimension', { value: dim, hint: suggest(dim, dimensionIds), known: dimensionIds.join(', ') }));
    }
    if (!by.includes(dim)) by.push(dim);
  }
  const from = request.from === undefined ? undefined : parseIsoDate(request.from, '--from');
  const to = request.to === undefined ? undefined : parseIsoDate(request.to, '--to');
  if (from && to && from > to) throw new AsterismError('bad_date', say('from_after_to', { from, to }));
  let marketplace: string | undefined;
  if (request.marketplace !== undefined) {
    const m = marketplaceByCode(request.marketplace);
    if (!m) throw new AsterismError('bad_marketplace', say('bad_marketplace_option', { value: request.marketplace }));
    marketplace = m.code;
  }
  let currency: string | undefined;
  if (request.currency !== undefined) {
    if (!/^[A-Za-z]{3}$/.test(request.currency)) throw new AsterismError('bad_currency', say('bad_currency_option', { value: request.currency }));
    currency = request.currency.toUpperCase();
  }
  const basis = request.basis ?? defaultProfitBasis;
  if (basis !== 'order' && basis !== 'posted') throw new AsterismError('bad_request', `basis "${basis}" is not order or posted`);
  const compare = validCompare(request.compare, by, from, to);
  return {
    metrics: [...new Set(request.metrics)], by, basis,
    ...(request.tableFees?.length ? { tableFees: request.tableFees } : {}),
    ...(from ? { from } : {}), ...(to ? { to } : {}),
    ...(request.store ? { store: request.store } : {}), ...(marketplace ? { marketplace } : {}),
    ...(request.asin ? { asin: request.asin.toUpperCase() } : {}), ...(request.sku ? { sku: request.sku } : {}),
    ...(currency ? { currency } : {}), ...(compare ? { compare } : {}),
    ...(request.lineage ? { lineage: true } : {}),
    ...(request.scope ? { scope: request.scope } : {}),
    ...(request.sourcesOf ? { sourcesOf: request.sourcesOf.filter((id) => request.metrics.includes(id)) } : {}),
    ...(request.problemsPer?.length ? { problemsPer: by.filter((d) => request.problemsPer?.includes(d)) } : {}),
  };
}

/** A comparison needs the period it shifts, and cannot be asked by a time dimension (its days differ from the compared days). */
function validCompare(compare: string | undefined, by: DimensionId[], from?: string, to?: string): CompareTo | undefined {
  if (compare === undefined || compare === '') return undefined;
  if (!(compareKinds as readonly string[]).includes(compare)) throw new AsterismError('bad_request', say('compare_unknown', { value: compare, expected: compareKinds.join(', ') }));
  if (!from || !to) throw new AsterismError('bad_request', say('compare_needs_period', { value: compare }));
  const time = by.find((d) => timeDimensions.has(d));
  if (time) throw new AsterismError('bad_request', say('compare_by_time', { value: time }));
  return compare as CompareTo;
}

function suggest(input: string, known: readonly string[]): Texts {
  const close = known.filter((k) => k.includes(input) || input.includes(k) || distance(k, input) <= 2).slice(0, 3);
  return close.length ? { en: ` (did you mean ${close.join(', ')}?)`, zh: `（是否想用 ${close.join('、')}？）` } : { en: '', zh: '' };
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length]!;
}
