import type { DimensionId } from '../dimensions.ts';
import type { FactId } from '../facts.ts';
import type { MeasureId } from '../measures.ts';

/**
 * The columns a query plan passes from its sources to the answer, as typed records. Their SQL names are
 * spelled in `columnName` only: nothing reads a name back to learn what a column holds.
 */
export type PlanColumn =
  /** a dimension of the answer's grain, or the currency money is grouped by */
  | { kind: 'dimension'; dim: DimensionId }
  | { kind: 'currency' }
  /** a measure summed over the rows that fit: its value, or its parts (weighted: numerator and
   * denominator; native: how many native rows were summed) */
  | { kind: 'measure'; measure: MeasureId; part: MeasurePart }
  /** rows of a fact (or of the rollup) that fit the period and grain: a group without any is dropped */
  | { kind: 'fitting_rows'; source: FactId | 'rollup' }
  /** rows of a fact left out as not fitting the period or grain (a problem, counted over the answer) */
  | { kind: 'unfit_rows'; fact: FactId }
  /** fitting rows of a fact that came from its `index`-th source label */
  | { kind: 'source_rows'; fact: FactId; index: number }
  /** rows of a money measure without an FX rate into the asked currency */
  | { kind: 'fx_missing'; measure: MeasureId }
  /** rows of a fact converted with a rate more than 31 days older than their day */
  | { kind: 'fx_stale'; fact: FactId }
  /** the rollup's week level: of a fact's rows summed into a week, those that were one whole week */
  | { kind: 'week_rows'; fact: FactId }
  /** a formula metric's part had no data (shown beside the answer as `missing`) */
  | { kind: 'missing_part'; metric: string; part: string };

export type MeasurePart = 'value' | 'numerator' | 'denominator' | 'native_rows';

/** The one place a plan column's SQL name is spelled. */
export function columnName(c: PlanColumn): string {
  switch (c.kind) {
    case 'dimension': return `d_${c.dim}`;
    case 'currency': return 'd_currency';
    case 'measure':
      switch (c.part) {
        case 'value': return `m_${c.measure}`;
        case 'numerator': return `m_${c.measure}_num`;
        case 'denominator': return `m_${c.measure}_den`;
        case 'native_rows': return `n_${c.measure}`;
      }
      break;
    case 'fitting_rows': return `k_${c.source}`;
    case 'unfit_rows': return `q_unfit_${c.fact}`;
    case 'source_rows': return `s_${c.fact}_${c.index}`;
    case 'fx_missing': return `q_fx_${c.measure}`;
    case 'fx_stale': return `q_fxstale_${c.fact}`;
    case 'week_rows': return `w_${c.fact}`;
    case 'missing_part': return `z_${c.metric}__${c.part}`;
  }
  throw new Error('plan: unknown column');
}

/** Counts of problems: summed over the whole answer, not per group. */
export const isProblemCount = (c: PlanColumn): boolean => c.kind === 'unfit_rows' || c.kind === 'fx_missing' || c.kind === 'fx_stale';

export const measureColumn = (measure: MeasureId, part: MeasurePart = 'value'): PlanColumn => ({ kind: 'measure', measure, part });
export const dimensionColumn = (dim: DimensionId): PlanColumn => ({ kind: 'dimension', dim });
