import { metricById } from '../metrics/catalog.ts';
import { readsTransactions } from '../metrics/plan.ts';
import { runQuery, type QueryResult } from '../metrics/query.ts';
import { defaultProfitBasis, type QueryRequest } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';
import { tableFeeEstimates } from './fee-fallback.ts';

/**
 * A metric question as every shell asks it (`query`, `GET /api/query`, KPIs, reviews, `profit`): profit
 * metrics on one basis, the order date unless `basis` says posted, and on the order basis unsettled
 * orders priced from the fee tables where nothing better is known, so `query --metric net_profit`
 * and `profit` answer the same number for the same month.
 */
export async function answerQuery(db: Database, request: QueryRequest): Promise<QueryResult> {
  const basis = request.basis ?? defaultProfitBasis;
  // an unknown metric is the metric layer's to refuse, with its clear message
  const known = request.metrics.filter((m) => metricById.has(m));
  const estimate = basis === 'order' && request.tableFees === undefined && readsTransactions(known);
  const tableFees = estimate
    ? await tableFeeEstimates(db, { from: request.from, to: request.to, store: request.store, marketplace: request.marketplace })
    : request.tableFees;
  return runQuery(db, { ...request, basis, ...(tableFees?.length ? { tableFees } : {}) });
}
