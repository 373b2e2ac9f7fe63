import type { BaseCoverage } from '../domain/partial-base.ts';
import { metricById } from '../metrics/catalog.ts';
import type { Benchmark } from './benchmarks.ts';
import { isAdditive } from './kpi-combine.ts';
import { guardTargets, type GuardFinding } from './kpi-guards.ts';
import { attainment, expectedToDate, paceStatus, type KpiStatus } from './kpi-pacing.ts';
import { noDataReason, type NoDataReason } from './kpi-messages.ts';
import { roleOf } from './kpi-roles.ts';
import { scorecards, type Scorecard } from './kpi-scorecard.ts';

/** A target row of the targets file (cli.md "Master-data files"), its period already resolved. */
export interface KpiTarget {
  kpi: string;
  period: string;
  /** store, marketplace, asin, parent_asin, product_line, tier: only those set */
  scope: Record<string, string>;
  owner: string | null;
  role: string | null;
  target: number;
  weight: number | null;
  priority: number | null;
}

/** What the data says about one target's scope. */
export interface KpiFacts {
  actual: number | null;
  currency: string | null;
  /** last year's daily values over the comparable period (seasonal pacing) */
  shape?: readonly (number | null)[] | null;
  /** the last comparable period's actual, additive KPIs scaled to this period's days (history guard) */
  history?: number | null;
  benchmark?: Benchmark | null;
  /** the data cannot answer this KPI for this period (Brand Analytics and an ISO week …): no actual, said why */
  noDataReason?: NoDataReason | null;
}

/** One row of `asterism kpi status --json` (cli.md; extra fields after the contract's). */
export interface KpiRow {
  kpi: string;
  period: string;
  scope: Record<string, string>;
  owner: string | null;
  role: string | null;
  target: number;
  actual: number | null;
  attainment: number | null;
  expected_to_date: number;
  status: KpiStatus;
  locked: boolean;
  currency: string | null;
  weight: number | null;
  priority: number | null;
  pacing: 'flat' | 'linear' | 'seasonal';
  /** why `actual` (or attainment) is null: set on every `no_data` row; null otherwise */
  no_data_reason: NoDataReason | null;
  /** the last comparable period (the history guard's base) has data for a smaller share of its days than this
   * one: its actual is not compared with the target (issue 15.3); absent otherwise and on locked rows */
  partial_base?: BaseCoverage;
}

export interface Elapsed {
  elapsedDays: number;
  periodDays: number;
}

export function judgeKpi(target: KpiTarget, facts: KpiFacts, elapsed: Elapsed): KpiRow {
  const metric = metricById.get(target.kpi);
  const given = facts.noDataReason ?? null;
  // a number the data cannot give for this period is unknown, never a partial count
  const actual = given ? null : facts.actual;
  const attained = metric ? attainment(metric.direction, target.target, actual) : null;
  // a known actual without attainment: only a target of 0 (or below) leaves none
  const reason = given ?? (actual !== null && attained === null ? noDataReason('zero_target') : null);
  const { expected, pacing } = expectedToDate({ additive: isAdditive(target.kpi), ...elapsed, shape: facts.shape ?? null });
  return {
    kpi: target.kpi, period: target.period, scope: target.scope, owner: target.owner, role: roleOf(target.role) ?? target.role,
    target: target.target, actual, attainment: attained, expected_to_date: expected,
    status: paceStatus(attained, expected), locked: false,
    currency: facts.currency, weight: target.weight, priority: target.priority, pacing, no_data_reason: reason,
  };
}

export interface KpiReview {
  rows: KpiRow[];
  scorecards: { people: Scorecard[]; roles: Scorecard[] };
  findings: GuardFinding[];
}

/** Targets and their facts (same order) → rows, scorecards per person and role, and the guards' findings. */
export function reviewKpis(targets: readonly KpiTarget[], facts: readonly KpiFacts[], elapsed: Elapsed): KpiReview {
  const rows = targets.map((t, i) => judgeKpi(t, facts[i] ?? { actual: null, currency: null }, elapsed));
  const findings = guardTargets(targets.map((t, i) => ({
    kpi: t.kpi, scope: t.scope, owner: t.owner, role: t.role, target: t.target, priority: t.priority,
    history: facts[i]?.history ?? null, benchmark: facts[i]?.benchmark ?? null,
  })));
  return { rows, scorecards: scorecards(rows), findings };
}
