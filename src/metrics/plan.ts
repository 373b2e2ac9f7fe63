import { metricById, type MetricDefinition } from './catalog.ts';
import { facts, type FactId } from './facts.ts';
import { measureById, type Measure, type MeasureId } from './measures.ts';

/** The base measures a set of metrics needs, found by walking ratios and formulas down to measures. */
export function measuresOf(metricIds: readonly string[]): MeasureId[] {
  const found = new Set<MeasureId>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const m = metricById.get(id);
    if (!m) throw new Error(`catalog: metric ${id} is referenced but not declared`);
    const a = m.aggregation;
    switch (a.kind) {
      case 'ratio':
        visit(a.numerator);
        visit(a.denominator);
        break;
      case 'formula':
        a.terms.forEach((t) => visit(t.metric));
        if (a.requires) visit(a.requires);
        break;
      default:
        found.add(a.measure);
    }
  };
  metricIds.forEach(visit);
  return [...found];
}

export const usesMoney = (metricIds: readonly string[]): boolean =>
  measuresOf(metricIds).some((id) => (measureById[id] as Measure).money === true);

/** Metrics read from Brand Analytics, whose rows are Amazon weeks (Sunday–Saturday), months or quarters. */
export const readsAmazonWeeks = (metricIds: readonly string[]): boolean =>
  measuresOf(metricIds).some((id) => facts[(measureById[id] as Measure).fact].amazonWeeks === true);

export function metric(id: string): MetricDefinition {
  const m = metricById.get(id);
  if (!m) throw new Error(`catalog: metric ${id} is not declared`);
  return m;
}

/** The names (zh, en) of the fact sources a set of metrics reads, in catalog order: what a reader must import. */
export function sourceNamesOf(metricIds: readonly string[]): { zh: string[]; en: string[] } {
  const ids = factsOf(metricIds);
  return { zh: ids.map((id) => facts[id].name.zh), en: ids.map((id) => facts[id].name.en) };
}

/** The fact sources a set of metrics reads. */
export const factsOf = (metricIds: readonly string[]): FactId[] =>
  [...new Set(measuresOf(metricIds).map((id) => (measureById[id] as Measure).fact))];

/** Facts whose rows are dated by the profit basis (order or posted date). */
const basisFacts: readonly FactId[] = ['transactions', 'landed_costs', 'storage_fees'];

/** Whether an answer to these metrics depends on the profit basis (and must name it). */
export const readsProfitBasis = (metricIds: readonly string[]): boolean => factsOf(metricIds).some((f) => basisFacts.includes(f));

/** Whether these metrics read settlement lines, whose unsettled orders the fee tables may price. */
export const readsTransactions = (metricIds: readonly string[]): boolean => factsOf(metricIds).some((f) => f === 'transactions' || f === 'landed_costs');
