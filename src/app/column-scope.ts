import { problemOf } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { hasRight, userRoleNames, type Principal } from '../domain/rights.ts';
import { catalog } from '../metrics/catalog.ts';
import type { QueryResult, QueryRow } from '../metrics/query.ts';

/** The catalog's sensitive metrics (COGS, landed cost, net profit, margins, ROI …): only the cost right sees them. */
export const sensitiveMetrics: ReadonlySet<string> = new Set(catalog.filter((m) => m.sensitive).map((m) => m.id));

/**
 * Column scope (issue 20): for a user without the cost right, every sensitive metric of an answer is null, its
 * comparison too, and one problem `hidden_by_role` says which and why. Others get the answer as it is.
 */
export function hideSensitive(result: QueryResult, metrics: readonly string[], who: Principal): QueryResult {
  if (hasRight(who, 'see_costs')) return result;
  const hidden = metrics.filter((m) => sensitiveMetrics.has(m));
  if (hidden.length === 0) return result;
  const blank = (values: unknown) => (values && typeof values === 'object' ? { ...values, ...Object.fromEntries(hidden.map((m) => [m, null])) } : values);
  const rows = result.rows.map((row) => {
    const out: Record<string, unknown> = { ...row, ...Object.fromEntries(hidden.map((m) => [m, null])) };
    for (const key of ['previous', 'change']) if (key in row) out[key] = blank(row[key]);
    return out as QueryRow;
  });
  const role = { en: userRoleNames[who.role].en, zh: userRoleNames[who.role].zh };
  const problem = problemOf(say('hidden_by_role', { metrics: hidden.join(', '), role }), { code: 'hidden_by_role', severity: 'warning' });
  return { ...result, rows, problems: [...result.problems, problem] };
}
