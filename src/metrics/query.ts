import type { Problem } from '../domain/errors.ts';
import type { Database } from '../store/database.ts';
import { duckdb } from '../store/dialect.ts';
import { comparedPeriod, type CompareTo } from '../domain/compared-period.ts';
import { changeBasis, withComparison, type ChangeBasis } from './compare.ts';
import { compileQuery, type ColumnDescription } from './compiler.ts';
import { facts } from './facts.ts';
import { freshRollup } from './rollup-refresh.ts';
import { validateRequest, type QueryRequest, type ValidRequest } from './request.ts';

export type QueryRow = Record<string, string | number | null | Record<string, string[]> | Record<string, number | null>>;

export interface QueryResult {
  rows: QueryRow[];
  columns: ColumnDescription[];
  problems: Problem[];
  /** with `compare`: the compared period and how each metric's change reads; rows then carry `previous` and `change` by metric */
  compare?: { kind: CompareTo; from: string; to: string; basis: Record<string, ChangeBasis> };
}

/** Runs a metric query on the embedded database and shapes the answer as the CLI contract says:
 * counts as integers, money exact to its currency's minor unit, ratios as fractions, unknown as null. */
export async function runQuery(db: Database, request: QueryRequest): Promise<QueryResult> {
  const valid = validateRequest(request);
  const answer = await answerPeriod(db, valid);
  if (!valid.compare || !valid.from || !valid.to) return answer;
  // The compared period is asked the same question: its ratios come from its own sums, never from the rows here.
  const window = comparedPeriod(valid.from, valid.to, valid.compare);
  const before = await answerPeriod(db, { ...valid, ...window });
  const basis = Object.fromEntries(answer.columns.filter((c) => c.role === 'metric').map((c) => [c.id, changeBasis(c)]));
  const problems = [...answer.problems, ...before.problems.filter((p) => !answer.problems.some((q) => q.message === p.message)).map((p) => ({ ...p, message: `${window.from} – ${window.to}: ${p.message}` }))];
  return { rows: withComparison(answer.rows, before.rows, answer.columns), columns: answer.columns, problems, compare: { kind: valid.compare, ...window, basis } };
}

async function answerPeriod(db: Database, valid: ValidRequest): Promise<QueryResult> {
  const compiled = compileQuery(valid, duckdb, await freshRollup(db));
  const answer = await db.columnValues(compiled.sql, compiled.params);
  const column = (name: string): unknown[] => answer.columns.get(name) ?? [];
  const problems = [...compiled.problems];
  const shown = compiled.columns.map((c) => [c.id, column(c.id)] as const);
  const sourced = compiled.sourceColumns.map((s) => [s, column(s.column)] as const);
  const missed = compiled.missingParts.map((p) => [p, column(p.column)] as const);
  const rows: QueryRow[] = [];
  for (let i = 0; i < answer.rows; i++) {
    const row: QueryRow = {};
    for (const [id, values] of shown) row[id] = (values[i] as string | number | null | undefined) ?? null;
    let sources: Record<string, string[]> | undefined;
    for (const [s, values] of sourced) {
      if (Number(values[i] ?? 0) > 0 && row[s.metric] !== null) ((sources ??= {})[s.metric] ??= []).push(s.label);
    }
    if (sources) row.sources = sources;
    let missing: Record<string, string[]> | undefined;
    for (const [p, values] of missed) {
      if (values[i] === true && row[p.metric] !== null) ((missing ??= {})[p.metric] ??= []).push(p.part);
    }
    if (missing) row.missing = missing;
    rows.push(row);
  }
  // totals are one row, even when nothing is known
  if (valid.by.length === 0 && rows.length === 0) rows.push(Object.fromEntries(compiled.columns.map((c) => [c.id, null])));
  // problem counts come summed over the whole answer (a window in the SQL): every row holds the total
  const total = (name: string) => Number(column(name)[0] ?? 0);
  for (const u of compiled.unfitColumns) {
    const n = total(u.column);
    if (n > 0) {
      problems.push({
        code: 'grain', severity: 'warning',
        message: `${n} row(s) of ${facts[u.fact].name.en} cover dates that do not fit this grain or period (e.g. a Business Report for a whole month asked by day) and were left out`,
        message_zh: `${n} 行${facts[u.fact].name.zh}的日期范围不符合此粒度或期间（例如按天查询整月的业务报告），已排除`,
      });
    }
  }
  for (const column of compiled.fxColumns) {
    const n = total(column);
    if (n > 0) problems.push({ code: 'fx_missing', severity: 'error', message: `${n} row(s) of ${column.slice(5)} have no FX rate into ${valid.currency} on or before their date: add rates to the FX table`,
      message_zh: `${n} 行${column.slice(5)}在其日期或之前没有折算为 ${valid.currency} 的汇率：请在汇率表中添加` });
  }
  return { rows, columns: compiled.columns, problems };
}
