import type { AnswerPeriod } from '../domain/answer-period.ts';
import { say } from '../domain/messages.ts';
import { metricsSpan } from '../metrics/answer-dates.ts';
import { metricById } from '../metrics/catalog.ts';
import { defaultProfitBasis } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';

export interface PeriodQuestion {
  from?: string | undefined;
  to?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  /** profit metrics: `posted` dates settlement lines by posting; else by their orders' days */
  basis?: string | undefined;
}

/**
 * What an answer says of its dates when asked without both ends (spec/cli.md: no --from/--to means all
 * dates): the first and last day the data its metrics read covers, in the store and marketplace asked.
 */
export async function answerPeriod(db: Database, metrics: readonly string[], q: PeriodQuestion): Promise<AnswerPeriod> {
  if (q.from && q.to) return { from: q.from, to: q.to, basis: 'given', note: null };
  const known = metrics.filter((m) => metricById.has(m));
  const span = await metricsSpan(db, known, q.basis === 'posted' ? 'posted' : defaultProfitBasis, { store: q.store, marketplace: q.marketplace });
  if (q.from) {
    const to = span && span.last >= q.from ? span.last : null;
    return { from: q.from, to, basis: 'from_only', note: to ? say('period_from_only', { from: q.from, last: to }) : null };
  }
  if (q.to) {
    const from = span && span.first <= q.to ? span.first : null;
    return { from, to: q.to, basis: 'to_only', note: from ? say('period_to_only', { first: from, to: q.to }) : null };
  }
  if (!span) return { from: null, to: null, basis: 'all_dates', note: say('period_all_dates_empty') };
  return { from: span.first, to: span.last, basis: 'all_dates', note: say('period_all_dates', { first: span.first, last: span.last }) };
}

export type { AnswerPeriod };
