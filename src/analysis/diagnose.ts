import { atStakeOf, type AtStake, type ScopePrice } from './at-stake.ts';
import type { Benchmark } from './benchmarks.ts';
import { diagnosisRules } from './diagnosis-rules.ts';
import { eventsInWindow, type ConfounderEvent, type DateWindow } from './events.ts';
import type { FunnelRow, FunnelStage } from './funnel.ts';
import { stageMetrics, type FunnelSource, type StageName } from './funnel-stages.ts';
import type { Note } from './messages.ts';
import { round4 } from './ratio.ts';

/**
 * How far below the low bound: `warning` below it, `critical` below half of it (a CTR of 0.19%
 * against a 0.4% bound is critical, 0.31% a warning).
 */
export type Severity = 'warning' | 'critical';
export const criticalShareOfLow = 0.5;

/** In the first 30 days only these stages are diagnosed (the seeds: look at CTR and cart-add rate first). */
export const firstMonthStages: readonly StageName[] = ['click', 'cart'];

export interface DiagnoseContext<E extends ConfounderEvent = ConfounderEvent> {
  /** the period the funnel covers: events overlapping it are the confounders */
  window: DateWindow;
  events?: readonly E[];
  /** numbers from outside the funnel to show as evidence where a rule asks: rating_avg, ratings, ad_impressions … */
  facts?: Readonly<Record<string, number | null>>;
  /** the scope's average selling price in the period: what prices the money at stake */
  price?: ScopePrice;
}

/** One finding in the `diagnose` shape of spec/cli.md. */
export interface Finding<E extends ConfounderEvent = ConfounderEvent> {
  scope: Record<string, string | null>;
  stage: StageName;
  metric: string;
  value: number;
  benchmark: Benchmark;
  severity: Severity;
  evidence: Record<string, number | null>;
  actions: { zh: string[]; en: string[] };
  confounders: E[];
  source: FunnelSource;
  notes: Note[];
  /** the sales the leak costs in the period (the rule's formula), null with a reason when unknown */
  at_stake: AtStake;
}

export function severityOf(value: number, low: number): Severity {
  return value < low * criticalShareOfLow ? 'critical' : 'warning';
}

/** The judged number at full precision: count ÷ base for a rate, the count where there is no rate. */
function fullValue(stage: FunnelStage): number | null {
  if (stage.count === null) return null;
  if (stage.rate === null) return stage.count;
  return stage.base ? stage.count / stage.base : null;
}

function evidenceFor(row: FunnelRow, stage: FunnelStage, facts: Readonly<Record<string, number | null>>): Record<string, number | null> {
  const names = stageMetrics(row.source, stage.stage);
  const evidence: Record<string, number | null> = {};
  if (names?.base) evidence[names.base] = stage.base;
  if (names) evidence[names.count] = stage.count;
  if (stage.market != null) evidence[`market_${stage.metric}`] = stage.market;
  if (stage.trailing != null) evidence[`trailing_${stage.metric}`] = stage.trailing;
  if (stage.cart_to_order_rate !== undefined) evidence.cart_to_order_rate = stage.cart_to_order_rate;
  const known: Record<string, unknown> = {
    ...row.detail, buy_box_benchmark_low: row.detail.buy_box_benchmark?.low, impression_share: stage.impression_share, ...facts,
  };
  for (const id of diagnosisRules[stage.stage].evidence) {
    const v = known[id];
    if (typeof v === 'number' || v === null) evidence[id] = v;
  }
  return evidence;
}

/** The finding's scope: the funnel's key, with the marketplace it was judged in. */
function scopeOf(row: FunnelRow): Record<string, string | null> {
  return 'marketplace' in row.key || row.marketplace === null ? { ...row.key } : { ...row.key, marketplace: row.marketplace };
}

/**
 * One finding per stage whose status is `low` (only CTR and cart-add rate in a listing's first 30
 * days), with its evidence, the actions of its rule and the events in the window as confounders.
 */
export function diagnose<E extends ConfounderEvent>(row: FunnelRow, context: DiagnoseContext<E>): Finding<E>[] {
  const scope = scopeOf(row);
  const confounders = eventsInWindow(context.events ?? [], context.window, { asin: scope.asin, marketplace: scope.marketplace, store: scope.store });
  const findings: Finding<E>[] = [];
  for (const stage of row.stages) {
    const value = fullValue(stage);
    if (stage.status !== 'low' || value === null || stage.benchmark?.low == null) continue;
    if (row.first_30_days && !firstMonthStages.includes(stage.stage)) continue;
    const rule = diagnosisRules[stage.stage];
    findings.push({
      scope, stage: stage.stage, metric: stage.metric, value: stage.rate === null ? value : round4(value),
      benchmark: stage.benchmark, severity: severityOf(value, stage.benchmark.low),
      evidence: evidenceFor(row, stage, context.facts ?? {}),
      actions: { zh: [...rule.actions.zh], en: [...rule.actions.en] },
      confounders, source: row.source, notes: row.notes,
      at_stake: atStakeOf(row, stage, context.price),
    });
  }
  return findings;
}
