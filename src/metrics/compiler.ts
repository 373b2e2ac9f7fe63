import type { Problem } from '../domain/errors.ts';
import type { Dialect } from '../store/dialect.ts';
import type { Aggregation, Format, Unit } from './catalog.ts';
import { dimensionNames, type DimensionId } from './dimensions.ts';
import { factQuery, Params, unsupportedReason } from './fact-query.ts';
import { facts, type FactId } from './facts.ts';
import { measureById, type MeasureId } from './measures.ts';
import { measuresOf, metric, usesMoney } from './plan.ts';
import { rollupQuery, rollupServes, weekLevelServes, type RollupCoverage } from './rollup.ts';
import type { ValidRequest } from './request.ts';
import { inMinorUnitSql } from './minor-unit-sql.ts';

export interface ColumnDescription {
  id: string;
  role: 'dimension' | 'currency' | 'metric';
  unit?: Unit;
  format?: Format;
  name_en: string;
  name_zh: string;
}

export interface CompiledQuery {
  sql: string;
  params: (string | number)[];
  columns: ColumnDescription[];
  problems: Problem[];
  /** money is grouped by currency: each row carries its `currency` */
  currency: 'split' | 'converted' | 'none';
  /** per formula metric with missingAsZero, the hidden columns telling which parts had no data */
  missingParts: { metric: string; part: string; column: string }[];
  /** per fact with several sources, the hidden columns counting rows per source */
  sourceColumns: { metric: string; label: string; column: string }[];
  unfitColumns: { fact: FactId; column: string }[];
  fxColumns: string[];
  /** rows converted with a rate more than 31 days older than their day */
  fxStaleColumns: string[];
}

const productKeyDims: readonly DimensionId[] = ['asin', 'sku', 'parent_asin', 'product', 'owner'];

/**
 * metrics × dimensions × filters × period → one SQL statement. Each source is aggregated to the
 * answer's grain on its own, the results are stacked (each measure comes from one source only) and
 * summed, and ratios and formulas are computed last from those sums.
 */
export function compileQuery(request: ValidRequest, dialect: Dialect, rollup: RollupCoverage = new Set()): CompiledQuery {
  const problems: Problem[] = [];
  const dims = request.by;
  const params = new Params(dialect);
  const currency = request.currency ? 'converted' : usesMoney(request.metrics) ? 'split' : 'none';
  const needsProductKeys = dims.some((d) => productKeyDims.includes(d)) || Boolean(request.asin || request.sku);

  const byFact = new Map<FactId, MeasureId[]>();
  for (const id of measuresOf(request.metrics)) {
    const fact = measureById[id].fact;
    byFact.set(fact, [...(byFact.get(fact) ?? []), id]);
  }
  // facts whose rows are counted per source label (s_*): those behind the metrics whose sources are named
  const labelled = new Set(measuresOf(request.sourcesOf ?? request.metrics).map((m) => measureById[m].fact));
  const unavailable = new Set<MeasureId>();
  const parts: { sql: string; columns: string[] }[] = [];
  const fromRollup = new Map<FactId, MeasureId[]>();
  for (const [factId, ids] of byFact) {
    const fact = facts[factId];
    const reason = unsupportedReason(fact, dims, request);
    if (reason) {
      ids.forEach((id) => unavailable.add(id));
      problems.push({ code: 'not_answerable', severity: 'warning', message: `${ids.join(', ')}: null, because ${reason.en}`, message_zh: `${ids.join('、')}：为空，因为${reason.zh}` });
      continue;
    }
    if (rollupServes(factId, ids, request, needsProductKeys, rollup)) {
      fromRollup.set(factId, ids);
      continue;
    }
    parts.push(factQuery({ fact, measures: ids, request, dims, splitCurrency: currency === 'split', dialect, params, needsProductKeys, labelSources: labelled.has(factId) }));
  }
  // the rollup pays where it replaces several scans, or where its week level serves the period; else one
  // source alone is read narrower from its own table
  if (fromRollup.size === 1 && !weekLevelServes(request, dims)) {
    for (const [factId, ids] of fromRollup) parts.push(factQuery({ fact: facts[factId], measures: ids, request, dims, splitCurrency: currency === 'split', dialect, params, needsProductKeys, labelSources: labelled.has(factId) }));
    fromRollup.clear();
  }

  const rolled = fromRollup.size ? rollupQuery({ byFact: fromRollup, request, dims, splitCurrency: currency === 'split', dialect, params, labelled, ranged: rollup.ranged }) : null;
  if (rolled) parts.push(rolled);

  const dimCols = [...dims.map((d) => `d_${d}`), ...(currency === 'split' ? ['d_currency'] : [])];
  const allColumns = parts.flatMap((p) => p.columns);
  const expr = metricExpression(unavailable, dialect);
  const missingParts: CompiledQuery['missingParts'] = [];
  const dimText = (d: DimensionId) => (d === 'month' ? dialect.monthText(`d_${d}`) : d === 'date' || d === 'week' ? dialect.dateText(`d_${d}`) : `d_${d}`);
  const finalSelect = [...dims.map((d) => (parts.length ? `${dimText(d)} AS "${d}"` : `NULL AS "${d}"`))];
  let currencyColumn: string | undefined;
  // no source can answer: the empty select has no d_currency to show (money by ad type, say)
  if (currency === 'split') currencyColumn = parts.length ? 'd_currency' : 'NULL';
  if (currency === 'converted') currencyColumn = params.add(request.currency ?? '');
  if (currencyColumn) finalSelect.push(`${currencyColumn} AS "currency"`);
  for (const id of request.metrics) {
    finalSelect.push(`${shown(id, expr(id), dialect, currencyColumn)} AS "${id}"`);
    const a = metric(id).aggregation;
    if (a.kind === 'formula' && a.missingAsZero && a.requires) {
      for (const t of a.terms) {
        const column = `z_${id}__${t.metric}`;
        finalSelect.push(`(${expr(t.metric)} IS NULL) AS ${column}`);
        missingParts.push({ metric: id, part: t.metric, column });
      }
    }
  }
  // grain problems are counted over the whole answer, before groups made only of left-out rows are dropped
  finalSelect.push(...allColumns.filter((c) => c.startsWith('q_')).map((c) => `${dialect.castDouble(`SUM(${c}) OVER ()`)} AS ${c}`));
  // the rollup counts its left-out rows once for the whole answer, in a row of its own
  finalSelect.push(...(rolled?.unfit?.columns ?? []).map((c) => `${dialect.castDouble(`unfit.${c}`)} AS ${c}`));
  finalSelect.push(...allColumns.filter((c) => c.startsWith('s_')).map((c) => `${dialect.castDouble(c)} AS ${c}`));
  const fitting = allColumns.filter((c) => c.startsWith('k_'));
  finalSelect.push(`${dialect.castDouble(fitting.length ? fitting.map((c) => `coalesce(${c}, 0)`).join(' + ') : '0')} AS k_rows`);

  let sql: string;
  if (parts.length === 0) {
    // nothing can answer: one row of nulls for totals, no rows when grouped
    sql = `SELECT ${finalSelect.join(', ')} FROM (SELECT 1 AS one) empty${dims.length ? ' WHERE FALSE' : ''}`;
  } else {
    const stacked = parts.map((p) => {
      const cols = [...dimCols, ...allColumns.map((c) => (p.columns.includes(c) ? c : `NULL AS ${c}`))];
      return `SELECT ${cols.join(', ')} FROM (${p.sql}) p`;
    });
    const summed = [...dimCols, ...allColumns.map((c) => `SUM(${c}) AS ${c}`)];
    // one source (or the rollup alone) is already one row per group: nothing to stack and sum again
    const source = parts.length === 1 ? `(${parts[0]?.sql})` : `(
  SELECT ${summed.join(', ')}
  FROM (
${stacked.join('\n    UNION ALL\n')}
  ) stacked
  ${dimCols.length ? `GROUP BY ${dimCols.join(', ')}` : ''}
)`;
    sql = `SELECT ${finalSelect.join(',\n  ')}
FROM ${source} summed${rolled?.unfit ? `\nCROSS JOIN (${rolled.unfit.sql}) unfit` : ''}
`;
    // totals are always one row; grouped answers keep only groups some counted row fell into
    const order = [...dims, ...(currency === 'split' ? ['currency'] : [])].map((c) => `"${c}" NULLS LAST`);
    if (dimCols.length) sql = `SELECT * FROM (${sql}) answer WHERE k_rows > 0 ORDER BY ${order.join(', ')}`;
  }

  const sourceColumns: CompiledQuery['sourceColumns'] = [];
  for (const id of request.sourcesOf ?? request.metrics) {
    for (const m of measuresOf([id])) {
      const fact = facts[measureById[m].fact];
      if (unavailable.has(m) || !fact.sources) continue;
      fact.sources.labels.forEach((label, i) => {
        const column = `s_${fact.id}_${i}`;
        if (!sourceColumns.some((s) => s.metric === id && s.label === label)) sourceColumns.push({ metric: id, label, column });
      });
    }
  }
  return {
    sql,
    params: params.values,
    columns: describeColumns(request, currency),
    problems,
    currency,
    missingParts,
    sourceColumns,
    unfitColumns: [...byFact.keys()].filter((f) => [...allColumns, ...(rolled?.unfit?.columns ?? [])].includes(`q_unfit_${f}`)).map((fact) => ({ fact, column: `q_unfit_${fact}` })),
    fxColumns: allColumns.filter((c) => c.startsWith('q_fx_')),
    fxStaleColumns: allColumns.filter((c) => c.startsWith('q_fxstale_')),
  };
}

/** A metric as the answer shows it: counts whole, money exact to its currency's minor unit (rounded in
 * DECIMAL before it becomes a number), ratios as fractions to 6 places. */
function shown(id: string, sql: string, dialect: Dialect, currencyColumn: string | undefined): string {
  const m = metric(id);
  switch (m.unit) {
    case 'count':
      return m.format === 'int' ? dialect.wholeCount(sql) : dialect.roundToDouble(sql, 2);
    case 'money':
      if (!currencyColumn || m.format !== 'money') return dialect.roundToDouble(sql, 4);
      return inMinorUnitSql(sql, currencyColumn, (e, digits) => dialect.roundToDouble(e, digits));
    case 'days':
      return dialect.roundToDouble(dialect.castDouble(sql), 2);
    default:
      return dialect.roundToDouble(dialect.castDouble(sql), 6);
  }
}

/** SQL for a metric over the summed measure columns m_*; ratios are ratios of sums, zero-safe. */
function metricExpression(unavailable: ReadonlySet<MeasureId>, dialect: Dialect) {
  const expr = (id: string): string => {
    const a: Aggregation = metric(id).aggregation;
    switch (a.kind) {
      case 'sum': case 'snapshot':
        return unavailable.has(a.measure) ? 'NULL' : `m_${a.measure}`;
      case 'weighted':
        return unavailable.has(a.measure) ? 'NULL' : `${dialect.castDouble(`m_${a.measure}_num`)} / NULLIF(${dialect.castDouble(`m_${a.measure}_den`)}, 0)`;
      case 'native':
        return unavailable.has(a.measure) ? 'NULL' : `CASE WHEN n_${a.measure} = 1 THEN m_${a.measure} END`;
      case 'ratio': {
        const ratio = `${dialect.castDouble(expr(a.numerator))} / NULLIF(${dialect.castDouble(expr(a.denominator))}, 0)`;
        return a.scale ? `(${ratio}) * ${a.scale}` : ratio;
      }
      case 'formula': {
        const signed = a.terms.map((t, i) => {
          const term = a.missingAsZero ? `coalesce(${expr(t.metric)}, 0)` : `(${expr(t.metric)})`;
          return i === 0 ? (t.sign < 0 ? `-${term}` : term) : `${t.sign < 0 ? '-' : '+'} ${term}`;
        }).join(' ');
        if (!a.missingAsZero) return `(${signed})`;
        const guard = a.requires ? `${expr(a.requires)} IS NULL` : a.terms.map((t) => `${expr(t.metric)} IS NULL`).join(' AND ');
        return `CASE WHEN ${guard} THEN NULL ELSE ${signed} END`;
      }
    }
  };
  return expr;
}

function describeColumns(request: ValidRequest, currency: CompiledQuery['currency']): ColumnDescription[] {
  const cols: ColumnDescription[] = request.by.map((d) => ({ id: d, role: 'dimension', name_en: dimensionNames[d].en, name_zh: dimensionNames[d].zh }));
  if (currency !== 'none') cols.push({ id: 'currency', role: 'currency', name_en: 'Currency', name_zh: '币种' });
  for (const id of request.metrics) {
    const m = metric(id);
    cols.push({ id, role: 'metric', unit: m.unit, format: m.format, name_en: m.en, name_zh: m.zh });
  }
  return cols;
}
