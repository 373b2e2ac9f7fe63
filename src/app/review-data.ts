import { say } from '../domain/messages.ts';
import { adsVsOrganic, decomposeSalesChange } from '../analysis/index.ts';
import { AsterismError, type Problem } from '../domain/errors.ts';
import { currencyDigits, marketplaceByCode } from '../domain/marketplaces.ts';
import { comparedCoverage, type ComparedCoverage } from '../metrics/base-coverage.ts';
import { answerLineage } from '../metrics/lineage.ts';
import { reviewNumbers } from '../metrics/review-numbers.ts';
import { usesMoney } from '../metrics/plan.ts';
import type { QueryRow } from '../metrics/query.ts';
import { defaultProfitBasis } from '../metrics/request.ts';
import type { HeadlineBlock, MoverRow, ReportData, ReportKind, ReportKpi } from '../report/report-data.ts';
import { comparisonPeriods, defaultPeriodText, reportPeriod } from '../report/report-periods.ts';
import { headlineMetrics } from '../report/section-sales.ts';
import type { Database } from '../store/database.ts';
import { listEvents } from '../store/events.ts';
import { asinsOfOwner, lastDataDay, listOwners, lowStarReviews, returnItems, returnReasons, reviewSummary } from '../store/review-records.ts';
import { answerQuery } from './answer-query.ts';
import { defaultReviewPeriod } from './default-period.ts';
import { diagnoseFunnels, funnelRows } from './funnel.ts';
import { kpiStatus } from './kpi.ts';
import { explainRows, rowsToExplain } from './kpi-explain.ts';

/**
 * Gathers a review document's numbers (日报 / 周报 / 月报) from the metric layer, the funnel, the KPI
 * review and the returns and reviews records. Daily reports are one owner's ASINs; weekly and monthly
 * the store's or marketplace's (or one owner's, when asked).
 */
export interface ReviewRequest {
  kind: ReportKind;
  period?: string | undefined;
  owner?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  /** convert money into this currency (dated FX table): adds an all-marketplaces block */
  currency?: string | undefined;
  /** for tests: the time written on the document */
  now?: string | undefined;
}

type Window = { from: string; to: string };
const num = (v: QueryRow[string] | undefined): number | null => (typeof v === 'number' ? v : null);
const str = (v: QueryRow[string] | undefined): string | null => (typeof v === 'string' ? v : null);
const moneyMetrics = headlineMetrics.filter((m) => usesMoney([m]));
const otherMetrics = headlineMetrics.filter((m) => !usesMoney([m]));

export async function reviewData(db: Database, r: ReviewRequest): Promise<ReportData> {
  const owner = await checkOwner(db, r);
  const last = await lastDataDay(db, r.kind === 'daily');
  if (!r.period && !last) throw new AsterismError('not_found', say('no_data_yet'));
  const chosen = r.period ? null : await defaultReviewPeriod(db, r.kind, last ?? '', defined({ store: r.store, marketplace: r.marketplace }));
  const period = reportPeriod(r.kind, r.period ?? chosen?.text ?? defaultPeriodText(r.kind, last ?? ''));
  const comparisons = comparisonPeriods(r.kind, period);
  const asins = owner ? await asinsOfOwner(db, owner, period.to, r.store) : null;
  const ctx: Ctx = { db, owner, asins, base: { store: r.store, marketplace: r.marketplace }, currency: r.currency?.toUpperCase(), period, problems: [] };
  const [headline, funnel, adsOrganic, returns, reviews, kpi, movers, findings, events] = await Promise.all([
    headlineOf(ctx, [period, ...comparisons], await Promise.all(comparisons.map((c) => comparedCoverage(db, headlineMetrics, period, c, ctx.base)))), funnelOf(ctx, period), adsOrganicOf(ctx, period), returnsOf(ctx, period), reviewsOf(ctx, period),
    kpiOf(ctx, r.kind, period), moversOf(ctx, period, comparisons[0] ?? period), findingsOf(ctx, period), eventsOf(ctx, period),
  ]);
  return {
    kind: r.kind, period, period_note: chosen?.note ?? null, comparisons,
    lineage: await answerLineage(db, headlineMetrics, period, ctx.base),
    scope: { store: r.store ?? null, marketplace: r.marketplace?.toUpperCase() ?? null, owner, currency: ctx.currency ?? null },
    asins, generated_at: r.now ?? new Date().toISOString(),
    headline, profit_basis: defaultProfitBasis, funnel, ads_organic: adsOrganic, returns, reviews, kpi, movers, findings: findings.shown, findings_total: findings.total, events,
    // one line per kind of problem: the same warning from several queries differs only in its counts
    problems: [...new Map(ctx.problems.map((p) => [p.en.replace(/\d+/g, '#'), p])).values()],
  };
}

/** a problem in both languages (the English where no Chinese was written) */
const problemText = (p: Problem): { en: string; zh: string } => ({ en: p.message, zh: p.message_zh ?? p.message });

interface Ctx {
  db: Database;
  owner: string | null;
  asins: string[] | null;
  base: { store?: string | undefined; marketplace?: string | undefined };
  currency: string | undefined;
  period: Window;
  problems: { en: string; zh: string }[];
}

async function checkOwner(db: Database, r: ReviewRequest): Promise<string | null> {
  if (!r.owner && r.kind !== 'daily') return null;
  const owners = await listOwners(db);
  const known = owners.length ? say('known_owners', { owners: owners.join(', ') }) : say('no_owners');
  if (!r.owner) throw new AsterismError('bad_request', say('owner_needed', { known }));
  if (!owners.includes(r.owner)) throw new AsterismError('not_found', say('owner_unknown', { value: r.owner, known }));
  return r.owner;
}

/** Runs a query on the report's scope; by owner when the report is one owner's, keeping only that owner's rows. */
async function query(ctx: Ctx, metrics: readonly string[], w: Window, by: string[], currency = ctx.currency): Promise<QueryRow[]> {
  const result = await answerQuery(ctx.db, {
    metrics: [...metrics], from: w.from, to: w.to, by: ctx.owner ? ['owner', ...by] : by,
    ...defined(ctx.base), ...(currency ? { currency } : {}),
  });
  // the period's own problems; the comparison windows would repeat them with other counts
  if (w.from === ctx.period.from && w.to === ctx.period.to) ctx.problems.push(...result.problems.map(problemText));
  return ctx.owner ? result.rows.filter((row) => row.owner === ctx.owner) : result.rows;
}

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

async function headlineOf(ctx: Ctx, windows: Window[], coverage: ComparedCoverage[]): Promise<HeadlineBlock[]> {
  const perWindow = await Promise.all(windows.map(async (w) => ({
    money: await query(ctx, moneyMetrics, w, ['marketplace']),
    other: await query(ctx, otherMetrics, w, ['marketplace']),
    total: ctx.currency ? await query(ctx, headlineMetrics, w, []) : [],
  })));
  const keyOf = (row: QueryRow) => `${str(row.marketplace) ?? ''}|${str(row.currency) ?? ''}`;
  const keys = new Map<string, { marketplace: string; currency: string | null }>();
  // marketplaces of any window: one that sold before but not now still shows, with its unknowns
  for (const { money } of perWindow) for (const row of money) keys.set(keyOf(row), { marketplace: str(row.marketplace) ?? '', currency: str(row.currency) });
  // a marketplace with counts but no money still gets its block, in its own currency
  for (const { other } of perWindow) {
    for (const row of other) {
      const m = str(row.marketplace) ?? '';
      if (![...keys.values()].some((k) => k.marketplace === m)) keys.set(`${m}|`, { marketplace: m, currency: ctx.currency ?? marketplaceByCode(m)?.currency ?? null });
    }
  }
  const blocks: HeadlineBlock[] = [...keys.values()].sort((a, b) => a.marketplace.localeCompare(b.marketplace)).map((k) => {
    const pick = (i: number) => ({
      money: perWindow[i]?.money.find((row) => row.marketplace === k.marketplace && (k.currency === null || row.currency === k.currency)),
      other: perWindow[i]?.other.find((row) => row.marketplace === k.marketplace),
    });
    return { ...blockOf(k.marketplace, k.currency, windows.map((_, i) => pick(i))), partial_base: partialBases(coverage, k.marketplace) };
  });
  if (ctx.currency && blocks.length > 1) blocks.push({ ...blockOf(null, ctx.currency, perWindow.map((p) => ({ money: p.total[0], other: p.total[0] }))), partial_base: partialBases(coverage, null) });
  return blocks;
}

/** per comparison: the headline metrics whose base covers fewer days, in the marketplace (null: all of them) */
const partialBases = (coverage: ComparedCoverage[], marketplace: string | null) => coverage.map((c) => Object.fromEntries(headlineMetrics.flatMap((id) => {
  const figure = c.partialOf(id, marketplace);
  return figure ? [[id, figure]] : [];
})));

function blockOf(marketplace: string | null, currency: string | null, rows: { money?: QueryRow | undefined; other?: QueryRow | undefined }[]): Omit<HeadlineBlock, 'partial_base'> {
  const valueOf = (i: number, id: string) => {
    const row = usesMoney([id]) ? rows[i]?.money : rows[i]?.other;
    return num(row?.[id]);
  };
  const values = Object.fromEntries(headlineMetrics.map((id) => [id, { value: valueOf(0, id), previous: rows.slice(1).map((_, i) => valueOf(i + 1, id)) }]));
  const missing = (rows[0]?.money?.missing as Record<string, string[]> | undefined) ?? {};
  return { marketplace, currency, values, missing };
}

async function funnelOf(ctx: Ctx, w: Window) {
  const by = ctx.owner ? ['owner', 'marketplace'] : ['marketplace'];
  const { rows } = await funnelRows(ctx.db, { ...defined(ctx.base), ...w, by });
  return ctx.owner ? rows.filter((row) => row.key.owner === ctx.owner) : rows;
}

async function adsOrganicOf(ctx: Ctx, w: Window) {
  const rows = await query(ctx, ['sales', 'ad_sales_same_sku', 'ad_spend'], w, ['marketplace'], undefined);
  return rows.map((row) => {
    const currency = str(row.currency);
    const split = adsVsOrganic({ sales: num(row.sales), adSalesSameSku: num(row.ad_sales_same_sku) }, currency ? currencyDigits(currency) : 2);
    return { marketplace: str(row.marketplace) ?? '', currency, ad_spend: num(row.ad_spend), ...split };
  });
}

async function returnsOf(ctx: Ctx, w: Window) {
  const filter = { ...w, ...ctx.base, asins: ctx.asins ?? undefined };
  const [reasons, items, rates] = await Promise.all([
    returnReasons(ctx.db, filter), returnItems(ctx.db, filter), query(ctx, ['returned_units', 'return_rate'], w, ['marketplace'], undefined),
  ]);
  return { reasons, items, rates: rates.map((row) => ({ marketplace: str(row.marketplace) ?? '', returned_units: num(row.returned_units), return_rate: num(row.return_rate) })) };
}

async function reviewsOf(ctx: Ctx, w: Window) {
  const filter = { ...w, ...ctx.base, asins: ctx.asins ?? undefined };
  const [summary, low] = await Promise.all([reviewSummary(ctx.db, filter), lowStarReviews(ctx.db, filter)]);
  return {
    summary: summary.map(reviewNumbers),
    low_star: low,
  };
}

/** The KPI review of the period: the ISO week or month itself; for a day (or a Sunday-to-Saturday week), its month to date. */
async function kpiOf(ctx: Ctx, kind: ReportKind, p: Window & { label: string }): Promise<ReportKpi | null> {
  const own = kind === 'monthly' || (kind === 'weekly' && !p.label.includes('~'));
  const answer = await kpiStatus(ctx.db, {
    period: own ? p.label : p.to.slice(0, 7), owner: ctx.owner ?? undefined, currency: ctx.currency, ...(own ? {} : { asOf: p.to }),
  });
  ctx.problems.push(...answer.problems.map(problemText));
  if (answer.rows.length === 0) return null;
  // the review gives the causes of every miss (seeds 001/004): each row behind its pace, explained
  const explained = await explainRows(ctx.db, answer, rowsToExplain(answer.rows, {}), { currency: ctx.currency });
  return {
    period: answer.period.label, as_of: answer.as_of, locked: answer.locked, restated: answer.restated,
    rows: answer.rows, scorecards: answer.scorecards, findings: answer.findings,
    explanations: explained.map((x) => ({ kpi: x.kpi, owner: x.owner, scope: x.scope, text: x.text })),
  };
}

/** The ASINs whose sales changed most against the first comparison, with the change split into traffic, conversion and price. */
async function moversOf(ctx: Ctx, w: Window, before: Window, limit = 10): Promise<MoverRow[]> {
  const metrics = ['sessions', 'units', 'sales'];
  const [now, then] = await Promise.all([query(ctx, metrics, w, ['marketplace', 'asin'], undefined), query(ctx, metrics, before, ['marketplace', 'asin'], undefined)]);
  const keyOf = (row: QueryRow) => `${str(row.marketplace)}|${str(row.asin)}|${str(row.currency) ?? ''}`;
  const previous = new Map(then.map((row) => [keyOf(row), row]));
  const keys = new Set([...now.map(keyOf), ...then.map(keyOf)]);
  const current = new Map(now.map((row) => [keyOf(row), row]));
  const facts = (row: QueryRow | undefined) => ({ sessions: num(row?.sessions), units: num(row?.units), sales: num(row?.sales) });
  const rows = [...keys].flatMap((key): MoverRow[] => {
    const [marketplace = '', asin = '', currency = ''] = key.split('|');
    if (!asin) return [];
    const a = previous.get(key), b = current.get(key);
    // an ASIN without sales in one period sold nothing there: 0, not unknown, when the other period has sales
    const fill = (row: QueryRow | undefined, other: QueryRow | undefined) => (row ? facts(row) : { sessions: null, units: 0, sales: num(other?.sales) === null ? null : 0 });
    return [{ marketplace, asin, currency: currency || null, change: decomposeSalesChange(fill(a, b), fill(b, a), currency ? currencyDigits(currency) : 2) }];
  });
  // ranked by the change as a share of its currency's sales, so yen and dollars compare
  const scale = new Map<string, number>();
  for (const m of rows) scale.set(m.currency ?? '', (scale.get(m.currency ?? '') ?? 0) + Math.max(Math.abs(m.change.after.sales ?? 0), Math.abs(m.change.before.sales ?? 0)));
  const weight = (m: MoverRow) => Math.abs(m.change.total ?? 0) / (scale.get(m.currency ?? '') || 1);
  return rows.filter((m) => m.change.total !== null && m.change.total !== 0)
    .sort((x, y) => weight(y) - weight(x) || x.asin.localeCompare(y.asin)).slice(0, limit);
}

async function findingsOf(ctx: Ctx, w: Window, limit = 30) {
  const findings = await diagnoseFunnels(ctx.db, { ...defined(ctx.base), ...w });
  const mine = ctx.asins ? findings.filter((f) => f.scope.asin && ctx.asins?.includes(f.scope.asin)) : findings;
  return { total: mine.length, shown: mine.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1)).slice(0, limit) };
}

async function eventsOf(ctx: Ctx, w: Window) {
  const events = await listEvents(ctx.db, { ...w, ...ctx.base });
  return events.filter((e) => !ctx.asins || e.asin === null || ctx.asins.includes(e.asin))
    .map((e) => ({ date: e.date, end_date: e.end_date, type: e.type, asin: e.asin, marketplace: e.marketplace, note: e.note, note_zh: e.note_zh, origin: e.origin }));
}
