import { problemOf } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { hasRight, userRoleNames, type Principal } from '../domain/rights.ts';
import { catalog } from '../metrics/catalog.ts';
import type { QueryResult, QueryRow } from '../metrics/query.ts';
import type { KpiRow } from '../analysis/index.ts';
import type { ReportData } from '../report/report-data.ts';

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

/** A review (GET /api/report, the review files) for a user without the cost right: the sensitive figures of its
 * headline, its ads-vs-organic rows and its KPIs on sensitive metrics are null ("—" in the documents), and its
 * problems say why. Everything else stands. */
export function blankReview(data: ReportData, who: Principal): ReportData {
  if (hasRight(who, 'see_costs')) return data;
  const hidden = new Set<string>();
  const headline = data.headline.map((block) => ({
    ...block,
    values: Object.fromEntries(Object.entries(block.values).map(([id, v]) => {
      if (!sensitiveMetrics.has(id)) return [id, v];
      hidden.add(id);
      return [id, { value: null, previous: v.previous.map(() => null) }];
    })),
    missing: Object.fromEntries(Object.entries(block.missing).filter(([id]) => !sensitiveMetrics.has(id))),
  }));
  const adsOrganic = data.ads_organic.map((r) => {
    if (r.ad_spend !== null) hidden.add('ad_spend');
    return { ...r, ad_spend: null };
  });
  const kpi = data.kpi && {
    ...data.kpi,
    rows: data.kpi.rows.map((r) => {
      if (!sensitiveMetrics.has(r.kpi)) return r;
      hidden.add(r.kpi);
      // a target of net profit says what the profit is meant to be: blank as the actual is
      return { ...r, target: null, actual: null, attainment: null } as unknown as KpiRow;
    }),
  };
  if (hidden.size === 0) return data;
  const why = say('hidden_by_role', { metrics: [...hidden].join(', '), role: userRoleNames[who.role] });
  return { ...data, headline, ads_organic: adsOrganic, kpi, problems: [...data.problems, why] };
}

/** The profit page's answer for a user without the cost right: its rows with every sensitive figure null, as queries. */
export function blankProfit<T extends QueryResult>(answer: T, who: Principal): T {
  const metrics = [...new Set(answer.rows.flatMap((r) => Object.keys(r)))].filter((k) => sensitiveMetrics.has(k));
  return hideSensitive(answer, metrics, who) as T;
}

/** The fields of a price suggestion made of the product's costs and fees: blank without the cost right (the
 * suggested and current prices, the competitor's and the decision stand). */
export const suggestionCostFields = ['break_even_price', 'target_margin_price', 'floor_price', 'cost', 'fees', 'at_suggested_price'] as const;

/** Price suggestions (GET /api/price/suggestions) for a user without the cost right: their cost fields null, and why. */
export function blankSuggestions(answer: { suggestions: Record<string, unknown>[] }, who: Principal): { suggestions: Record<string, unknown>[]; problems?: unknown[] } {
  if (hasRight(who, 'see_costs') || answer.suggestions.length === 0) return answer;
  const suggestions = answer.suggestions.map((s) => ({ ...s, ...Object.fromEntries(suggestionCostFields.map((f) => [f, null])) }));
  const problem = problemOf(say('hidden_by_role', { metrics: suggestionCostFields.join(', '), role: userRoleNames[who.role] }), { code: 'hidden_by_role', severity: 'warning' });
  return { ...answer, suggestions, problems: [problem] };
}

/** An operation's answer as a user without the cost right may see it (the review, the profit page, price
 * suggestions); others as they are. */
export function blankSensitive(name: string, answer: unknown, who: Principal): unknown {
  if (hasRight(who, 'see_costs')) return answer;
  if (name === 'price_list') return blankSuggestions(answer as { suggestions: Record<string, unknown>[] }, who);
  if (name === 'report') return blankReview(answer as ReportData, who);
  if (name === 'profit') return blankProfit(answer as QueryResult, who);
  return answer;
}
