import type { Dialect } from '../store/dialect.ts';
import { fxStaleDays } from '../store/fx-rates.ts';
import { dimensionNames, type DimensionId } from './dimensions.ts';
import type { Fact, FactColumn } from './facts.ts';
import { measureById, type MeasureId } from './measures.ts';
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
  fact: Fact;
  measures: MeasureId[];
  request: ValidRequest;
  dims: DimensionId[];
  /** group money by currency (no --currency given and a money metric asked) */
  splitCurrency: boolean;
  dialect: Dialect;
  params: Params;
  needsProductKeys: boolean;
  /** count rows per source label (s_*), for metrics whose sources are named; default true */
  labelSources?: boolean;
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
    case 'date': case 'week': case 'month': case 'store': case 'marketplace':
      return true;
    case 'product': case 'owner': case 'parent_asin':
      return Boolean(fact.columns.sku || fact.columns.asin);
    default:
      return Boolean(fact.columns[dim as FactColumn]);
  }
}

/** fee-table estimates as a subquery of bound values (never pasted into SQL) */
function tableFeeValues(fees: readonly TableFeeEstimate[], params: Params): string {
  const money = (v: string | null) => (v === null ? 'NULL::DECIMAL(18,4)' : `CAST(${params.add(v)} AS DECIMAL(18,4))`);
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

/** SQL of one source aggregated to the answer's grain: dimension columns d_*, measure columns m_*. */
export function factQuery(input: FactQueryInput): { sql: string; columns: string[] } {
  const { fact, dialect: d, params, request, dims } = input;
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
  const where: string[] = [];
  const fits: string[] = [];
  // the period: rows overlapping it are read; only rows inside it count, the rest are reported
  let periodFrom = request.from && !fact.trailingDays ? params.add(request.from, 'date') : undefined;
  let periodTo = request.to ? params.add(request.to, 'date') : undefined;
  const rangeFits = (alias: string): string => {
    const f = `${alias}.date_from`;
    const t = `${alias}.date_to`;
    const parts = [periodFrom ? `${f} >= ${periodFrom}` : '', periodTo ? `${t} <= ${periodTo}` : ''];
    if (dims.includes('date')) parts.push(`${f} = ${t}`);
    if (dims.includes('week')) parts.push(`${d.weekStart(f)} = ${d.weekStart(t)}`);
    if (dims.includes('month')) parts.push(`${d.monthStart(f)} = ${d.monthStart(t)}`);
    return parts.filter(Boolean).join(' AND ') || 'TRUE';
  };
  const overlaps = (alias: string, fromCol = 'date_from', toCol = 'date_to'): string =>
    [periodFrom ? `${alias}.${toCol} >= ${periodFrom}` : '', periodTo ? `${alias}.${fromCol} <= ${periodTo}` : ''].filter(Boolean).join(' AND ') || 'TRUE';
  let tableFeeSql: string | undefined;
  const tableFees = request.tableFees;
  const context = {
    dialect: d, dims: new Set(dims), needsProductKeys: input.needsProductKeys, rangeFits, overlaps, basis: request.basis,
    bounds: { from: periodFrom, to: periodTo },
    ...(tableFees ? { tableFeeEstimates: () => (tableFeeSql ??= tableFeeValues(tableFees, params)) } : {}),
  };
  if (fact.trailingDays) {
    periodTo ??= `(SELECT max(${fact.dateTo}) FROM ${fact.source({ ...context, rangeFits: () => 'TRUE', overlaps: () => 'TRUE' })} t)`;
    periodFrom = d.addDays(periodTo, -(fact.trailingDays - 1));
  }
  if (periodFrom) { where.push(`${to} >= ${periodFrom}`); fits.push(`${from} >= ${periodFrom}`); }
  if (periodTo) { where.push(`${from} <= ${periodTo}`); fits.push(`${to} <= ${periodTo}`); }
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

  const dimExpr = (dim: DimensionId): string => {
    switch (dim) {
      case 'date':
        if (fact.nativeGrain === 'range') fits.push(`${from} = ${to}`);
        return from;
      case 'week':
        if (fact.nativeGrain === 'range') fits.push(`${d.weekStart(from)} = ${d.weekStart(to)}`);
        return d.weekStart(from);
      case 'month':
        if (fact.nativeGrain === 'range') fits.push(`${d.monthStart(from)} = ${d.monthStart(to)}`);
        return d.monthStart(from);
      case 'store': return 'f.store';
      case 'marketplace': return 'f.marketplace';
      case 'product': return lookup('product_code');
      case 'owner': return 'ow.owner';
      case 'parent_asin':
        return fact.columns.parent_asin ? `coalesce(${col(fact, 'parent_asin')}, ${needsLookup ? lookup('parent_asin') : 'NULL'})` : lookup('parent_asin');
      default: return col(fact, dim as FactColumn);
    }
  };
  const dimExprs = dims.map(dimExpr);
  const dimSelect = dims.map((dim, i) => `${dimExprs[i]} AS d_${dim}`);
  const partition = [...dimExprs];
  const currencyExpr = fact.currency ? `coalesce(f.${fact.currency}, mk.currency)` : 'mk.currency';
  if (input.splitCurrency) { dimSelect.push(`${currencyExpr} AS d_currency`); partition.push(currencyExpr); }
  const fitsExpr = fits.length ? fits.join(' AND ') : 'TRUE';

  let rate = '';
  let stale = '';
  if (request.currency) {
    const target = params.add(request.currency);
    joins.push(d.asofLeftJoin('fx_pairs', 'fx', [`fx.base = ${currencyExpr}`, `fx.quote = ${target}`], from, 'fx.date'));
    rate = `CASE WHEN ${currencyExpr} = ${target} THEN 1 ELSE fx.rate END`;
    // a rate more than 31 days older than the day it converts is counted (fx_stale), and still used
    stale = `(${currencyExpr} <> ${target} AND ${d.addDays('fx.date', fxStaleDays)} < ${from})`;
  }

  const inner = [...dimSelect, `(${fitsExpr}) AS x_fits`, `${to} AS x_date`];
  const outer = [...dims.map((dim) => `d_${dim}`), ...(input.splitCurrency ? ['d_currency'] : [])];
  const columns: string[] = [];
  const over = partition.length ? `PARTITION BY ${partition.join(', ')}` : '';
  for (const id of input.measures) {
    const m = measureById[id];
    const value = m.where ? `CASE WHEN ${m.where} THEN ${m.expr} END` : m.expr;
    inner.push(`${m.money && rate ? `(${value}) * (${rate})` : value} AS v_${id}`);
    const fitting = (v: string) => `CASE WHEN x_fits THEN ${v} END`;
    // a count over no values is unknown (null), not 0
    const anyValue = `COUNT(${fitting(`v_${id}`)}) > 0`;
    switch (m.aggregation) {
      case 'sum':
        outer.push(`SUM(${fitting(`v_${id}`)}) AS m_${id}`); columns.push(`m_${id}`); break;
      case 'count':
        outer.push(`CASE WHEN ${anyValue} THEN COUNT(${fitting(`v_${id}`)}) END AS m_${id}`); columns.push(`m_${id}`); break;
      case 'count_distinct':
        outer.push(`CASE WHEN ${anyValue} THEN COUNT(DISTINCT ${fitting(`v_${id}`)}) END AS m_${id}`); columns.push(`m_${id}`); break;
      case 'weighted':
        inner.push(`${m.weight} AS w_${id}`);
        outer.push(`SUM(CASE WHEN x_fits AND v_${id} IS NOT NULL THEN v_${id} * w_${id} END) AS m_${id}_num`);
        outer.push(`SUM(CASE WHEN x_fits AND v_${id} IS NOT NULL THEN w_${id} END) AS m_${id}_den`);
        columns.push(`m_${id}_num`, `m_${id}_den`); break;
      case 'snapshot':
        inner.push(`MAX(CASE WHEN (${fitsExpr})${m.where ? ` AND ${m.where}` : ''} THEN ${to} END) OVER (${over}) AS l_${id}`);
        outer.push(`SUM(CASE WHEN x_fits AND x_date = l_${id} THEN v_${id} END) AS m_${id}`); columns.push(`m_${id}`); break;
      case 'native':
        outer.push(`SUM(${fitting(`v_${id}`)}) AS m_${id}`);
        outer.push(`SUM(CASE WHEN x_fits AND v_${id} IS NOT NULL THEN 1 ELSE 0 END) AS n_${id}`);
        columns.push(`m_${id}`, `n_${id}`); break;
    }
    if (m.money && rate) {
      outer.push(`SUM(CASE WHEN x_fits AND v_${id} IS NULL AND x_raw_${id} IS NOT NULL THEN 1 ELSE 0 END) AS q_fx_${id}`);
      inner.push(`${value} AS x_raw_${id}`);
      columns.push(`q_fx_${id}`);
    }
  }
  if (stale && input.measures.some((id) => measureById[id].money)) {
    inner.push(`${stale} AS x_fx_stale`);
    outer.push(`SUM(CASE WHEN x_fits AND x_fx_stale THEN 1 ELSE 0 END) AS q_fxstale_${fact.id}`);
    columns.push(`q_fxstale_${fact.id}`);
  }
  outer.push(`SUM(CASE WHEN x_fits THEN 0 ELSE 1 END) AS q_unfit_${fact.id}`, `SUM(CASE WHEN x_fits THEN 1 ELSE 0 END) AS k_${fact.id}`);
  columns.push(`q_unfit_${fact.id}`, `k_${fact.id}`);
  for (const [i, label] of (input.labelSources === false ? [] : fact.sources?.labels ?? []).entries()) {
    inner.push(`CASE WHEN f.${fact.sources?.column} = ${params.add(label)} THEN 1 ELSE 0 END AS x_src_${i}`);
    outer.push(`SUM(CASE WHEN x_fits THEN x_src_${i} ELSE 0 END) AS s_${fact.id}_${i}`);
    columns.push(`s_${fact.id}_${i}`);
  }

  const source = fact.source(context);
  const groupBy = outer.filter((c) => c.startsWith('d_'));
  const sql = `SELECT ${outer.join(', ')}
FROM (
  SELECT ${inner.join(',\n    ')}
  FROM ${source} f
  ${joins.join('\n  ')}
  ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
) r
${groupBy.length ? `GROUP BY ${groupBy.join(', ')}` : ''}`;
  return { sql, columns };
}
