import type { Problem } from '../domain/errors.ts';
import { planQuery } from '../metrics/plan/plan.ts';
import type { QueryRow } from '../metrics/query.ts';
import { validateRequest, type QueryRequest, type ValidRequest } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';
import { answerQuery } from './answer-query.ts';

/**
 * Many questions that differ only in the store, marketplace or ASIN they filter on (a KPI target per ASIN,
 * ~180 on the demo) asked as one: the filters that differ become dimensions, and each question's rows are
 * picked from the one answer. Each question gets exactly what it would have got alone:
 * - its rows are the answer's rows whose scope equals its filters (as the filter compares), in the same order,
 *   without the added dimensions; a total asked alone is one row even with no data: one row of nulls then;
 * - its problems are its own plan's (which sources cannot answer it, worded for its filters), then those counted
 *   over its own rows (rows not fitting the period, FX rates missing or stale: `problemsPer`). Where those
 *   cannot be told apart (the rollup counts them for the whole answer), each question is asked alone.
 */
export interface ScopeAnswer {
  rows: QueryRow[];
  problems: Problem[];
}

export type Question = QueryRequest & { by: string[] };

const scopeFilters = ['store', 'marketplace', 'asin'] as const;

/** Each question's answer, by key; questions the same but for their scope filters are asked together. */
export async function answerScopes(db: Database, questions: ReadonlyMap<string, Question>): Promise<Map<string, ScopeAnswer>> {
  // validated first, in order: a bad marketplace is refused as when each was asked alone
  const valid = new Map([...questions].map(([key, q]) => [key, validateRequest(q)]));
  const batches = new Map<string, string[]>();
  for (const [key, q] of questions) {
    const { store, marketplace, asin, ...rest } = q;
    const shape = JSON.stringify([rest, store !== undefined, marketplace !== undefined, asin !== undefined]);
    batches.set(shape, [...(batches.get(shape) ?? []), key]);
  }
  const answers = new Map<string, ScopeAnswer>();
  const alone = async (key: string) => {
    const { rows, problems } = await answerQuery(db, questions.get(key) as Question);
    answers.set(key, { rows, problems });
  };
  for (const keys of batches.values()) {
    const members = keys.map((key) => ({ key, question: questions.get(key) as Question, valid: valid.get(key) as ValidRequest }));
    const together = members.length > 1 ? await askTogether(db, members) : null;
    if (together) together.forEach((answer, key) => answers.set(key, answer));
    else for (const key of keys) await alone(key);
  }
  return answers;
}

interface Member { key: string; question: Question; valid: ValidRequest }

/** One question for all members (their differing filters as dimensions); null when its answer cannot be shared. */
async function askTogether(db: Database, members: readonly Member[]): Promise<Map<string, ScopeAnswer> | null> {
  const first = members[0] as Member;
  // a filter every member shares stays a filter
  const vary = scopeFilters.filter((f) => new Set(members.map((m) => m.valid[f])).size > 1);
  const added = vary.filter((d) => !first.question.by.includes(d));
  const asked: QueryRequest = { ...first.question, by: [...first.question.by, ...added], problemsPer: vary };
  for (const f of vary) delete asked[f];
  const result = await answerQuery(db, asked);
  // (null: some scope's problem counts could not be told from the others')
  if (!result.problems_per) return null;
  const scopeKey = (values: readonly unknown[]) => JSON.stringify(values.map((v) => v ?? null));
  const counted = new Map(result.problems_per.map((s) => [scopeKey(vary.map((f) => s.scope[f])), s.problems]));
  const totals = first.question.by.length === 0;
  const nullRow = (): QueryRow => Object.fromEntries(result.columns.filter((c) => c.role !== 'dimension').map((c) => [c.id, null]));
  const out = new Map<string, ScopeAnswer>();
  for (const m of members) {
    const rows = result.rows.filter((r) => vary.every((f) => r[f] === m.valid[f])).map((r) => without(r, added));
    if (totals && rows.length === 0) rows.push(nullRow());
    // its plan's problems (worded for its filters), then those counted over its rows
    out.set(m.key, { rows, problems: [...planQuery(m.valid).problems, ...(counted.get(scopeKey(vary.map((f) => m.valid[f]))) ?? [])] });
  }
  return out;
}

/** The row without the dimensions added for the batch (the others keep their order). */
function without(row: QueryRow, dims: readonly string[]): QueryRow {
  if (dims.length === 0) return row;
  const copy = { ...row };
  for (const d of dims) delete copy[d];
  return copy;
}
