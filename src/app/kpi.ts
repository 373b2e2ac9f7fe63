import { say } from '../domain/messages.ts';
import {
  benchmarkFor, combine, isAdditive, noDataReason, reviewKpis, scorecards, tiers,
  type GuardFinding, type KpiFacts, type KpiRow, type KpiTarget, type NoDataReason, type Scorecard, type Text, type Tier, type Values,
} from '../analysis/index.ts';
import { AsterismError, problemOf, type Problem } from '../domain/errors.ts';
import {
  daysIn, elapsedDays, fitsAmazonWeeks, parseCalendarPeriod, parsePeriod, periodBefore, periodYearBefore, type KpiPeriod, type SpecialPeriod,
} from '../domain/kpi-periods.ts';
import { todayIn } from '../domain/local-date.ts';
import { marketplaces } from '../domain/marketplaces.ts';
import type { BaseCoverage } from '../domain/partial-base.ts';
import { comparedCoverage } from '../metrics/base-coverage.ts';
import { metricById } from '../metrics/catalog.ts';
import { factsOf as sourcesRead, readsAmazonWeeks, sourceNamesOf } from '../metrics/plan.ts';
import type { QueryRow } from '../metrics/query.ts';
import { listBenchmarkOverrides } from '../store/benchmark-overrides.ts';
import type { Database } from '../store/database.ts';
import { importsCovering, readKpiLock, saveKpiLock, type ImportEntry, type KpiLockRecord } from '../store/kpi-locks.ts';
import { listKpiTargets, type KpiTargetRecord } from '../store/kpi-targets.ts';
import { ownerHeldProducts } from '../store/owner-products.ts';
import { listSpecialPeriods } from '../store/special-periods.ts';
import { defaultMonth } from './default-period.ts';
import { actualOf, dailyShape, measureTargets, readsOwnerProducts, type Measured, type Window } from './kpi-actuals.ts';

export interface KpiStatusInput {
  /** default: the latest complete month with data (and targets, where any are set), said in `period_note` */
  period?: string | undefined;
  owner?: string | undefined;
  /** the day to pace against; default: the last day the imported data covers, at most the period's end */
  asOf?: string | undefined;
  /** convert money KPIs whose scope spans currencies (a person with US and DE products) */
  currency?: string | undefined;
  pacing?: 'linear' | 'seasonal' | undefined;
}

export interface KpiStatusAnswer {
  period: KpiPeriod;
  /** asked without a period: which one was picked and why, in zh and en; null when the period was given */
  period_note: Text | null;
  as_of: string;
  locked: boolean;
  locked_at: string | null;
  /** the lock's version (1, then one more per unlock and re-lock); null when not locked */
  version: number | null;
  locked_by: string | null;
  /** newer imports cover a locked period: the frozen rows stand, these imports would change them */
  restated: boolean;
  restated_by: ImportEntry[];
  /** for a locked period: the import_log ids its actuals were computed from */
  imports: number[];
  rows: KpiRow[];
  scorecards: { people: Scorecard[]; roles: Scorecard[] };
  findings: GuardFinding[];
  problems: Problem[];
}

const scopeColumns = ['store', 'marketplace', 'asin', 'parent_asin', 'product_line', 'tier'] as const;

function targetOf(r: KpiTargetRecord, label: string): KpiTarget {
  const scope: Record<string, string> = {};
  for (const c of scopeColumns) if (r[c]) scope[c] = r[c];
  return { kpi: r.kpi.trim().toLowerCase(), period: label, scope, owner: r.owner, role: r.role, target: r.target, weight: r.weight, priority: r.priority };
}

/** The targets file's rows for a period, however its period was spelled (2026-w38, 2026W38 …). */
export async function targetsFor(db: Database, p: KpiPeriod, specials: readonly SpecialPeriod[], owner?: string) {
  const problems: Problem[] = [];
  const records = (await listKpiTargets(db)).filter((r) => {
    try {
      return parsePeriod(r.period, specials).label === p.label && (!owner || r.owner === owner);
    } catch {
      if (!problems.some((q) => q.message.includes(`"${r.period}"`))) {
        problems.push(problemOf(say('targets_unknown_period', { value: r.period }), { code: 'bad_period', severity: 'warning' }));
      }
      return false;
    }
  });
  return { targets: records.map((r) => targetOf(r, p.label)), importIds: records.flatMap((r) => (r.import_id === null ? [] : [r.import_id])), problems };
}

/** The months the targets file names (for the default period: one with targets). */
async function targetMonths(db: Database): Promise<string[]> {
  return [...new Set((await listKpiTargets(db)).flatMap((r) => {
    const p = parseCalendarPeriod(r.period);
    return p?.kind === 'month' ? [p.label] : [];
  }))];
}

/** The earliest local day in any marketplace: a period is closed once it has ended everywhere. */
export function todayEverywhere(): string {
  return marketplaces.map((m) => todayIn(m.timeZone)).sort()[0] ?? todayIn('UTC');
}

const earlier = (a: string, b: string) => (a < b ? a : b);

export async function defaultAsOf(db: Database, p: KpiPeriod): Promise<string> {
  const through = (await importsCovering(db, p)).map((i) => i.to).filter((d): d is string => d !== null).sort().at(-1);
  return earlier(p.to, through ?? todayEverywhere());
}

/** Why the data cannot answer a target in this period (the row then says so); null when it can. */
async function reasonFor(
  db: Database, t: KpiTarget, p: KpiPeriod, window: Window,
  measured: { rows: readonly QueryRow[]; unfit: ReadonlySet<string>; actual: Measured & { mixed: boolean } },
): Promise<NoDataReason | null> {
  const { rows, actual } = measured;
  if (!metricById.has(t.kpi)) return noDataReason('unknown_metric');
  if (window.to < p.from) return noDataReason('not_started');
  // SCP/SQP rows are Sunday–Saturday weeks: an ISO week gets no silently partial number
  if (readsAmazonWeeks([t.kpi]) && !fitsAmazonWeeks(p)) return noDataReason('amazon_weeks');
  if (actual.mixed) return noDataReason('mixed_currency');
  if (actual.actual !== null) return null;
  if (readsOwnerProducts(t) && t.owner && !(await ownerHeldProducts(db, t.owner, window.from, window.to))) return noDataReason('owner_no_products');
  const sources = sourceNamesOf([t.kpi]);
  if (sourcesRead([t.kpi]).some((f) => measured.unfit.has(f))) return noDataReason('grain', sources);
  const a = metricById.get(t.kpi)?.aggregation;
  // a rate whose base summed to 0 (no sessions) has rows, just no value
  if (a?.kind === 'ratio' && combine(a.denominator, rows as Values[]) === 0) return noDataReason('zero_base', sources);
  return noDataReason('no_rows', sources);
}

/** Facts per target: actual to date, last comparable period (history guard), last year's shape, benchmark. */
async function factsOf(db: Database, targets: KpiTarget[], p: KpiPeriod, asOf: string, specials: readonly SpecialPeriod[], input: KpiStatusInput) {
  const options = { currency: input.currency };
  const window: Window = { from: p.from, to: earlier(asOf, p.to) };
  const before = periodBefore(p, specials);
  const lastYear = periodYearBefore(p, specials);
  const [now, then, shapes, overrides] = await Promise.all([
    asOf < p.from ? null : measureTargets(db, targets, window, options),
    measureTargets(db, targets, before, options),
    input.pacing === 'seasonal' ? measureTargets(db, targets, lastYear, { ...options, byDate: true }) : null,
    listBenchmarkOverrides(db),
  ]);
  const problems: Problem[] = [...(now?.problems ?? [])];
  // a last period with data for fewer of its days than this one is no history to judge a target by (issue 15.3)
  const kpis = [...new Set(targets.map((t) => t.kpi).filter((k) => metricById.has(k)))];
  const coverage = kpis.length && window.from <= window.to ? await comparedCoverage(db, kpis, window, before) : null;
  // (a last period with no data at all is no history either, but nothing partial to warn of: it simply has none)
  const partialOf = (kpi: string, marketplace: string | undefined) => {
    const c = metricById.has(kpi) ? coverage?.partialOf(kpi, marketplace) ?? null : null;
    return c && c.base_days > 0 ? c : null;
  };
  const partial = targets.map((t) => partialOf(t.kpi, t.scope.marketplace?.toUpperCase()));
  const facts = await Promise.all(targets.map(async (t, i): Promise<KpiFacts> => {
    const actual = actualOf(t.kpi, now?.rows[i] ?? []);
    if (actual.mixed) problems.push(problemOf(say('kpi_mixed_currency', { kpi: t.kpi, scope: t.owner ?? JSON.stringify(t.scope) }), { code: 'mixed_currency', severity: 'warning' }));
    const history = partial[i] ? null : actualOf(t.kpi, then.rows[i] ?? []).actual;
    const additive = isAdditive(t.kpi);
    const tier: Tier = (tiers as readonly string[]).includes(t.scope.tier ?? '') ? (t.scope.tier as Tier) : 'mature';
    return {
      actual: actual.actual, currency: actual.currency,
      // an additive KPI's history is scaled to this period's days (a 31-day month after a 30-day one)
      history: history !== null && additive ? (history * daysIn(p)) / daysIn(before) : history,
      shape: shapes && additive ? dailyShape(t.kpi, shapes.rows[i] ?? [], lastYear) : null,
      benchmark: benchmarkFor(t.kpi, { marketplace: t.scope.marketplace ?? null, tier }, overrides),
      noDataReason: await reasonFor(db, t, p, window, { rows: now?.rows[i] ?? [], unfit: now?.unfit[i] ?? new Set(), actual }),
    };
  }));
  return { facts, problems, partial };
}

/** `asterism kpi status`: each target's actual, attainment, pace and status, scorecards and guard findings. */
export async function kpiStatus(db: Database, input: KpiStatusInput): Promise<KpiStatusAnswer> {
  const specials = await listSpecialPeriods(db);
  const chosen = input.period === undefined ? await defaultMonth(db, todayEverywhere(), await targetMonths(db)) : null;
  const p = chosen?.period ?? parsePeriod(input.period ?? '', specials);
  const period_note = chosen?.note ?? null;
  const lock = await readKpiLock(db, p.label);
  if (lock) return { ...(await lockedAnswer(db, p, lock, specials, input.owner)), period_note };
  const { targets, problems } = await targetsFor(db, p, specials, input.owner);
  const asOf = input.asOf ?? (await defaultAsOf(db, p));
  const { facts, problems: measured, partial } = await factsOf(db, targets, p, asOf, specials, input);
  const review = reviewKpis(targets, facts, { elapsedDays: elapsedDays(p, asOf), periodDays: daysIn(p) });
  // (rows come in the targets' order)
  const rows = review.rows.map((r, i) => withPartialBase(r, partial[i] ?? null));
  return {
    period: p, period_note, as_of: asOf, locked: false, locked_at: null, version: null, locked_by: null, restated: false, restated_by: [], imports: [],
    ...review, rows, problems: [...problems, ...measured],
  };
}

const withPartialBase = (row: KpiRow, partial: BaseCoverage | null): KpiRow => (partial ? { ...row, partial_base: partial } : row);

async function lockedAnswer(db: Database, p: KpiPeriod, lock: KpiLockRecord, specials: readonly SpecialPeriod[], owner?: string): Promise<KpiStatusAnswer> {
  const { importIds } = await targetsFor(db, p, specials);
  const newer = await importsCovering(db, p, { after: lock.last_import_id, also: importIds });
  const rows = lock.rows.filter((r) => !owner || r.owner === owner).map((r): KpiRow => ({
    ...r, status: r.status as KpiRow['status'], pacing: r.pacing as KpiRow['pacing'], no_data_reason: r.no_data_reason as NoDataReason | null, locked: true,
  }));
  const stored = (kind: 'person' | 'role') => lock.scores.filter((s) => s.kind === kind).map(({ kind: _, ...s }) => s);
  // the frozen scores as stored; for one person, that person's card and the roles of their frozen rows
  const cards = owner ? { people: stored('person').filter((s) => s.name === owner), roles: scorecards(rows).roles } : { people: stored('person'), roles: stored('role') };
  return {
    period: p, period_note: null, as_of: lock.as_of, locked: true, locked_at: lock.locked_at, version: lock.version, locked_by: lock.locked_by, restated: newer.length > 0, restated_by: newer, imports: lock.imports,
    rows, scorecards: cards, findings: (lock.findings as GuardFinding[]).filter((f) => !owner || f.owner === owner), problems: [],
  };
}

/** `asterism kpi lock`: freezes a closed period's review with the imports it was computed from. */
export async function kpiLock(db: Database, input: { period: string; today?: string | undefined; currency?: string | undefined; user?: string | undefined }): Promise<KpiStatusAnswer> {
  const specials = await listSpecialPeriods(db);
  const p = parsePeriod(input.period, specials);
  const existing = await readKpiLock(db, p.label);
  if (existing) throw new AsterismError('bad_request', say('period_locked', { period: p.label, at: String(existing.locked_at) }));
  const today = input.today ?? todayEverywhere();
  if (today <= p.to) throw new AsterismError('bad_request', say('period_not_ended', { period: p.label, from: p.from, to: p.to }));
  const { targets, importIds } = await targetsFor(db, p, specials);
  if (targets.length === 0) throw new AsterismError('not_found', say('no_targets', { period: p.label }));
  const review = await kpiStatus(db, { period: p.label, asOf: p.to, currency: input.currency });
  const imports = (await importsCovering(db, p, { also: importIds })).map((i) => i.id);
  await saveKpiLock(db, {
    period: p.label, kind: p.kind, from: p.from, to: p.to, as_of: review.as_of, currency: input.currency ?? null,
    rows: review.rows, findings: review.findings, imports, locked_by: input.user ?? null,
    scores: [...review.scorecards.people.map((s) => ({ kind: 'person' as const, ...s })), ...review.scorecards.roles.map((s) => ({ kind: 'role' as const, ...s }))],
  });
  return kpiStatus(db, { period: p.label });
}

