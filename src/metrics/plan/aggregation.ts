import { measureById, type MeasureAggregation, type MeasureId } from '../measures.ts';
import { measureColumn, type MeasurePart, type PlanColumn } from './columns.ts';

/**
 * How each kind of measure is summed, written once: the parts a source's rows are aggregated into
 * (`partials`), and how parts already aggregated (the rollup's stored rows, or several sources stacked)
 * are combined (`combined`). A source read live and the rollup use the same parts, so they agree by
 * construction. Snapshots (the last value in the period) are not additive: only a live source has them.
 */
export interface PartialAggregate { column: PlanColumn; part: MeasurePart; sql: string }

/**
 * `value` and `weight` are SQL of one row's value and weight; `keep`, where given, is SQL saying the row
 * counts (fits the period and grain): the others are aggregated as if absent.
 */
export function partials(id: MeasureId, value: string, weight: string | undefined, keep?: string): PartialAggregate[] {
  const m = measureById[id];
  const kept = keep ? `CASE WHEN ${keep} THEN ${value} END` : value;
  const present = `${keep ? `${keep} AND ` : ''}${value} IS NOT NULL`;
  const part = (p: MeasurePart, sql: string): PartialAggregate => ({ column: measureColumn(id, p), part: p, sql });
  switch (m.aggregation) {
    case 'sum': return [part('value', `SUM(${kept})`)];
    case 'count': return [part('value', `COUNT(${kept})`)];
    case 'count_distinct': return [part('value', `COUNT(DISTINCT ${kept})`)];
    case 'weighted':
      return [part('numerator', `SUM(CASE WHEN ${present} THEN (${value}) * ${weight ?? 'NULL'} END)`), part('denominator', `SUM(CASE WHEN ${present} THEN ${weight ?? 'NULL'} END)`)];
    case 'native': return [part('value', `SUM(${kept})`), part('native_rows', `SUM(CASE WHEN ${present} THEN 1 ELSE 0 END)`)];
    case 'snapshot': return [];
  }
}

/** The columns a measure's parts leave, in order (what `partials` writes). */
export function partColumns(id: MeasureId): PlanColumn[] {
  const a = measureById[id].aggregation;
  return partsOf(a).map((p) => measureColumn(id, p));
}

function partsOf(a: MeasureAggregation): MeasurePart[] {
  return a === 'weighted' ? ['numerator', 'denominator'] : a === 'native' ? ['value', 'native_rows'] : ['value'];
}

/** A count over no values is unknown (null), not 0. */
const countsToNull = (a: MeasureAggregation, part: MeasurePart) => (a === 'count' || a === 'count_distinct') && part === 'value';

/** One source's parts as its answer column: a count of nothing becomes null. */
export function finished(id: MeasureId, p: PartialAggregate): string {
  return countsToNull(measureById[id].aggregation, p.part) ? `NULLIF(${p.sql}, 0)` : p.sql;
}

/** Parts already aggregated (stored `column`), summed again to a coarser grain. */
export function combined(id: MeasureId, part: MeasurePart, column: string): string {
  return countsToNull(measureById[id].aggregation, part) ? `NULLIF(SUM(${column}), 0)` : `SUM(${column})`;
}

/** Whether the rollup can hold a measure: its parts add up (a snapshot's last value does not). */
export const additive = (id: MeasureId): boolean => measureById[id].aggregation !== 'snapshot';
