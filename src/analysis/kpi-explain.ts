import { daysBetween } from '../domain/calendar.ts';
import { metricById } from '../metrics/catalog.ts';
import { usesMoney } from '../metrics/plan.ts';
import { adsVsOrganic, adsVsOrganicChange, type AdsOrganicChange, type AdsVsOrganic } from './ads-organic.ts';
import type { Text } from './benchmark-table.ts';
import type { Finding } from './diagnose.ts';
import type { ConfounderEvent, DateWindow } from './events.ts';
import { searchStages, stageNames, type StageName } from './funnel-stages.ts';
import { isAdditive, partsOf } from './kpi-combine.ts';
import { explainRuleFor, type ExplainSection } from './kpi-explain-rules.ts';
import { explainNote, type ExplainNoteCode } from './kpi-explain-messages.ts';
import { explainLines } from './kpi-explain-lines.ts';
import type { KpiRow } from './kpi-status.ts';
import { stockoutsOf, type Stockouts } from './kpi-stockouts.ts';
import { dec, decTotal, type AnswerRow, type Dec } from './kpi-totals.ts';
import { decomposeSalesChange, type SalesChange } from './sales-change.ts';

/**
 * Why a KPI was missed (SPEC §5), from query answers per ASIN of the KPI's scope: the gap to the
 * target and to the previous comparable period, the sales change split into traffic, conversion
 * and price (Shapley, decimal, parts adding up to the change), stock-outs and the sales they likely
 * cost, ads vs organic, the KPI's own parts, and the funnel findings and events of the period.
 */
export interface ExplainInput<E extends ConfounderEvent> {
  row: KpiRow;
  /** the days explained: the period up to the day it is paced against */
  window: DateWindow;
  /** the previous comparable period, over as many days */
  previous: DateWindow & { label: string };
  now: readonly AnswerRow[];
  before: readonly AnswerRow[];
  /** the currency's minor-unit digits */
  digits: number;
  findings: readonly Finding<E>[];
  events: readonly E[];
  locked: boolean;
  mixedCurrency?: boolean;
}

export interface Driver {
  metric: string;
  name: Text;
  now: number | null;
  before: number | null;
  change: number | null;
}

export interface KpiExplanation<E extends ConfounderEvent = ConfounderEvent> {
  kpi: string;
  period: string;
  scope: Record<string, string>;
  owner: string | null;
  role: string | null;
  status: KpiRow['status'];
  currency: string | null;
  window: DateWindow;
  compared_to: DateWindow & { label: string };
  /** the KPI over the window, from the data as it is now */
  actual: number | null;
  target: number;
  /** the part of the target due by the window's end (additive KPIs), else the target */
  target_to_date: number;
  previous: number | null;
  gap: { vs_target: number | null; vs_previous: number | null };
  /** sales = sessions × conversion × price; the target read at the previous period's conversion and price */
  sales: { vs_target: SalesChange | null; vs_previous: SalesChange } | null;
  /** the part of the sales change that hurt most (vs the previous period, else vs the target) */
  largest_drag: 'traffic' | 'conversion' | 'price' | null;
  stockouts: Stockouts | null;
  ads_vs_organic: { now: AdsVsOrganic; before: AdsVsOrganic; change: AdsOrganicChange } | null;
  drivers: Driver[];
  findings: Finding<E>[];
  events: E[];
  notes: (Text & { code: ExplainNoteCode })[];
  /** the explanation in sentences, one per part */
  text: { zh: string[]; en: string[] };
}

const round = (metric: string, v: Dec | null, digits: number): number | null =>
  v === null ? null : v.toDecimalPlaces(metricById.get(metric)?.unit === 'money' ? digits : 6).toNumber();

/** Funnel stages a KPI belongs to (its own count or rate); null: all of them (a sales KPI, or one outside the funnel). */
export function stagesOf(kpi: string): StageName[] | null {
  const own = new Set([kpi, ...partsOf(kpi)]);
  const stages = stageNames.filter((s) => own.has(searchStages[s].count) || (searchStages[s].rate !== null && own.has(searchStages[s].rate)));
  return stages.length && explainRuleFor(kpi)?.name !== 'sales' ? stages : null;
}

/** Totals of the scope; money across currencies is not added (unknown until converted with --currency). */
type Total = (metric: string, rows: readonly AnswerRow[]) => Dec | null;
const totals = (mixedCurrency: boolean): Total => (metric, rows) => (mixedCurrency && usesMoney([metric]) ? null : decTotal(metric, rows));

const salesFacts = (rows: readonly AnswerRow[], digits: number, total: Total) => ({
  sessions: total('sessions', rows)?.toNumber() ?? null,
  units: total('units', rows)?.toNumber() ?? null,
  sales: total('sales', rows)?.toDecimalPlaces(digits).toString() ?? null,
});

/** The target as a plan: last period's sessions, units and sales scaled by target ÷ last period's KPI. */
function salesVsTarget(input: ExplainInput<ConfounderEvent>, targetToDate: Dec, previous: Dec | null, total: Total): SalesChange | null {
  if (!isAdditive(input.row.kpi) || previous === null || previous.lte(0)) return null;
  const before = salesFacts(input.before, input.digits, total);
  if (before.sessions === null || before.units === null || before.sales === null) return null;
  const k = targetToDate.div(previous);
  const plan = {
    sessions: k.mul(before.sessions).toString(), units: k.mul(before.units).toString(),
    sales: input.row.kpi === 'sales' ? targetToDate.toString() : k.mul(before.sales).toString(),
  };
  return decomposeSalesChange(plan, salesFacts(input.now, input.digits, total), input.digits);
}

function largestDrag(change: SalesChange | null): KpiExplanation['largest_drag'] {
  if (!change || change.traffic === null || change.conversion === null || change.price === null) return null;
  const parts = (['traffic', 'conversion', 'price'] as const).map((k) => [k, change[k] ?? 0] as const).filter(([, v]) => v < 0);
  return parts.sort((a, b) => a[1] - b[1])[0]?.[0] ?? null;
}

function driversOf(row: KpiRow, drivers: readonly string[], input: ExplainInput<ConfounderEvent>, total: Total): Driver[] {
  const ids = [...new Set([row.kpi, ...partsOf(row.kpi), ...drivers])].filter((m) => metricById.has(m));
  return ids.map((metric): Driver => {
    const [now, before] = [total(metric, input.now), total(metric, input.before)];
    const m = metricById.get(metric);
    return {
      metric, name: { zh: m?.zh ?? metric, en: m?.en ?? metric },
      now: round(metric, now, input.digits), before: round(metric, before, input.digits),
      change: now && before ? round(metric, now.minus(before), input.digits) : null,
    };
  });
}

/** The money parts: the sales decomposition, stock-outs and their cost, ads vs organic (none across currencies). */
function moneyParts(input: ExplainInput<ConfounderEvent>, has: (s: ExplainSection) => boolean, targetToDate: Dec, previous: Dec | null, total: Total) {
  const { digits } = input;
  const sameCurrency = !input.mixedCurrency;
  const vsPrevious = has('sales_change') && sameCurrency ? decomposeSalesChange(salesFacts(input.before, digits, total), salesFacts(input.now, digits, total), digits) : null;
  const vsTarget = has('sales_change') && sameCurrency ? salesVsTarget(input, targetToDate, previous, total) : null;
  const counted = has('stockouts') ? stockoutsOf(input.now, input.before, daysBetween(input.window.from, input.window.to) + 1, digits) : null;
  const adSales = (rows: readonly AnswerRow[]) => ({ sales: total('sales', rows)?.toString() ?? null, adSalesSameSku: total('ad_sales_same_sku', rows)?.toString() ?? null });
  return {
    sales: vsPrevious ? { vs_target: vsTarget, vs_previous: vsPrevious } : null,
    largest_drag: largestDrag(vsPrevious?.problem ? vsTarget : vsPrevious ?? vsTarget),
    // lost sales of ASINs selling in different currencies do not add up
    stockouts: counted && !sameCurrency ? { ...counted, lost_sales: null } : counted,
    ads_vs_organic: has('ads_vs_organic') && sameCurrency
      ? { now: adsVsOrganic(adSales(input.now), digits), before: adsVsOrganic(adSales(input.before), digits), change: adsVsOrganicChange(adSales(input.before), adSales(input.now), digits) }
      : null,
  };
}

export function explainKpi<E extends ConfounderEvent>(input: ExplainInput<E>): KpiExplanation<E> {
  const { row, digits } = input;
  const total = totals(input.mixedCurrency ?? false);
  const rule = explainRuleFor(row.kpi);
  const money = metricById.get(row.kpi)?.unit === 'money';
  const [actual, previous] = [total(row.kpi, input.now), total(row.kpi, input.before)];
  const targetToDate = isAdditive(row.kpi) ? dec(row.target).mul(String(row.expected_to_date)).toDecimalPlaces(money ? digits : 6) : dec(row.target);
  const parts = moneyParts(input, (s) => rule?.sections.includes(s) ?? false, targetToDate, previous, total);
  const stages = stagesOf(row.kpi);
  const notes = [
    ...(parts.stockouts?.asins.length ? [explainNote('stockout_estimate')] : []),
    ...(parts.sales?.vs_target ? [explainNote('target_plan')] : []),
    ...(input.locked ? [explainNote('locked_now')] : []),
    ...(input.mixedCurrency ? [explainNote('mixed_currency')] : []),
  ];
  const explanation: KpiExplanation<E> = {
    kpi: row.kpi, period: row.period, scope: row.scope, owner: row.owner, role: row.role, status: row.status, currency: row.currency,
    window: input.window, compared_to: input.previous,
    actual: round(row.kpi, actual, digits), target: row.target, target_to_date: targetToDate.toNumber(), previous: round(row.kpi, previous, digits),
    gap: {
      vs_target: actual ? round(row.kpi, actual.minus(targetToDate), digits) : null,
      vs_previous: actual && previous ? round(row.kpi, actual.minus(previous), digits) : null,
    },
    ...parts, drivers: driversOf(row, rule?.drivers ?? [], input, total),
    findings: input.findings.filter((f) => !stages || stages.includes(f.stage)), events: [...input.events], notes, text: { zh: [], en: [] },
  };
  explanation.text = explainLines(explanation, row);
  return explanation;
}
