import type { Dialect } from '../store/dialect.ts';
import { fxStaleDays } from '../store/fx-rates.ts';
import { dimensionNames, type DimensionId } from './dimensions.ts';
import { facts, type Fact, type FactColumn } from './facts.ts';
import { measureById } from './measures.ts';
import { finished, partials } from './plan/aggregation.ts';
import { renderExpr, when } from './plan/expr.ts';
import { columnName, type PlanColumn } from './plan/columns.ts';
import { allOf, fitConditions, overlapConditions, timeGrains, type FitRule } from './plan/fit.ts';
import type { FactSourcePlan } from './plan/plan.ts';
import type { TableFeeEstimate, ValidRequest } from './request.ts';

/** Bound parameters, collected while SQL is written. */
export class Params {
  readonly values: (string | number)[] = [];
  constructor(private readonly dialect: Dialect) {}
  add(value: string, type: 'text' | 'date' = 'text'): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length, type);
  }
}

export interface FactQueryInput {
  source: FactSourcePlan;
  request: ValidRequest;
  dims: DimensionId[];
  /** group money by currency (no --currency given and a money metric asked) */
  splitCurrency: boolean;
  dialect: Dialect;
  params: Params;
  needsProductKeys: boolean;
}

/** Why a source cannot answer this question (in English and Chinese), or undefined when it can. */
export function unsupportedReason(fact: Fact, dims: readonly DimensionId[], request: ValidRequest): { en: string; zh: string } | undefined {
  for (const dim of dims) {
    const name = dimensionNames[dim];
    if (['date', 'week', 'month'].includes(dim) && fact.trailingDays) {
      return { en: `it is measured over the trailing ${fact.trailingDays} days, not by ${dim}`, zh: `它按最近 ${fact.trailingDays} 天计算，不能按${name.zh}分组` };
    }
    if (!canGroup(fact, dim)) return { en: `${fact.name.en} has no ${dim}`, zh: `${fact.name.zh}没有${name.zh}` };
  }
  if (request.asin && !fact.columns.asin) return { en: `${fact.name.en} has no ASIN to filter on`, zh: `${fact.name.zh}没有 ASIN，无法按 ASIN 筛选` };
  if (request.sku && !fact.columns.sku && !fact.columns.asin) return { en: `${fact.name.en} has no SKU to filter on`, zh: `${fact.name.zh}没有 SKU，无法按 SKU 筛选` };
  return undefined;
}

function canGroup(fact: Fact, dim: DimensionId): boolean {
  switch (dim) {
    case 'date': case 'week': case 'month': case 'store': case 'marketplace': case 'channel':
      return true;
    case 'product': case 'owner': case 'parent_asin':
      return Boolean(fact.columns.sku || fact.columns.asin);
    default:
      return Boolean(fact.columns[dim as FactColumn]);
  }
}

/** fee-table estimates as a subquery of bound values (never pasted into SQL) */
function tableFeeValues(fees: readonly TableFeeEstimate[], params: Params): string {
  const money = (v: string | null) => (v === null ? 'CAST(NULL AS DECIMAL(18,4))' : `CAST(${params.add(v)} AS DECIMAL(18,4))`);
  const rows = fees.map((f) => `(${params.add(f.store)}, ${params.add(f.marketplace)}, ${params.add(f.sku)}, ${money(f.referralFee)}, ${money(f.fulfillmentFee)})`);
  return `(SELECT * FROM (VALUES ${rows.join(', ')}) v(store, marketplace, sku, referral_fee, fulfillment_fee))`;
}

const col = (fact: Fact, c: FactColumn) => `f.${fact.columns[c]}`;

/** A user's stores and marketplaces as filters on a table's store and marketplace columns (none when unrestricted). */
export function scopeFilters(scope: ValidRequest['scope'], alias: string, params: Params): string[] {
  if (!scope) return [];
  const within = (column: string, values: readonly string[]) => `${alias}.${column} IN (${values.map((v) => params.add(v)).join(', ')})`;
  return [
    ...(scope.stores.length ? [within('store', scope.stores)] : []),
    ...(scope.marketplaces.length ? [within('marketplace', scope.marketplaces)] : []),
  ];
}

/** SQL of one fact read live, aggregated to the answer's grain: its dimension columns and the columns its plan lists. */
export function factQuery(input: FactQueryInput): string {
  const { dialect: d, params, request, dims } = input;
  const fact = facts[input.source.fact];
  const joins: string[] = ['LEFT JOIN marketplaces mk ON mk.code = f.marketplace'];
  const hasSku = Boolean(fact.columns.sku);
  const hasAsin = Boolean(fact.columns.asin);
  // an owner scope reads the owner of each row's product on the row's day, as the owner dimension does
  const ownerScope = request.scope?.owner ?? null;
  // a source without products (store-level lines) has nothing an owner holds: none of it is in the scope
  const ownsNothing = ownerScope !== null && !hasSku && !hasAsin;
  const needsOwner = dims.includes('owner') || (ownerScope !== null && !ownsNothing);
  const needsLookup = needsOwner || dims.some((x) => x === 'product' || (x === 'parent_asin' && !fact.columns.parent_asin));
  if (needsLookup && hasSku) joins.push(`LEFT JOIN sku_map ps ON ps.store = f.store AND ps.sku = ${col(fact, 'sku')}`);
  if (needsLookup && hasAsin) {
    joins.push(`LEFT JOIN (SELECT store, asin, min(parent_asin) AS parent_asin, min(product_code) AS product_code, min(sku) AS sku
      FROM sku_map GROUP BY store, asin) pa ON pa.store = f.store AND pa.asin = ${col(fact, 'asin')}`);
  }
  const lookup = (field: string) => {
    const parts = [hasSku ? `ps.${field}` : '', hasAsin ? `pa.${field}` : ''].filter(Boolean);
    return parts.length > 1 ? `coalesce(${parts.join(', ')})` : parts[0] ?? 'NULL';
  };
  if (needsOwner) {
    const skuExpr = hasSku && hasAsin ? `coalesce(${col(fact, 'sku')}, pa.sku)` : hasSku ? col(fact, 'sku') : 'pa.sku';
    joins.push(d.asofLeftJoin('product_assignments', 'ow', ['ow.store = f.store', `ow.sku = ${skuExpr}`], `f.${fact.dateFrom}`, 'ow.effective_from'));
  }

  const from = `f.${fact.dateFrom}`;
  const to = `f.${fact.dateTo}`;
  // the period: rows overlapping it are read; only rows inside it (and inside one bucket of the time grain) count
  const period: { from?: string | undefined; to?: string | undefined } = {
    from: request.from && !fact.trailingDays ? params.add(request.from, 'date') : undefined,
    to: request.to ? params.add(request.to, 'date') : undefined,
  };
  // (read when a derived source asks: a trailing measure moves the period first)
  const rule = (grains: FitRule['grains']): FitRule => ({ ...period, grains });
  const rangeFits = (alias: string): string => allOf(fitConditions(rule(timeGrains(dims)), `${alias}.date_from`, `${alias}.date_to`, d));
  const overlaps = (alias: string, fromCol = 'date_from', toCol = 'date_to'): string => allOf(overlapConditions(period, `${alias}.${fromCol}`, `${alias}.${toCol}`));
  let tableFeeSql: string | undefined;
  const tableFees = request.tableFees;
  const context = {
    dialect: d, dims: new Set(dims), needsProductKeys: input.needsProductKeys, rangeFits, overlaps, basis: request.basis,
    bounds: { from: period.from, to: period.to },
    ...(tableFees ? { tableFeeEstimates: () => (tableFeeSql ??= tableFeeValues(tableFees, params)) } : {}),
  };
  if (fact.trailingDays) {
    period.to ??= `(SELECT max(${fact.dateTo}) FROM ${fact.source({ ...context, rangeFits: () => 'TRUE', overlaps: () => 'TRUE' })} t)`;
    period.from = d.addDays(period.to, -(fact.trailingDays - 1));
  }
  const where = overlapConditions(period, from, to);
  if (request.store) where.push(`f.store = ${params.add(request.store)}`);
  if (request.marketplace) where.push(`f.marketplace = ${params.add(request.marketplace)}`);
  where.push(...scopeFilters(request.scope, 'f', params));
  if (ownerScope !== null) where.push(ownsNothing ? 'FALSE' : `ow.owner = ${params.add(ownerScope)}`);
  if (request.asin && hasAsin) where.push(`${col(fact, 'asin')} = ${params.add(request.asin)}`);
  if (request.sku) {
    where.push(hasSku
      ? `${col(fact, 'sku')} = ${params.add(request.sku)}`
      : `${col(fact, 'asin')} IN (SELECT asin FROM sku_map WHERE sku = ${params.add(request.sku)})`);
  }
  // day rows always lie inside one bucket: only range rows are checked against the grain
  const fitsExpr = allOf(fitConditions(rule(fact.nativeGrain === 'range' ? timeGrains(dims) : []), from, to, d));

  const dimExpr = (dim: DimensionId): string => {
    switch (dim) {
      case 'date': return from;
      case 'week': return d.weekStart(from);
      case 'month': return d.monthStart(from);
      case 'store': return 'f.store';
      case 'marketplace': return 'f.marketplace';
      case 'product': return lookup('product_code');
      case 'owner': return 'ow.owner';
      // a source without a channel column holds Amazon's reports only
      case 'channel': return fact.columns.channel ? col(fact, 'channel') : "'amazon'";
      case 'parent_asin':
        return fact.columns.parent_asin ? `coalesce(${col(fact, 'parent_asin')}, ${needsLookup ? lookup('parent_asin') : 'NULL'})` : lookup('parent_asin');
      default: return col(fact, dim as FactColumn);
    }
  };
  const dimExprs = dims.map(dimExpr);
  const dimSelect = dims.map((dim, i) => `${dimExprs[i]} AS ${columnName({ kind: 'dimension', dim })}`);
  const partition = [...dimExprs];
  const currencyExpr = fact.currency ? `coalesce(f.${fact.currency}, mk.currency)` : 'mk.currency';
  if (input.splitCurrency) { dimSelect.push(`${currencyExpr} AS ${columnName({ kind: 'currency' })}`); partition.push(currencyExpr); }

  let rate = '';
  let stale = '';
  if (request.currency) {
    const target = params.add(request.currency);
    joins.push(d.asofLeftJoin('fx_pairs', 'fx', [`fx.base = ${currencyExpr}`, `fx.quote = ${target}`], from, 'fx.date'));
    rate = `CASE WHEN ${currencyExpr} = ${target} THEN 1 ELSE fx.rate END`;
    // a rate more than 31 days older than the day it converts is counted (fx_stale), and still used
    stale = `(${currencyExpr} <> ${target} AND ${d.addDays('fx.date', fxStaleDays)} < ${from})`;
  }

  // inner: one row per source row, its values and whether it fits; outer: summed per group
  const inner = [...dimSelect, `(${fitsExpr}) AS x_fits`, `${to} AS x_date`];
  const groupBy = [...dims.map((dim) => columnName({ kind: 'dimension', dim })), ...(input.splitCurrency ? [columnName({ kind: 'currency' })] : [])];
  const outer = [...groupBy];
  const select = (c: PlanColumn, sql: string) => outer.push(`${sql} AS ${columnName(c)}`);
  const over = partition.length ? `PARTITION BY ${partition.join(', ')}` : '';
  for (const id of input.source.measures) {
    const m = measureById[id];
    const only = m.where && renderExpr(m.where, d);
    const value = renderExpr(m.where ? when([[m.where, m.expr]]) : m.expr, d);
    inner.push(`${m.money && rate ? `(${value}) * (${rate})` : value} AS v_${id}`);
    if (m.weight) inner.push(`${renderExpr(m.weight, d)} AS w_${id}`);
    if (m.aggregation === 'snapshot') {
      // the last value in the period: the rows of the latest day that fits
      inner.push(`MAX(CASE WHEN (${fitsExpr})${only ? ` AND ${only}` : ''} THEN ${to} END) OVER (${over}) AS l_${id}`);
      select({ kind: 'measure', measure: id, part: 'value' }, `SUM(CASE WHEN x_fits AND x_date = l_${id} THEN v_${id} END)`);
    }
    for (const p of partials(id, `v_${id}`, m.weight ? `w_${id}` : undefined, 'x_fits')) select(p.column, finished(id, p));
    if (m.money && rate) {
      inner.push(`${value} AS x_raw_${id}`);
      select({ kind: 'fx_missing', measure: id }, `SUM(CASE WHEN x_fits AND v_${id} IS NULL AND x_raw_${id} IS NOT NULL THEN 1 ELSE 0 END)`);
    }
  }
  if (stale && input.source.measures.some((id) => measureById[id].money)) {
    inner.push(`${stale} AS x_fx_stale`);
    select({ kind: 'fx_stale', fact: fact.id }, 'SUM(CASE WHEN x_fits AND x_fx_stale THEN 1 ELSE 0 END)');
  }
  select({ kind: 'unfit_rows', fact: fact.id }, 'SUM(CASE WHEN x_fits THEN 0 ELSE 1 END)');
  select({ kind: 'fitting_rows', source: fact.id }, 'SUM(CASE WHEN x_fits THEN 1 ELSE 0 END)');
  for (const [index, label] of (input.source.labelSources ? fact.sources?.labels ?? [] : []).entries()) {
    inner.push(`CASE WHEN f.${fact.sources?.column} = ${params.add(label)} THEN 1 ELSE 0 END AS x_src_${index}`);
    select({ kind: 'source_rows', fact: fact.id, index }, `SUM(CASE WHEN x_fits THEN x_src_${index} ELSE 0 END)`);
  }

  const source = fact.source(context);
  return `SELECT ${outer.join(', ')}
FROM (
  SELECT ${inner.join(',\n    ')}
  FROM ${source} f
  ${joins.join('\n  ')}
  ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
) r
${groupBy.length ? `GROUP BY ${groupBy.join(', ')}` : ''}`;
}
