import type { AnswerPeriod } from '../domain/answer-period.ts';
import type { Problem } from '../domain/errors.ts';
import type { AnswerColumn } from '../store/answer-columns.ts';
import type { Database } from '../store/database.ts';
import { duckdb } from '../store/dialect.ts';
import { comparedPeriod, type CompareTo } from '../domain/compared-period.ts';
import { comparedCoverage, type BaseCoverage } from './base-coverage.ts';
import { changeBasis, withComparison, type ChangeBasis } from './compare.ts';
import { answerLineage, type Lineage } from './lineage.ts';
import { compileQuery, type ColumnDescription } from './compiler.ts';
import { facts, type ProfitBasis } from './facts.ts';
import { fxStaleCheck } from './fx-stale.ts';
import { readsProfitBasis } from './plan.ts';
import { freshRollup } from './rollup-refresh.ts';
import { validateRequest, type QueryRequest, type ValidRequest } from './request.ts';

export type QueryRow = Record<string, string | number | null | Record<string, string[]> | Record<string, number | null> | Record<string, BaseCoverage>>;

export interface QueryResult {
  rows: QueryRow[];
  columns: ColumnDescription[];
  problems: Problem[];
  /** with `compare`: the compared period and how each metric's change reads; rows then carry `previous` and `change` by metric */
  compare?: {
    kind: CompareTo; from: string; to: string; basis: Record<string, ChangeBasis>;
    /** the days each report type covers in both periods, over the answer's store and marketplace */
    coverage: BaseCoverage[];
    /** by metric: those whose compared period covers a smaller share of its days than the current one
     * (their change is not a change of the business); rows grouped by marketplace carry their own */
    partial_base: Record<string, BaseCoverage>;
  };
  /** the date the profit facts were counted by, when a metric asked depends on it */
  profit_basis?: ProfitBasis;
  /** asked with `problemsPer`: each scope's problems, counted over its rows alone (null: they could not be told apart) */
  problems_per?: ScopeProblems[] | null;
  /** where the numbers came from: per report type, its days, row length, attribution window, time zones, import time */
  lineage?: Lineage[];
  /** the dates the answer covers, said where they were not both given (the app layer adds it) */
  period?: AnswerPeriod;
}

/** Runs a metric query on the embedded database and shapes the answer as the CLI contract says:
 * counts as integers, money exact to its currency's minor unit, ratios as fractions, unknown as null. */
export async function runQuery(db: Database, request: QueryRequest): Promise<QueryResult> {
  const valid = validateRequest(request);
  const basis = readsProfitBasis(valid.metrics) ? { profit_basis: valid.basis } : {};
  const metrics = valid.metrics;
  const lineage = !valid.lineage ? {} : { lineage: await answerLineage(db, metrics, valid, { store: valid.store, marketplace: valid.marketplace }) };
  const answer = { ...(await answerPeriod(db, valid)), ...basis, ...lineage };
  if (!valid.compare || !valid.from || !valid.to) return answer;
  // The compared period is asked the same question: its ratios come from its own sums, never from the rows here.
  const window = comparedPeriod(valid.from, valid.to, valid.compare);
  const before = await answerPeriod(db, { ...valid, ...window });
  const changes = Object.fromEntries(answer.columns.filter((c) => c.role === 'metric').map((c) => [c.id, changeBasis(c)]));
  const problems = [...answer.problems, ...before.problems.filter((p) => !answer.problems.some((q) => q.message === p.message)).map((p) => ({ ...p, message: `${window.from} – ${window.to}: ${p.message}` }))];
  const coverage = await comparedCoverage(db, metrics, { from: valid.from, to: valid.to }, window, { store: valid.store, marketplace: valid.marketplace });
  const partialIn = (marketplace?: string | null) => Object.fromEntries(metrics.flatMap((m) => {
    const c = coverage.partialOf(m, marketplace);
    return c ? [[m, c]] : [];
  }));
  const rows = withComparison(answer.rows, before.rows, answer.columns).map((row) => {
    const partial = partialIn(valid.by.includes('marketplace') && typeof row.marketplace === 'string' ? row.marketplace : undefined);
    return Object.keys(partial).length ? { ...row, partial_base: partial } : row;
  });
  return { rows, columns: answer.columns, problems, compare: { kind: valid.compare, ...window, basis: changes, coverage: coverage.all, partial_base: partialIn() }, ...basis, ...lineage };
}

/** A period's answer by column: what `runQuery` shapes into rows, and what a caller reading 10,000 rows
 * (the funnel) reads directly without building a row object each. */
export interface ColumnAnswer {
  count: number;
  /** a shown column (dimension, currency or metric), read by row; unknown is null */
  values(id: string): ShownColumn;
  /** whether source `label` answered `metric` in a row (a fact with several), as in `row.sources[metric]`:
   * asked once, then per row by index */
  answeredBy(metric: string, label: string): (i: number) => boolean;
  columns: ColumnDescription[];
  problems: Problem[];
}

/** One shown column of an answer: `at(i)` is row i's value (a dimension's text, a metric's number), null when unknown. */
export interface ShownColumn {
  readonly length: number;
  at(i: number): string | number | null;
}

const noValues: ShownColumn = { length: 0, at: () => null };
const oneNull: ShownColumn = { length: 1, at: () => null };

/** The answer of one period, by column (no `compare`). */
export async function runQueryColumns(db: Database, request: QueryRequest): Promise<ColumnAnswer> {
  return answerColumns(db, validateRequest({ ...request, compare: undefined }));
}

/** The hidden columns too: which sources answered, which formula parts were missing. */
interface PeriodColumns extends ColumnAnswer {
  /** per source column: whether it answered its metric in row `i` */
  sourced: { metric: string; label: string; answered: (i: number) => boolean }[];
  missingAt: { metric: string; part: string; values: AnswerColumn }[];
  /** with `problemsPer`: each scope's own problems; null when they cannot be told apart */
  problemsPer?: ScopeProblems[] | null;
}

async function answerColumns(db: Database, valid: ValidRequest): Promise<PeriodColumns> {
  const compiled = compileQuery(valid, duckdb, await freshRollup(db));
  const answer = await db.columnValues(compiled.sql, compiled.params);
  const column = (name: string): AnswerColumn => answer.columns.get(name) ?? noValues;
  const problems = [...compiled.problems];
  // totals are one row, even when nothing is known
  const empty = valid.by.length === 0 && answer.rows === 0;
  const count = empty ? 1 : answer.rows;
  // (a shown column holds a dimension's text or a metric's number)
  const shown = new Map(compiled.columns.map((c) => [c.id, empty ? oneNull : (column(c.id) as ShownColumn)]));
  // a source answered a row's metric where it counted rows for it and the metric is known
  const sourced = compiled.sourceColumns.map(({ metric, label, column: name }) => {
    const counted = column(name);
    const metricValues = shown.get(metric);
    return { metric, label, answered: (i: number) => (metricValues?.at(i) ?? null) !== null && Number(counted.at(i) ?? 0) > 0 };
  });
  // problem counts come summed over the whole answer (a window in the SQL): every row holds the total
  const per = compiled.problemsPerScope;
  const total = (name: string) => Number(column(per ? `${name}_all` : name).at(0) ?? 0);
  let stale: ReturnType<typeof fxStaleCheck> | undefined;
  const counted = async (count: (name: string) => number): Promise<Problem[]> => {
    const found: Problem[] = [];
    for (const u of compiled.unfitColumns) {
      const n = count(u.column);
      if (n > 0) {
        found.push({
          code: 'grain', severity: 'warning', source: u.fact,
          message: `${n} row(s) of ${facts[u.fact].name.en} cover dates that do not fit this grain or period (e.g. a Business Report for a whole month asked by day) and were left out`,
          message_zh: `${n} 行${facts[u.fact].name.zh}的日期范围不符合此粒度或期间（例如按天查询整月的业务报告），已排除`,
        });
      }
    }
    for (const { measure, column } of compiled.fxColumns) {
      const n = count(column);
      if (n > 0) found.push({ code: 'fx_missing', severity: 'error', message: `${n} row(s) of ${measure} have no FX rate into ${valid.currency} on or before their date: add rates to the FX table`,
        message_zh: `${n} 行${measure}在其日期或之前没有折算为 ${valid.currency} 的汇率：请在汇率表中添加` });
    }
    const staleRows = compiled.fxStaleColumns.reduce((n, c) => n + count(c), 0);
    if (staleRows > 0 && valid.currency) {
      const said = await (stale ??= fxStaleCheck(db, { from: valid.from, to: valid.to, quotes: [valid.currency] }));
      if (said) found.push(said);
    }
    return found;
  };
  problems.push(...(await counted(total)));
  const problemsPer = valid.problemsPer ? (per ? await countedPerScope(valid.problemsPer, answer.rows, column, total, compiled, counted) : null) : undefined;
  const missingAt = compiled.missingParts.map((p) => ({ ...p, values: empty ? noValues : column(p.column) }));
  const never = () => false;
  const answeredBy = (metric: string, label: string) => sourced.find((s) => s.metric === metric && s.label === label)?.answered ?? never;
  return {
    count, values: (id: string) => shown.get(id) ?? noValues, answeredBy, columns: compiled.columns, problems, sourced, missingAt,
    ...(problemsPer !== undefined ? { problemsPer } : {}),
  };
}

/** Each scope's problems (`problemsPer`): counted over its rows alone. Null when a scope's count is lost: every
 * group of a scope made only of left-out rows is dropped, and then the scopes' counts fall short of the whole's. */
async function countedPerScope(
  dims: readonly string[], rows: number, column: (name: string) => AnswerColumn, total: (name: string) => number,
  compiled: ReturnType<typeof compileQuery>, counted: (count: (name: string) => number) => Promise<Problem[]>,
): Promise<ScopeProblems[] | null> {
  const names = [...compiled.unfitColumns.map((u) => u.column), ...compiled.fxColumns.map((f) => f.column), ...compiled.fxStaleColumns];
  const scopeColumns = dims.map((d) => column(d));
  const firstRow = new Map<string, number>();
  for (let i = 0; i < rows; i++) {
    const key = JSON.stringify(scopeColumns.map((values) => values.at(i) ?? null));
    if (!firstRow.has(key)) firstRow.set(key, i);
  }
  // (an answer without rows holds no total to compare with)
  if (rows === 0 && names.length) return null;
  const sums = names.map((name) => [...firstRow.values()].reduce((n, i) => n + Number(column(name).at(i) ?? 0), 0));
  if (names.some((name, k) => sums[k] !== total(name))) return null;
  return Promise.all([...firstRow.values()].map(async (i) => ({
    scope: Object.fromEntries(dims.map((d, k) => [d, (scopeColumns[k]?.at(i) ?? null) as string | null])),
    problems: await counted((name) => Number(column(name).at(i) ?? 0)),
  })));
}

/** One scope's problems in an answer asked with `problemsPer`: what it would have been told asked alone. */
export interface ScopeProblems {
  scope: Record<string, string | null>;
  problems: Problem[];
}

async function answerPeriod(db: Database, valid: ValidRequest): Promise<QueryResult> {
  const answer = await answerColumns(db, valid);
  const shown = answer.columns.map((c) => [c.id, answer.values(c.id)] as const);
  // which sources answered (and which parts were missing) repeat from row to row: rows with the same
  // pattern share one frozen object, rather than 10,000 rows each allocating their own arrays
  const sourcesOf = sharedBySignature<Record<string, string[]>>();
  const missingOf = sharedBySignature<Record<string, string[]>>();
  const rows: QueryRow[] = [];
  for (let i = 0; i < answer.count; i++) {
    const row: QueryRow = {};
    for (const [id, values] of shown) row[id] = values.at(i);
    let signature = '';
    for (const s of answer.sourced) signature += s.answered(i) ? '1' : '0';
    const sources = sourcesOf(signature, () => {
      const built: Record<string, string[]> = {};
      answer.sourced.forEach((s, k) => { if (signature[k] === '1') (built[s.metric] ??= []).push(s.label); });
      return built;
    });
    if (sources) row.sources = sources;
    signature = '';
    for (const p of answer.missingAt) signature += p.values.at(i) === true && row[p.metric] !== null ? '1' : '0';
    const missing = missingOf(signature, () => {
      const built: Record<string, string[]> = {};
      answer.missingAt.forEach((p, k) => { if (signature[k] === '1') (built[p.metric] ??= []).push(p.part); });
      return built;
    });
    if (missing) row.missing = missing;
    rows.push(row);
  }
  return { rows, columns: answer.columns, problems: answer.problems, ...(answer.problemsPer !== undefined ? { problems_per: answer.problemsPer } : {}) };
}

/** One frozen object per signature of 0s and 1s; none for a signature without a 1 (the row carries nothing). */
function sharedBySignature<T extends object>(): (signature: string, build: () => T) => T | undefined {
  const known = new Map<string, T>();
  return (signature, build) => {
    if (!signature.includes('1')) return undefined;
    let found = known.get(signature);
    if (!found) {
      found = build();
      for (const value of Object.values(found)) Object.freeze(value);
      known.set(signature, Object.freeze(found));
    }
    return found;
  };
}
