import { addDays, weekStartOf } from '../domain/calendar.ts';
import type { Dialect } from '../store/dialect.ts';
import { catalog } from './catalog.ts';
import { measuresOf } from './plan.ts';
import type { DimensionId } from './dimensions.ts';
import { scopeFilters, type Params } from './fact-query.ts';
import { facts, type Fact, type FactContext, type FactId } from './facts.ts';
import { measureById, measures, type MeasureId } from './measures.ts';
import { additive, combined, partials } from './plan/aggregation.ts';
import { renderExpr, when } from './plan/expr.ts';
import { columnName, type PlanColumn } from './plan/columns.ts';
import { allOf, fitConditions, overlapConditions, timeGrains, type FitRule } from './plan/fit.ts';
import type { RollupSourcePlan } from './plan/plan.ts';
import type { ValidRequest } from './request.ts';

/**
 * The ASIN rollup: the funnel's fact sources pre-summed per store, marketplace, ASIN, row date range
 * and currency, side by side in one wide table, so a question by ASIN reads one table once instead of
 * scanning and grouping each source on its own (issue 4: 10,000 ASINs × 400 days).
 *
 * It is the same arithmetic, only earlier: each source row keeps its own date range (a weekly SCP
 * row stays a week), so which rows fit a period or grain is decided exactly as on the source; the
 * measures are the catalog's own SQL; sums, counts and weighted parts are summed again at query time.
 * Sources whose rows depend on the question are left to the live path (see `rollupServes`).
 */
export const rollupTable = 'rollup_asin_facts';

/**
 * Its week level, read where a question is not by date or month: Sunday–Saturday sums of the day rows and
 * of the rows covering exactly such a week (`rollup_asin_weeks`), and the other rows spanning days
 * (`rollup_asin_ranges`). A period is then its whole weeks from the first table, the days at its edges
 * from the rollup, and the other range rows, which fit or not exactly as before: four weeks of 10,000
 * ASINs with daily traffic and weekly SCP read 40,000 rows, not 320,000.
 */
export const rollupWeeksTable = 'rollup_asin_weeks';
export const rollupRangesTable = 'rollup_asin_ranges';

/** Bumped when the rollup's tables change shape: a rollup written by an older version is rebuilt. */
export const rollupLayout = 5;

/** Facts the rollup may hold. Sales only while every Business Report row is one day: otherwise which
 * order items stand in depends on the period asked (a weekly report answers a month, not a day). */
const candidateFacts: readonly FactId[] = ['traffic', 'br_sales', 'sales', 'orders', 'ads', 'search_funnel', 'reviews', 'repeat_purchase', 'inventory'];

/** Dimensions the rollup keeps (its key): the rest (SKU, parent, owner, campaign …) go to the sources. */
const rollupDims: ReadonlySet<DimensionId> = new Set(['date', 'week', 'month', 'store', 'marketplace', 'asin']);

const measuresOfFact = (fact: FactId) => (Object.keys(measures) as MeasureId[]).filter((id) => measureById[id].fact === fact && additive(id));

/** Days a refresh reads (ISO dates, from the database): sources scan only rows overlapping them. */
export interface RollupBounds { from: string; to: string }

const isoDate = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`rollup: not a date: ${d}`);
  return `DATE '${d}'`;
};

/** The context a source is read in for the rollup: every row (or those overlapping the bounds), by ASIN
 * (advertised-product level ads). */
function wholeContext(dialect: Dialect, bounds?: RollupBounds): FactContext {
  const overlaps = (alias: string, from = 'date_from', to = 'date_to') =>
    (bounds ? `${alias}.${to} >= ${isoDate(bounds.from)} AND ${alias}.${from} <= ${isoDate(bounds.to)}` : 'TRUE');
  return { dialect, dims: new Set(['asin']), needsProductKeys: true, rangeFits: () => 'TRUE', overlaps, basis: 'posted', bounds: {} };
}

export interface RollupPart { fact: FactId; sql: string; columns: string[] }

/** Each fact's rows pre-summed to the rollup's key: the SELECTs the rollup is built from. */
export function rollupParts(covered: readonly FactId[], dialect: Dialect, bounds?: RollupBounds): RollupPart[] {
  return covered.map((id) => factRollup(facts[id], dialect, bounds));
}

const rollupKey = ['store', 'marketplace', 'asin', 'date_from', 'date_to', 'currency'];

/** Rows of the rollup (or of a source) that a refresh window touches: same store and marketplace, overlapping days. */
export const inWindows = (alias: string, windows: string, from = 'date_from', to = 'date_to') =>
  `EXISTS (SELECT 1 FROM ${windows} w WHERE w.store = ${alias}.store AND w.marketplace = ${alias}.marketplace AND ${alias}.${to} >= w.date_from AND ${alias}.${from} <= w.date_to)`;

/**
 * SELECT of the rollup's rows: the facts side by side, one row per key (FULL JOIN, so a key any fact
 * has is kept). With `windows` (a table of store, marketplace, date_from, date_to), only the keys whose
 * source rows overlap them: an import's refresh. `types` are the parts' column types as the engine
 * reports them: sums come back as 128-bit integers and DECIMAL(38, s), which DuckDB sums several times
 * slower than 64-bit ones, so they are stored narrowed (one ASIN's day is far below 64 bits).
 */
export function rollupSelect(parts: readonly RollupPart[], types: ReadonlyMap<string, string>, windows?: string): string {
  const narrow = (column: string) => {
    const type = types.get(column) ?? '';
    const scale = /^DECIMAL\(\d+,(\d+)\)$/.exec(type)?.[1];
    if (['HUGEINT', 'BIGINT', 'INTEGER'].includes(type)) return `CAST(${column} AS BIGINT) AS ${column}`;
    if (scale !== undefined && Number(scale) <= 6) return `CAST(${column} AS DECIMAL(18,${scale})) AS ${column}`;
    return column;
  };
  const sides = parts.map((p, i) => {
    const where = windows ? ` WHERE ${inWindows('p', windows)}` : '';
    return `(SELECT ${[...rollupKey, ...p.columns.map(narrow)].join(', ')} FROM (${p.sql}) p${where}) p${i}`;
  });
  const [first, ...rest] = sides;
  return `SELECT ${[...rollupKey, ...parts.flatMap((p) => p.columns)].join(', ')}
FROM ${first ?? '(SELECT NULL AS store) p0'}
${rest.map((side) => `FULL JOIN ${side} USING (${rollupKey.join(', ')})`).join('\n')}`;
}

export function rollupCreateSql(dialect: Dialect, select: string): string {
  return dialect.replaceTable(rollupTable, `${select}\nORDER BY date_from, store, marketplace, asin`);
}

/** A row covering exactly one Sunday–Saturday week. */
export const weekRowSql = (dialect: Dialect, alias: string) =>
  `(${alias}.date_from = ${dialect.weekStart(`${alias}.date_from`)} AND ${alias}.date_to = CAST(${alias}.date_from + 6 AS DATE))`;

const weekStripes = 8;

/** Beside each fact's row count in the week level, how many of those rows were one whole week (`week_rows`):
 * in a week at a period's edge they do not fit, and the answer says how many were left out. */
const weekRowsOf = (fact: FactId) => columnName({ kind: 'week_rows', fact });
const rowsOf = (fact: FactId) => columnName({ kind: 'fitting_rows', source: fact });

/**
 * The week level written from the rollup (its `columns` with their types, as the dialect's `describe` lists them): whole,
 * or with `windows` only the weeks and range rows those windows touch (deleted, then written again).
 */
export function weekLevelSql(dialect: Dialect, columns: readonly { name: string; type: string }[], windows?: { table: string; bounds: RollupBounds }): string {
  const summed = columns.filter((c) => !rollupKey.includes(c.name));
  const counted = candidateFacts.filter((f) => summed.some((c) => c.name === rowsOf(f)));
  const names = [...rollupKey, ...summed.map((c) => c.name)].join(', ');
  const weekNames = [names, ...counted.map(weekRowsOf)].join(', ');
  const weekStart = dialect.weekStart('date_from');
  // (the bounds are the windows' span, widened to whole weeks: they let the scans skip the other days)
  const span = windows && { from: isoDate(weekStartOf(windows.bounds.from)), to: isoDate(addDays(weekStartOf(windows.bounds.to), 6)) };
  const within = (alias: string) => (span ? ` AND ${alias}.date_to >= ${span.from} AND ${alias}.date_from <= ${span.to}` : '');
  // day rows, and rows that are one Sunday–Saturday week (a Brand Analytics week): inside a whole week of a
  // period those always fit, so they are summed into it
  const bucketed = `SELECT *, ${weekStart} AS week_from, CAST(${weekStart} + 6 AS DATE) AS week_to, ${weekRowSql(dialect, 'f')} AS whole_week FROM ${rollupTable} f
    WHERE (f.date_from = f.date_to OR ${weekRowSql(dialect, 'f')})${within('f')}`;
  // a week of one ASIN's day sums stays far inside the day columns' types
  const weeks = `SELECT store, marketplace, asin, week_from AS date_from, week_to AS date_to, currency,
    ${[...summed.map((c) => `CAST(SUM(${c.name}) AS ${c.type}) AS ${c.name}`), ...counted.map((f) => `CAST(SUM(CASE WHEN whole_week THEN ${rowsOf(f)} END) AS BIGINT) AS ${weekRowsOf(f)}`)].join(', ')}
    FROM (${bucketed}) r${windows ? ` WHERE ${inWindows('r', windows.table, 'week_from', 'week_to')}` : ''}
    GROUP BY store, marketplace, asin, week_from, week_to, currency`;
  // the other range rows: a week row is only in its week (a question never sums it from here, so reading it
  // here cost every question a scan of the Brand Analytics weeks to drop them)
  const ranges = `SELECT ${names} FROM ${rollupTable} r WHERE r.date_from <> r.date_to AND NOT ${weekRowSql(dialect, 'r')}${windows ? `${within('r')} AND ${inWindows('r', windows.table)}` : ''}`;
  const order = 'ORDER BY date_from, store, marketplace, asin';
  // DuckDB scans a table on one thread per row group, and a period's weeks lie in one or two of them: stored
  // in eight stripes of ASINs, each in date order, a period's rows lie in several, and its sums (most of a
  // funnel's query) run on every core. Four weeks of 10,000 ASINs: 62 → 47 ms on two cores. (Weeks an import
  // rewrites are appended whole, in one place, until the next whole rebuild.)
  const striped = `ORDER BY ${dialect.hashBucket('asin', weekStripes)}, date_from, store, marketplace, asin`;
  if (!windows) {
    return `${dialect.replaceTable(rollupWeeksTable, `${weeks} ${striped}`)};
      ${dialect.replaceTable(rollupRangesTable, `${ranges} ${order}`)};`;
  }
  return `DELETE FROM ${rollupWeeksTable} r WHERE ${inWindows('r', windows.table)}${within('r')};
    INSERT INTO ${rollupWeeksTable} (${weekNames}) ${weeks};
    DELETE FROM ${rollupRangesTable} r WHERE ${inWindows('r', windows.table)}${within('r')};
    INSERT INTO ${rollupRangesTable} (${names}) ${ranges};`;
}

function factRollup(fact: Fact, dialect: Dialect, bounds?: RollupBounds): RollupPart {
  const asin = fact.columns.asin ? `f.${fact.columns.asin}` : 'NULL';
  const currency = fact.currency ? `coalesce(f.${fact.currency}, mk.currency)` : 'mk.currency';
  const key = ['f.store', 'f.marketplace', asin, `f.${fact.dateFrom}`, `f.${fact.dateTo}`, currency];
  const select = key.map((e, i) => (i < 2 ? e : `${e} AS ${rollupKey[i]}`));
  const columns: PlanColumn[] = [];
  // the same parts a live read sums (plan/aggregation.ts), over every row: which fit is decided at query time
  for (const id of measuresOfFact(fact.id)) {
    const m = measureById[id];
    const v = renderExpr(m.where ? when([[m.where, m.expr]]) : m.expr, dialect);
    for (const p of partials(id, v, m.weight && renderExpr(m.weight, dialect))) {
      select.push(`${p.sql} AS ${columnName(p.column)}`);
      columns.push(p.column);
    }
  }
  const rows: PlanColumn = { kind: 'fitting_rows', source: fact.id };
  select.push(`COUNT(*) AS ${columnName(rows)}`);
  columns.push(rows);
  for (const [index, label] of (fact.sources?.labels ?? []).entries()) {
    const c: PlanColumn = { kind: 'source_rows', fact: fact.id, index };
    select.push(`SUM(CASE WHEN f.${fact.sources?.column} = '${label.replaceAll("'", "''")}' THEN 1 ELSE 0 END) AS ${columnName(c)}`);
    columns.push(c);
  }
  const context = wholeContext(dialect, bounds);
  const sql = `SELECT ${select.join(', ')} FROM ${fact.source(context)} f LEFT JOIN marketplaces mk ON mk.code = f.marketplace
    WHERE ${context.overlaps('f', fact.dateFrom, fact.dateTo)} GROUP BY ${key.filter((e) => e !== 'NULL').join(', ')}`;
  return { fact: fact.id, sql, columns: columns.map(columnName) };
}

/** Catalog metrics read only from facts the rollup may hold (the tests ask each of them both ways). */
export const rollupMetricIds = (): string[] =>
  catalog.map((m) => m.id).filter((id) => measuresOf([id]).every((m) => candidateFacts.includes(measureById[m].fact)));

/** Candidate facts, less sales and orders' share while a Business Report row spans days. */
export function rollupCandidates(businessReportRanges: boolean): FactId[] {
  return candidateFacts.filter((f) => !(businessReportRanges && f === 'sales'));
}

/**
 * Whether the rollup answers this fact's measures for this question exactly as the source would:
 * grouped only by its key, no FX conversion (rates are per day and source row), no SKU filter; ads only
 * by ASIN (the rollup holds the advertised-product level); distinct counts only per ASIN (an order
 * with two ASINs is one order of the marketplace but one per ASIN).
 */
export function rollupServes(fact: FactId, ids: readonly MeasureId[], request: ValidRequest, needsProductKeys: boolean, covered: ReadonlySet<FactId>): boolean {
  // the rollup keeps no owner: an owner-scoped question reads the sources
  if (!covered.has(fact) || request.currency || request.sku || request.scope?.owner) return false;
  if (!request.by.every((d) => rollupDims.has(d))) return false;
  if (fact === 'ads' && !needsProductKeys) return false;
  if (!ids.every(additive)) return false;
  return !ids.some((id) => measureById[id].aggregation === 'count_distinct') || request.by.includes('asin');
}

/** The rollup's share of a query: the columns its plan lists (the same summed parts the sources would
 * give), and apart, one row counting per fact the rows left out as not fitting the period or grain (none
 * where no row can be left out). */
export interface RollupAnswer {
  sql: string;
  /** with `problemsPer`, one row per scope: `by` names its dimension columns */
  unfit: { sql: string; columns: PlanColumn[]; by: string[] } | null;
}

/** The facts the rollup holds now; with `ranged`, those of them with rows in its other range rows (a monthly
 * report), where known: a question then reads those rows only for these facts. */
export type RollupCoverage = ReadonlySet<FactId> & { ranged?: ReadonlySet<FactId> };

export function rollupQuery(input: {
  source: RollupSourcePlan; request: ValidRequest; dims: readonly DimensionId[]; splitCurrency: boolean; dialect: Dialect; params: Params;
}): RollupAnswer {
  const { request, dims, dialect: d, params, source } = input;
  const asked = [...source.byFact.keys()];
  const rule: FitRule = {
    from: request.from ? params.add(request.from, 'date') : undefined,
    to: request.to ? params.add(request.to, 'date') : undefined,
    grains: timeGrains(dims),
  };
  const where = overlapConditions(rule, 'r.date_from', 'r.date_to');
  if (request.store) where.push(`r.store = ${params.add(request.store)}`);
  if (request.marketplace) where.push(`r.marketplace = ${params.add(request.marketplace)}`);
  where.push(...scopeFilters(request.scope, 'r', params));
  if (request.asin) where.push(`r.asin = ${params.add(request.asin)}`);
  const dimExpr = (dim: DimensionId): string => {
    switch (dim) {
      case 'date': return 'r.date_from';
      case 'week': return d.weekStart('r.date_from');
      case 'month': return d.monthStart('r.date_from');
      default: return `r.${dim}`;
    }
  };
  const dimNames = dims.map((dim) => columnName({ kind: 'dimension', dim }));
  const inner = dims.map((dim, i) => `${dimExpr(dim)} AS ${dimNames[i]}`);
  if (input.splitCurrency) inner.push(`r.currency AS ${columnName({ kind: 'currency' })}`);
  const fitsSql = `(${allOf(fitConditions(rule, 'r.date_from', 'r.date_to', d))})`;
  const groupBy = [...dimNames, ...(input.splitCurrency ? [columnName({ kind: 'currency' })] : [])];
  const outer = [...groupBy];
  const read: string[] = [];
  for (const c of source.columns) {
    const name = columnName(c);
    if (c.kind === 'measure') {
      read.push(name);
      // a count over no rows is unknown (null), not 0, as on the source
      outer.push(`${combined(c.measure, c.part, name)} AS ${name}`);
    } else if (c.kind === 'source_rows') {
      read.push(name);
      outer.push(`SUM(${name}) AS ${name}`);
    } else if (c.kind === 'fitting_rows') {
      // Every row read holds a fitting row of an asked fact (below), so a group's row count is what the compiler
      // asks of the per-fact counts: whether the group holds any. One COUNT(*) instead of a sum per fact took the
      // funnel's main query from 60 to 50 ms (9 fewer sums over its 40,000 week rows).
      outer.push(`COUNT(*) AS ${name}`);
    }
  }
  // rows where none of the asked facts has a row are not part of the answer
  where.push(`(${asked.map((f) => `r.${rowsOf(f)} IS NOT NULL`).join(' OR ')})`);
  // Only rows that fit are summed, by plain sums of the stored columns: DuckDB adds those a third faster
  // than sums of expressions, which hide the columns' bounds from it. Rows that do not fit are only counted,
  // once for the whole answer (`unfit`), as the problems say how many were left out.
  const branch = (table: string, more: string[]) =>
    `SELECT ${[...inner, ...read.map((c) => `r.${c}`)].join(', ')}\n  FROM ${table} r\n  WHERE ${[...where, ...more].join(' AND ')}`;
  const unfitNames = source.unfitColumns.map(columnName);
  // (asked so: counted per scope, one row per value of those dimensions)
  const per = (request.problemsPer ?? []).map((dim) => ({ sql: dimExpr(dim), name: columnName({ kind: 'dimension', dim }) }));
  const perGroup = per.length ? ` GROUP BY ${per.map((p) => p.name).join(', ')}` : '';
  const unfitCount = (table: string, more: string[], counted = (f: FactId) => `r.${rowsOf(f)}`) =>
    `SELECT ${[...per.map((p) => `${p.sql} AS ${p.name}`), ...asked.map((f) => `SUM(${counted(f)}) AS ${columnName({ kind: 'unfit_rows', fact: f })}`)].join(', ')} FROM ${table} r WHERE ${[...where, ...more].join(' AND ')}${perGroup}`;
  const weeks = weekLevelServes(request, dims) ? wholeWeeks(request.from, request.to) : null;
  let from: string;
  let unfit: string | null;
  if (weeks) {
    // whole weeks and edge days always fit; the other range rows may not
    const [first, last] = [params.add(weeks.from, 'date'), params.add(weeks.to, 'date')];
    // the period's days before its first whole week and after its last one, if any
    const daysFrom = request.from !== undefined && request.from < weeks.from ? request.from : null;
    const daysTo = request.to !== undefined && request.to > weeks.to ? request.to : null;
    // The other range rows are read only where an asked fact has some: summed beside the week level in one
    // UNION ALL, DuckDB can no longer bound the sums by the tables' statistics and adds every column in
    // 128 bits (the funnel's main query: 38 ms without them, 46 ms with none to read).
    const ranged = asked.some((f) => !source.ranged || source.ranged.has(f));
    const branches = [branch(rollupWeeksTable, [`r.date_from >= ${first}`, `r.date_to <= ${last}`])];
    if (ranged) branches.push(branch(rollupRangesTable, [fitsSql]));
    // the days before the first whole week and after the last one, from the day rows
    if (daysFrom) branches.push(branch(rollupTable, ['r.date_from = r.date_to', `r.date_from >= ${params.add(daysFrom, 'date')}`, `r.date_from < ${first}`]));
    if (daysTo) branches.push(branch(rollupTable, ['r.date_from = r.date_to', `r.date_from > ${last}`, `r.date_from <= ${params.add(daysTo, 'date')}`]));
    from = branches.join('\n  UNION ALL\n');
    const counted = ranged ? [unfitCount(rollupRangesTable, [`NOT ${fitsSql}`])] : [];
    // a week row in a week at the period's edge (partly outside it) never fits
    if (daysFrom || daysTo) counted.push(unfitCount(rollupWeeksTable, [`NOT (r.date_from >= ${first} AND r.date_to <= ${last})`], (f) => `r.${weekRowsOf(f)}`));
    unfit = counted.length <= 1 ? counted[0] ?? null
      : `SELECT ${[...per.map((p) => p.name), ...unfitNames.map((c) => `SUM(${c}) AS ${c}`)].join(', ')} FROM (${counted.join(' UNION ALL ')}) u${perGroup}`;
  } else {
    from = branch(rollupTable, [fitsSql]);
    unfit = unfitCount(rollupTable, [`NOT ${fitsSql}`]);
  }
  const sql = `SELECT ${outer.join(', ')}
FROM (
  ${from}
) r
${groupBy.length ? `GROUP BY ${groupBy.join(', ')}` : ''}`;
  return { sql, unfit: unfit === null ? null : { sql: unfit, columns: source.unfitColumns, by: per.map((p) => p.name) } };
}

/** Whether the week level answers this question: not by date or month, over a period holding a whole week. */
export const weekLevelServes = (request: ValidRequest, dims: readonly DimensionId[]): boolean =>
  dims.every((dim) => dim !== 'date' && dim !== 'month') && wholeWeeks(request.from, request.to) !== null;

/** The whole Sunday–Saturday weeks inside a period; null without both ends or without a whole week. */
export function wholeWeeks(from: string | undefined, to: string | undefined): { from: string; to: string } | null {
  if (!from || !to) return null;
  const startOfFirst = weekStartOf(from);
  const first = startOfFirst === from ? from : addDays(startOfFirst, 7);
  const last = addDays(weekStartOf(addDays(to, 1)), -1);
  return first < last ? { from: first, to: last } : null;
}
