import type { Direction } from '../metrics/catalog.ts';
import { round4 } from './ratio.ts';

/** How a KPI stands against its pace (cli.md `kpi status`). */
export type KpiStatus = 'ahead' | 'on_track' | 'behind' | 'no_data';

/**
 * The tolerance band, as data: attainment within 5% of the pace (0.95 … 1.05 of what was expected
 * by now) is on track; above it ahead, below it behind. One number a manager can argue about.
 */
export const paceBand = { onTrack: 0.05 } as const;

/**
 * Lower is better with an actual of 0 (no refunds, no defects) has no finite target ÷ actual: it
 * counts as this much, the most any KPI shows. Scorecards cap every KPI lower still (scorecard.ts).
 */
export const zeroActualAttainment = 2;

/**
 * actual ÷ target when higher is better; target ÷ actual when lower is better; for a neutral KPI
 * (days of cover) closeness: the smaller of the two ratios, so 20% over counts like 20% under.
 * null without data or without a usable target.
 */
export function attainment(direction: Direction, target: number, actual: number | null): number | null {
  if (actual === null || !Number.isFinite(actual)) return null;
  if (direction === 'lower') {
    if (actual === 0) return target >= 0 ? zeroActualAttainment : null;
    return round4(target / actual);
  }
  if (target === 0) return null;
  const ratio = actual / target;
  if (direction === 'neutral') return ratio <= 0 ? 0 : round4(Math.min(ratio, 1 / ratio));
  return round4(ratio);
}

/**
 * The share of the period's target expected by now. Only additive KPIs (sales, units, sessions)
 * build up over a period; a rate or a snapshot (ACoS, CTR, stock) should sit at its target all along.
 */
export interface PaceInput {
  additive: boolean;
  /** days elapsed (asOf included) and days in the period */
  elapsedDays: number;
  periodDays: number;
  /** last year's daily values over the comparable period, in order: the seasonal shape */
  shape?: readonly (number | null)[] | null;
}

export function expectedToDate(input: PaceInput): { expected: number; pacing: 'flat' | 'linear' | 'seasonal' } {
  if (!input.additive) return { expected: 1, pacing: 'flat' };
  const share = input.periodDays > 0 ? Math.min(1, Math.max(0, input.elapsedDays / input.periodDays)) : 1;
  const seasonal = input.shape ? seasonalShare(input.shape, share) : null;
  return seasonal === null ? { expected: round4(share), pacing: 'linear' } : { expected: round4(seasonal), pacing: 'seasonal' };
}

/**
 * The share of last year's total reached at the same fraction of its period: the days before that
 * point in full, the day it falls in pro rata (periods of different lengths line up by fraction).
 * null when last year's total is not positive or any day is unknown: then pacing stays linear.
 */
export function seasonalShare(shape: readonly (number | null)[], fraction: number): number | null {
  if (shape.length === 0 || shape.some((v) => v === null || v < 0)) return null;
  const days = shape as readonly number[];
  const total = days.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const position = fraction * days.length;
  const whole = Math.floor(position);
  const before = days.slice(0, whole).reduce((a, b) => a + b, 0);
  const part = (days[whole] ?? 0) * (position - whole);
  return (before + part) / total;
}

/** ahead / on_track / behind by attainment against the pace, within the band; no_data without an attainment. */
export function paceStatus(attained: number | null, expected: number, band = paceBand): KpiStatus {
  if (attained === null) return 'no_data';
  // nothing expected yet (the period has not started): anything achieved is ahead
  if (expected <= 0) return attained > 0 ? 'ahead' : 'on_track';
  // compared at the 4 places shown, so 0.38 against 0.40 (exactly 95%) is on track whatever the float says
  const pace = round4(attained / expected);
  if (pace > 1 + band.onTrack) return 'ahead';
  if (pace < 1 - band.onTrack) return 'behind';
  return 'on_track';
}
