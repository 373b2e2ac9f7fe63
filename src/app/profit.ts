import { AsterismError, type Problem } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import type { ColumnDescription } from '../metrics/compiler.ts';
import { profitLineSources } from '../metrics/facts.ts';
import type { QueryResult, QueryRow } from '../metrics/query.ts';
import type { CompareTo } from '../domain/compared-period.ts';
import { answerPeriod, type AnswerPeriod } from './answer-period.ts';
import { defaultProfitBasis, type RowScope } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';
import { answerQuery } from './answer-query.ts';
import type { TaxBasis } from '../domain/consumption-tax.ts';
import { taxBases } from '../store/profit-taxes.ts';
import { costFxStale } from '../metrics/cost-fx.ts';
import { emptyAnswerProblem, isEmptyAnswer } from './empty-answer.ts';

/** The profit view (SPEC §6, `asterism profit`): the catalog's profit metrics per the dimensions asked. */
export const profitMetrics = [
  'revenue', 'refunds', 'referral_fees', 'refund_admin_fees', 'fba_fees', 'promotions', 'reimbursements', 'other_fees',
  'storage_fees', 'ad_cost', 'cogs', 'freight', 'duties', 'payout_costs', 'net_profit', 'net_margin', 'roi', 'break_even_acos',
] as const;

export interface ProfitRequest {
  /** the asking user's row scope (issue 20), set by the server */
  scope?: RowScope | undefined;
  by?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  asin?: string | undefined;
  sku?: string | undefined;
  currency?: string | undefined;
  basis?: 'order' | 'posted' | undefined;
  /** also answer the compared period: rows carry `previous`, `change` and, against a base with fewer days of data, `partial_base` */
  compare?: CompareTo | undefined;
}

export interface ProfitAnswer {
  basis: 'order' | 'posted';
  rows: (QueryRow & { estimated?: boolean })[];
  columns: ColumnDescription[];
  problems: Problem[];
  /** per store and marketplace whose prices include tax: whether revenue is net of it (EU VAT, JP consumption tax) */
  taxes: TaxBasis[];
  /** the dates the answer covers: asked without them, all dates, said which (issue 15.7) */
  period: AnswerPeriod;
  /** with `compare`: the compared period, and the metrics whose base has data for fewer of its days (`partial_base`) */
  compare?: QueryResult['compare'];
}

const estimatedLabels = profitLineSources.filter((s) => s.startsWith('estimated'));
const noFees = 'estimated: no fee data';

/**
 * Order basis by default (fees matched to orders by order id, unsettled orders estimated); posted is the
 * cash view. Rows with estimated lines say `estimated: true`; unsettled orders without any fee data name
 * the referral and FBA fees as missing, because their part of those fees is not in the row.
 */
export async function profitRows(db: Database, request: ProfitRequest): Promise<ProfitAnswer> {
  const basis = request.basis ?? defaultProfitBasis;
  // a comparison needs a period to compare: all dates have no period before them
  if (request.compare && !(request.from && request.to)) throw new AsterismError('bad_request', say('compare_needs_period', { value: request.compare }));
  const defined = Object.fromEntries(Object.entries({ ...request, by: request.by?.length ? request.by : ['sku'] }).filter(([, v]) => v !== undefined));
  const result = await answerQuery(db, { ...defined, metrics: [...profitMetrics], basis });
  const rows = result.rows.map((row) => {
    const sources = (row.sources ?? {}) as Record<string, string[]>;
    const lineSources = sources.revenue ?? [];
    const out: QueryRow & { estimated?: boolean } = { ...row };
    if (lineSources.some((s) => estimatedLabels.includes(s))) out.estimated = true;
    if (lineSources.includes(noFees) && row.net_profit !== null) {
      const missing = { ...((row.missing ?? {}) as Record<string, string[]>) };
      missing.net_profit = [...new Set([...(missing.net_profit ?? []), 'referral_fees', 'fba_fees'])];
      out.missing = missing;
    }
    return out;
  });
  // costs converted into the marketplace's currency with a stale rate are said so (issue 15.8)
  const usesCosts = rows.some((r) => r.cogs !== null || r.freight !== null || r.duties !== null || r.payout_costs !== null);
  const stale = usesCosts ? await costFxStale(db, request) : undefined;
  const problems = stale ? [...result.problems, stale] : [...result.problems];
  if (isEmptyAnswer(rows, profitMetrics)) problems.push(await emptyAnswerProblem(db, request));
  const period = await answerPeriod(db, profitMetrics, { ...request, basis });
  return { basis, rows, columns: result.columns, problems, taxes: await taxBases(db, request), period, ...(result.compare ? { compare: result.compare } : {}) };
}
