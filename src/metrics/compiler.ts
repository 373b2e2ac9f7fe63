import type { Problem } from '../domain/errors.ts';
import type { Dialect } from '../store/dialect.ts';
import type { Format, Unit } from './catalog.ts';
import { dimensionNames, type DimensionId } from './dimensions.ts';
import { factQuery, Params } from './fact-query.ts';
import type { FactId } from './facts.ts';
import type { MeasureId } from './measures.ts';
import { columnName, isProblemCount, measureColumn, type PlanColumn } from './plan/columns.ts';
import { planQuery, type MetricExpr, type QueryPlan } from './plan/plan.ts';
import { metric } from './plan.ts';
import { rollupQuery, type RollupAnswer, type RollupCoverage } from './rollup.ts';
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
  /** per money measure converted, the hidden column counting its rows without a rate */
  fxColumns: { measure: MeasureId; column: string }[];
  /** rows converted with a rate more than 31 days older than their day */
  fxStaleColumns: string[];
  /** with `problemsPer`: each problem count is its scope's (the rows of its values of those dimensions), and the
   * whole answer's is in the column named with `_all` after it; false when the rollup counts them only for the whole */
  problemsPerScope: boolean;
}

/**
 * metrics × dimensions × filters × period → one SQL statement: the question is planned (plan/plan.ts:
 * which sources, which typed columns each hands up, each metric as an expression over them), then
 * rendered here. Each source is aggregated to the answer's grain on its own, the results are stacked
 * (each measure comes from one source only) and summed, and ratios and formulas are computed last.
 */
export function compileQuery(request: ValidRequest, dialect: Dialect, rollup: RollupCoverage = new Set()): CompiledQuery {
  return renderPlan(planQuery(request, rollup), dialect);
}

/** The DuckDB statement of a plan (the dialect spells what engines spell differently). */
export function renderPlan(plan: QueryPlan, dialect: Dialect): CompiledQuery {
  const { request, dims, currency } = plan;
  const params = new Params(dialect);
  const splitCurrency = currency === 'split';
  let rolled: RollupAnswer | null = null;
  const parts = plan.sources.map((source) => {
    if (source.kind === 'fact') {
      return { sql: factQuery({ source, request, dims, splitCurrency, dialect, params, needsProductKeys: plan.needsProductKeys }), columns: source.columns };
    }
    rolled = rollupQuery({ source, request, dims, splitCurrency, dialect, params });
    return { sql: rolled.sql, columns: source.columns };
  });
  const unfitRow = (rolled as RollupAnswer | null)?.unfit ?? null;

  const name = columnName;
  const dimCols = [...dims.map((dim) => name({ kind: 'dimension', dim })), ...(splitCurrency ? [name({ kind: 'currency' })] : [])];
  const allColumns = parts.flatMap((p) => p.columns);
  const expr = (e: MetricExpr) => renderMetric(e, dialect);
  const dimText = (dim: DimensionId) => {
    const column = name({ kind: 'dimension', dim });
    return dim === 'month' ? dialect.monthText(column) : dim === 'date' || dim === 'week' ? dialect.dateText(column) : column;
  };
  const finalSelect = [...dims.map((d) => (parts.length ? `${dimText(d)} AS "${d}"` : `NULL AS "${d}"`))];
  let currencyColumn: string | undefined;
  // no source can answer: the empty select has no currency column to show (money by ad type, say)
  if (currency === 'split') currencyColumn = parts.length ? name({ kind: 'currency' }) : 'NULL';
  if (currency === 'converted') currencyColumn = params.add(request.currency ?? '');
  if (currencyColumn) finalSelect.push(`${currencyColumn} AS "currency"`);
  for (const { id, expr: e } of plan.metrics) {
    finalSelect.push(`${shown(id, expr(e), dialect, currencyColumn)} AS "${id}"`);
    for (const p of plan.missingParts.filter((p) => p.metric === id)) finalSelect.push(`(${expr(p.expr)} IS NULL) AS ${name(p.column)}`);
  }
  // grain problems are counted over the whole answer (or per scope, asked so), before groups made only of left-out rows are dropped
  const per = request.problemsPer?.length ? `PARTITION BY ${request.problemsPer.map((dim) => name({ kind: 'dimension', dim })).join(', ')}` : '';
  finalSelect.push(...allColumns.filter(isProblemCount).map((c) => `${dialect.castDouble(`SUM(${name(c)}) OVER (${per})`)} AS ${name(c)}`));
  if (per) finalSelect.push(...allColumns.filter(isProblemCount).map((c) => `${dialect.castDouble(`SUM(${name(c)}) OVER ()`)} AS ${name(c)}_all`));
  // the rollup counts its left-out rows once for the whole answer, in a row of its own (or one per scope, asked so)
  const unfitPer = Boolean(unfitRow?.by.length);
  finalSelect.push(...(unfitRow?.columns ?? []).map((c) => `${dialect.castDouble(unfitPer ? `coalesce(unfit.${name(c)}, 0)` : `unfit.${name(c)}`)} AS ${name(c)}`));
  if (unfitPer) finalSelect.push(...(unfitRow?.columns ?? []).map((c) => `${dialect.castDouble(`unfit_all.${name(c)}`)} AS ${name(c)}_all`));
  finalSelect.push(...allColumns.filter((c) => c.kind === 'source_rows').map((c) => `${dialect.castDouble(name(c))} AS ${name(c)}`));
  const fitting = allColumns.filter((c) => c.kind === 'fitting_rows').map(name);
  finalSelect.push(`${dialect.castDouble(fitting.length ? fitting.map((c) => `coalesce(${c}, 0)`).join(' + ') : '0')} AS k_rows`);

  let sql: string;
  if (parts.length === 0) {
    // nothing can answer: one row of nulls for totals, no rows when grouped
    sql = `SELECT ${finalSelect.join(', ')} FROM (SELECT 1 AS one) empty${dims.length ? ' WHERE FALSE' : ''}`;
  } else {
    const names = allColumns.map(name);
    const stacked = parts.map((p) => {
      const own = new Set(p.columns.map(name));
      const cols = [...dimCols, ...names.map((c) => (own.has(c) ? c : `NULL AS ${c}`))];
      return `SELECT ${cols.join(', ')} FROM (${p.sql}) p`;
    });
    const summed = [...dimCols, ...names.map((c) => `SUM(${c}) AS ${c}`)];
    // one source (or the rollup alone) is already one row per group: nothing to stack and sum again
    const source = parts.length === 1 ? `(${parts[0]?.sql})` : `(
  SELECT ${summed.join(', ')}
  FROM (
${stacked.join('\n    UNION ALL\n')}
  ) stacked
  ${dimCols.length ? `GROUP BY ${dimCols.join(', ')}` : ''}
)`;
    sql = `SELECT ${finalSelect.join(',\n  ')}
FROM ${source} summed${unfitRow ? `\n${unfitJoin(unfitRow)}` : ''}
`;
    // totals are always one row; grouped answers keep only groups some counted row fell into
    const order = [...dims, ...(splitCurrency ? ['currency'] : [])].map((c) => `"${c}" NULLS LAST`);
    if (dimCols.length) sql = `SELECT * FROM (${sql}) answer WHERE k_rows > 0 ORDER BY ${order.join(', ')}`;
  }

  const unfitAnswered = [...allColumns, ...(unfitRow?.columns ?? [])];
  return {
    sql,
    params: params.values,
    columns: describeColumns(request, currency),
    problems: plan.problems,
    currency,
    missingParts: plan.missingParts.map((p) => ({ metric: p.metric, part: p.part, column: name(p.column) })),
    sourceColumns: plan.sourceColumns.map((s) => ({ metric: s.metric, label: s.label, column: name(s.column) })),
    unfitColumns: plan.factsAsked.filter((f) => unfitAnswered.some((c) => c.kind === 'unfit_rows' && c.fact === f)).map((fact) => ({ fact, column: name({ kind: 'unfit_rows', fact }) })),
    fxColumns: allColumns.flatMap((c) => (c.kind === 'fx_missing' ? [{ measure: c.measure, column: name(c) }] : [])),
    fxStaleColumns: allColumns.filter((c) => c.kind === 'fx_stale').map(name),
    problemsPerScope: Boolean(request.problemsPer?.length),
  };
}

/** The rollup's count of left-out rows beside each group: one row for the whole answer, or per scope (its
 * dimensions matched; a scope without a group of its own keeps its count in the total, `unfit_all`). */
function unfitJoin(unfit: { sql: string; columns: PlanColumn[]; by: string[] }): string {
  if (!unfit.by.length) return `CROSS JOIN (${unfit.sql}) unfit`;
  const sums = unfit.columns.map((c) => `SUM(${columnName(c)}) AS ${columnName(c)}`).join(', ');
  // (its dimension columns renamed: the answer's own keep their plain names)
  const own = [...unfit.by.map((d) => `${d} AS u_${d}`), ...unfit.columns.map(columnName)].join(', ');
  return `LEFT JOIN (SELECT ${own} FROM (${unfit.sql}) u) unfit ON ${unfit.by.map((d) => `unfit.u_${d} IS NOT DISTINCT FROM summed.${d}`).join(' AND ')}
CROSS JOIN (SELECT ${sums} FROM (${unfit.sql}) u) unfit_all`;
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

/** SQL of a metric's expression over the summed columns; ratios are ratios of sums, zero-safe. */
function renderMetric(e: MetricExpr, dialect: Dialect): string {
  const render = (x: MetricExpr): string => {
    switch (x.kind) {
      case 'null': return 'NULL';
      case 'column': return columnName(x.column);
      case 'weighted':
        return `${dialect.castDouble(columnName(measureColumn(x.measure, 'numerator')))} / NULLIF(${dialect.castDouble(columnName(measureColumn(x.measure, 'denominator')))}, 0)`;
      case 'native':
        return `CASE WHEN ${columnName(measureColumn(x.measure, 'native_rows'))} = 1 THEN ${columnName(measureColumn(x.measure))} END`;
      case 'ratio': {
        const ratio = `${dialect.castDouble(render(x.numerator))} / NULLIF(${dialect.castDouble(render(x.denominator))}, 0)`;
        return x.scale ? `(${ratio}) * ${x.scale}` : ratio;
      }
      case 'formula': {
        const signed = x.terms.map((t, i) => {
          const term = x.missingAsZero ? `coalesce(${render(t.expr)}, 0)` : `(${render(t.expr)})`;
          return i === 0 ? (t.sign < 0 ? `-${term}` : term) : `${t.sign < 0 ? '-' : '+'} ${term}`;
        }).join(' ');
        if (!x.missingAsZero) return `(${signed})`;
        return `CASE WHEN ${x.nullWhen.map((n) => `${render(n)} IS NULL`).join(' AND ')} THEN NULL ELSE ${signed} END`;
      }
    }
  };
  return render(e);
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
