import type { Problem } from '../../domain/errors.ts';
import type { Aggregation } from '../catalog.ts';
import type { DimensionId } from '../dimensions.ts';
import { facts, type FactId } from '../facts.ts';
import { measureById, type MeasureId } from '../measures.ts';
import { measuresOf, metric, usesMoney } from '../plan.ts';
import type { ValidRequest } from '../request.ts';
import { partColumns } from './aggregation.ts';
import { measureColumn, type PlanColumn } from './columns.ts';
import { rollupServes, weekLevelServes, type RollupCoverage } from '../rollup.ts';
import { unsupportedReason } from '../fact-query.ts';

/**
 * A question as a typed plan, before any SQL: which sources answer it (each fact read live, or the rollup
 * for several at once), what each source hands up (typed columns), which measures nobody can answer, and
 * each metric as an expression over those columns. A renderer (compiler.ts with the DuckDB dialect) turns
 * it into one statement.
 */
export interface QueryPlan {
  request: ValidRequest;
  dims: DimensionId[];
  /** money grouped by currency (no --currency, money asked), converted into --currency, or none asked */
  currency: 'split' | 'converted' | 'none';
  /** asked by a product key or filtered by ASIN or SKU: ads read at the advertised-product level */
  needsProductKeys: boolean;
  sources: SourcePlan[];
  /** measures no source can answer for this question: their metrics are null */
  unavailable: ReadonlySet<MeasureId>;
  problems: Problem[];
  /** the facts asked, in the order their measures were met */
  factsAsked: FactId[];
  /** each asked metric as an expression over the sources' summed columns */
  metrics: { id: string; expr: MetricExpr }[];
  /** per formula metric with missingAsZero: which parts had no data */
  missingParts: { metric: string; part: string; expr: MetricExpr; column: PlanColumn }[];
  /** per metric whose sources are named: the column counting each label's rows */
  sourceColumns: { metric: string; label: string; column: PlanColumn }[];
}

/** One fact read from its own tables, aggregated to the answer's grain. */
export interface FactSourcePlan {
  kind: 'fact';
  fact: FactId;
  measures: MeasureId[];
  /** count rows per source label (the metrics asked name their sources) */
  labelSources: boolean;
  columns: PlanColumn[];
}

/** Several facts read from the ASIN rollup at once (their parts pre-summed, rows kept with their dates). */
export interface RollupSourcePlan {
  kind: 'rollup';
  byFact: ReadonlyMap<FactId, MeasureId[]>;
  labelled: ReadonlySet<FactId>;
  /** facts with rows spanning days other than whole weeks; unknown: any */
  ranged?: ReadonlySet<FactId> | undefined;
  columns: PlanColumn[];
  /** per fact, its rows left out as not fitting: counted once for the whole answer, apart */
  unfitColumns: PlanColumn[];
}

export type SourcePlan = FactSourcePlan | RollupSourcePlan;

/** A metric over the summed columns; ratios are ratios of sums, zero-safe. */
export type MetricExpr =
  | { kind: 'null' }
  | { kind: 'column'; column: PlanColumn }
  /** weighted average: numerator over denominator */
  | { kind: 'weighted'; measure: MeasureId }
  /** a native value, known only where exactly one native row was summed */
  | { kind: 'native'; measure: MeasureId }
  | { kind: 'ratio'; numerator: MetricExpr; denominator: MetricExpr; scale?: number | undefined }
  /** signed sum; `missingAsZero`: a missing part counts 0, the whole is null when every `nullWhen` is */
  | { kind: 'formula'; terms: { expr: MetricExpr; sign: 1 | -1 }[]; missingAsZero: boolean; nullWhen: MetricExpr[] };

const productKeyDims: readonly DimensionId[] = ['asin', 'sku', 'parent_asin', 'product', 'owner'];

/** The plan of a question: sources chosen (live or rollup), columns each hands up, metrics over them. */
export function planQuery(request: ValidRequest, rollup: RollupCoverage = new Set()): QueryPlan {
  const problems: Problem[] = [];
  const dims = request.by;
  const currency = request.currency ? 'converted' : usesMoney(request.metrics) ? 'split' : 'none';
  const needsProductKeys = dims.some((d) => productKeyDims.includes(d)) || Boolean(request.asin || request.sku);

  const byFact = new Map<FactId, MeasureId[]>();
  for (const id of measuresOf(request.metrics)) {
    const fact = measureById[id].fact;
    byFact.set(fact, [...(byFact.get(fact) ?? []), id]);
  }
  // facts whose rows are counted per source label: those behind the metrics whose sources are named
  const labelled = new Set(measuresOf(request.sourcesOf ?? request.metrics).map((m) => measureById[m].fact));
  const unavailable = new Set<MeasureId>();
  const sources: SourcePlan[] = [];
  const fromRollup = new Map<FactId, MeasureId[]>();
  const live = (fact: FactId, ids: MeasureId[]): FactSourcePlan =>
    ({ kind: 'fact', fact, measures: ids, labelSources: labelled.has(fact), columns: factColumns(fact, ids, currency === 'converted', labelled.has(fact)) });
  for (const [factId, ids] of byFact) {
    const reason = unsupportedReason(facts[factId], dims, request);
    if (reason) {
      ids.forEach((id) => unavailable.add(id));
      problems.push({ code: 'not_answerable', severity: 'warning', message: `${ids.join(', ')}: null, because ${reason.en}`, message_zh: `${ids.join('、')}：为空，因为${reason.zh}` });
      continue;
    }
    if (rollupServes(factId, ids, request, needsProductKeys, rollup)) {
      fromRollup.set(factId, ids);
      continue;
    }
    sources.push(live(factId, ids));
  }
  // the rollup pays where it replaces several scans, or where its week level serves the period; else one
  // source alone is read narrower from its own table
  if (fromRollup.size === 1 && !weekLevelServes(request, dims)) {
    for (const [factId, ids] of fromRollup) sources.push(live(factId, ids));
    fromRollup.clear();
  }
  if (fromRollup.size) sources.push(rollupSource(fromRollup, labelled, rollup.ranged));

  const missingParts: QueryPlan['missingParts'] = [];
  const expr = metricExpr(unavailable);
  for (const id of request.metrics) {
    const a = metric(id).aggregation;
    if (a.kind === 'formula' && a.missingAsZero && a.requires) {
      for (const t of a.terms) missingParts.push({ metric: id, part: t.metric, expr: expr(t.metric), column: { kind: 'missing_part', metric: id, part: t.metric } });
    }
  }
  const sourceColumns: QueryPlan['sourceColumns'] = [];
  for (const id of request.sourcesOf ?? request.metrics) {
    for (const m of measuresOf([id])) {
      const fact = facts[measureById[m].fact];
      if (unavailable.has(m) || !fact.sources) continue;
      fact.sources.labels.forEach((label, index) => {
        if (!sourceColumns.some((s) => s.metric === id && s.label === label)) sourceColumns.push({ metric: id, label, column: { kind: 'source_rows', fact: fact.id, index } });
      });
    }
  }
  return {
    request, dims, currency, needsProductKeys, sources, unavailable, problems, factsAsked: [...byFact.keys()],
    metrics: request.metrics.map((id) => ({ id, expr: expr(id) })), missingParts, sourceColumns,
  };
}

/** What a fact read live hands up: its measures' parts, FX problem counts, row counts, rows per source label. */
function factColumns(fact: FactId, ids: readonly MeasureId[], converted: boolean, labelSources: boolean): PlanColumn[] {
  const columns: PlanColumn[] = [];
  for (const id of ids) {
    columns.push(...partColumns(id));
    if (converted && measureById[id].money) columns.push({ kind: 'fx_missing', measure: id });
  }
  if (converted && ids.some((id) => measureById[id].money)) columns.push({ kind: 'fx_stale', fact });
  columns.push({ kind: 'unfit_rows', fact }, { kind: 'fitting_rows', source: fact });
  for (const index of (labelSources ? facts[fact].sources?.labels ?? [] : []).keys()) columns.push({ kind: 'source_rows', fact, index });
  return columns;
}

function rollupSource(byFact: ReadonlyMap<FactId, MeasureId[]>, labelled: ReadonlySet<FactId>, ranged: ReadonlySet<FactId> | undefined): RollupSourcePlan {
  const columns: PlanColumn[] = [];
  for (const [fact, ids] of byFact) {
    for (const id of ids) columns.push(...partColumns(id));
    for (const index of (labelled.has(fact) ? facts[fact].sources?.labels ?? [] : []).keys()) columns.push({ kind: 'source_rows', fact, index });
  }
  // every row read holds a fitting row of an asked fact: one count says whether a group holds any
  columns.push({ kind: 'fitting_rows', source: 'rollup' });
  return { kind: 'rollup', byFact, labelled, ranged, columns, unfitColumns: [...byFact.keys()].map((fact) => ({ kind: 'unfit_rows', fact })) };
}

/** Each catalog metric as an expression tree over measure columns, down through ratios and formulas. */
function metricExpr(unavailable: ReadonlySet<MeasureId>) {
  const expr = (id: string): MetricExpr => {
    const a: Aggregation = metric(id).aggregation;
    switch (a.kind) {
      case 'sum': case 'snapshot':
        return unavailable.has(a.measure) ? { kind: 'null' } : { kind: 'column', column: measureColumn(a.measure) };
      case 'weighted': case 'native':
        return unavailable.has(a.measure) ? { kind: 'null' } : { kind: a.kind, measure: a.measure };
      case 'ratio':
        return { kind: 'ratio', numerator: expr(a.numerator), denominator: expr(a.denominator), scale: a.scale };
      case 'formula':
        return {
          kind: 'formula', terms: a.terms.map((t) => ({ expr: expr(t.metric), sign: t.sign })), missingAsZero: Boolean(a.missingAsZero),
          nullWhen: a.requires ? [expr(a.requires)] : a.terms.map((t) => expr(t.metric)),
        };
    }
  };
  return expr;
}
