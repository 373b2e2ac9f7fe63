import type { Dialect } from '../../store/dialect.ts';
import type { DimensionId } from '../dimensions.ts';

/**
 * Which rows fit a question, written once for every source (a fact read live, the precedence inside a
 * derived source, the rollup). A row covers the days `from`..`to` (a day row: one day; a Business Report
 * for a month: the month). It is read when it overlaps the period, and counts only when it lies inside the
 * period and inside one bucket of the answer's time grain; the rows read that do not count are reported.
 */
export interface FitRule {
  /** the period's first and last day as SQL (bound parameters), where the question has them */
  from?: string | undefined;
  to?: string | undefined;
  /** the answer's time grains a row must not straddle */
  grains: readonly TimeGrain[];
}

export type TimeGrain = 'date' | 'week' | 'month';

/** The time grains among a question's dimensions, in the order asked. */
export const timeGrains = (dims: readonly DimensionId[]): TimeGrain[] =>
  dims.filter((d): d is TimeGrain => d === 'date' || d === 'week' || d === 'month');

/** The conditions (ANDed; none: every row) under which a row covering `from`..`to` counts. */
export function fitConditions(rule: FitRule, from: string, to: string, dialect: Dialect): string[] {
  const parts: string[] = [];
  if (rule.from) parts.push(`${from} >= ${rule.from}`);
  if (rule.to) parts.push(`${to} <= ${rule.to}`);
  for (const grain of rule.grains) {
    if (grain === 'date') parts.push(`${from} = ${to}`);
    if (grain === 'week') parts.push(`${dialect.weekStart(from)} = ${dialect.weekStart(to)}`);
    if (grain === 'month') parts.push(`${dialect.monthStart(from)} = ${dialect.monthStart(to)}`);
  }
  return parts;
}

/** The conditions under which a row covering `from`..`to` overlaps the period (is read at all). */
export function overlapConditions(rule: Pick<FitRule, 'from' | 'to'>, from: string, to: string): string[] {
  return [rule.from ? `${to} >= ${rule.from}` : '', rule.to ? `${from} <= ${rule.to}` : ''].filter(Boolean);
}

export const allOf = (conditions: readonly string[]): string => (conditions.length ? conditions.join(' AND ') : 'TRUE');
