import {
  eventsInWindow, explainKpi, explainMetrics, explainRuleFor, partsOf, rowsPerAsin,
  type AnswerRow, type Finding, type KpiExplanation, type KpiRow, type KpiTarget,
} from '../analysis/index.ts';
import { addDays, daysBetween } from '../domain/calendar.ts';
import { periodBefore } from '../domain/kpi-periods.ts';
import { currencyDigits } from '../domain/marketplaces.ts';
import { partialBaseText, type BaseCoverage } from '../domain/partial-base.ts';
import { comparedCoverage } from '../metrics/base-coverage.ts';
import { metricById } from '../metrics/catalog.ts';
import type { Database } from '../store/database.ts';
import { listEvents, type EventRecord } from '../store/events.ts';
import { listSpecialPeriods } from '../store/special-periods.ts';
import { diagnoseFunnels } from './funnel.ts';
import { kpiStatus, type KpiStatusAnswer, type KpiStatusInput } from './kpi.ts';
import { measureTargets } from './kpi-actuals.ts';

/**
 * `asterism kpi explain` (SPEC §5, "why was this KPI missed"): the rows of `kpi status` that are
 * behind (or the ones asked for), each explained from the data of its scope per ASIN: this period
 * up to the day it is paced against, the previous comparable period over as many days, the funnel
 * findings and the events of the period. The reasoning is pure (analysis/kpi-explain.ts).
 */
export interface KpiExplainInput extends KpiStatusInput {
  /** only this KPI (then every row of it, whatever its status) */
  kpi?: string | undefined;
  /** every row, not only those behind */
  all?: boolean | undefined;
}

export type RowExplanation = KpiExplanation<EventRecord> & {
  /** the compared period (`compared_to`) has data for a smaller share of its days than this one: its change is
   * not the business's (issue 15.3); said in `text` too */
  partial_base: BaseCoverage | null;
};

export interface KpiExplainAnswer {
  period: KpiStatusAnswer['period'];
  period_note: KpiStatusAnswer['period_note'];
  as_of: string;
  locked: boolean;
  restated: boolean;
  explanations: RowExplanation[];
}

const targetOf = (r: KpiRow): KpiTarget =>
  ({ kpi: r.kpi, period: r.period, scope: r.scope, owner: r.owner, role: r.role, target: r.target, weight: r.weight, priority: r.priority });

const keyOf = (marketplace: unknown, asin: unknown) => `${String(marketplace ?? '')}|${String(asin ?? '')}`;

/** Which rows to explain: those behind; with a KPI, every row of it; with `all`, every row the catalog knows. */
export function rowsToExplain(rows: readonly KpiRow[], input: Pick<KpiExplainInput, 'kpi' | 'all'>): KpiRow[] {
  const kpi = input.kpi?.trim().toLowerCase();
  return rows.filter((r) => r.no_data_reason?.code !== 'unknown_metric'
    && (kpi ? r.kpi === kpi : input.all || r.status === 'behind'));
}

/** Events of the window that concern the scope's ASINs (an event without an ASIN concerns all of them). */
function eventsOf(events: readonly EventRecord[], window: { from: string; to: string }, rows: readonly AnswerRow[], scope: Record<string, string>): EventRecord[] {
  const asins = rowsPerAsin(rows);
  const inWindow = eventsInWindow(events, window, { marketplace: scope.marketplace ?? null, store: scope.store ?? null, asin: scope.asin ?? null });
  if (asins.length === 0) return inWindow;
  return inWindow.filter((e) => asins.some((a) => eventsInWindow([e], window, a).length > 0));
}

/** Explanations of the given status answer's rows (the `explain` flag of `kpi status` uses this too). */
export async function explainRows(db: Database, status: KpiStatusAnswer, rows: readonly KpiRow[], input: Pick<KpiStatusInput, 'currency'>): Promise<RowExplanation[]> {
  const p = status.period;
  const window = { from: p.from, to: status.as_of < p.to ? status.as_of : p.to };
  if (rows.length === 0 || window.to < window.from) return [];
  const days = daysBetween(window.from, window.to) + 1;
  const before = periodBefore(p, await listSpecialPeriods(db));
  const previous = { label: before.label, from: before.from, to: [addDays(before.from, days - 1), before.to].sort()[0] as string };
  const targets = rows.map(targetOf);
  // every part of every number shown: a ratio over ASINs is the ratio of its summed parts
  const shown = [...explainMetrics, ...rows.flatMap((r) => [r.kpi, ...(explainRuleFor(r.kpi)?.drivers ?? [])])];
  const also = [...new Set(shown.flatMap((m) => (metricById.has(m) ? partsOf(m) : [])))];
  const options = { currency: input.currency, byAsin: true, also };
  const kpis = [...new Set(rows.map((r) => r.kpi).filter((k) => metricById.has(k)))];
  const [now, then, findings, events, coverage] = await Promise.all([
    measureTargets(db, targets, window, options),
    measureTargets(db, targets, previous, options),
    diagnoseFunnels(db, { ...window, by: ['marketplace', 'asin'] }),
    listEvents(db, window),
    kpis.length ? comparedCoverage(db, kpis, window, previous) : null,
  ]);
  return rows.map((row, i) => {
    const rowsNow = now.rows[i] ?? [];
    const asins = new Set(rowsNow.map((r) => keyOf(r.marketplace, r.asin)));
    const currencies = [...new Set(rowsNow.map((r) => r.currency).filter((c): c is string => typeof c === 'string'))];
    const currency = row.currency ?? currencies[0] ?? null;
    const explained = explainKpi<EventRecord>({
      row, window, previous, now: rowsNow, before: then.rows[i] ?? [], digits: currency ? currencyDigits(currency) : 2,
      findings: findings.filter((f: Finding<EventRecord>) => asins.has(keyOf(f.scope.marketplace, f.scope.asin))),
      events: eventsOf(events, window, rowsNow, row.scope), locked: status.locked, mixedCurrency: currencies.length > 1,
    });
    const partial = metricById.has(row.kpi) ? coverage?.partialOf(row.kpi, row.scope.marketplace?.toUpperCase()) ?? null : null;
    if (!partial) return { ...explained, partial_base: null };
    const said = partialBaseText(partial);
    const compared = `${previous.from} – ${previous.to}`;
    return {
      ...explained, partial_base: partial,
      text: { zh: [...explained.text.zh, `对比期 ${compared}：${said.zh}`], en: [...explained.text.en, `compared period ${compared}: ${said.en}`] },
    };
  });
}

export async function kpiExplain(db: Database, input: KpiExplainInput): Promise<KpiExplainAnswer> {
  const status = await kpiStatus(db, input);
  const explanations = await explainRows(db, status, rowsToExplain(status.rows, input), input);
  return { period: status.period, period_note: status.period_note, as_of: status.as_of, locked: status.locked, restated: status.restated, explanations };
}
