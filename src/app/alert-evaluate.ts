import { builtInDetectors, factDetectors, lowStarRating, medianOf, robustScore, watchKeywords, type Condition, type DetectorDefinition, type Severity } from '../analysis/alert-detectors.ts';
import { diagnosisRules } from '../analysis/diagnosis-rules.ts';
import { addDays, daysBetween, weekStartOf } from '../domain/calendar.ts';
import { moneyText } from '../domain/currencies.ts';
import { say, type Texts } from '../domain/messages.ts';
import { metricById } from '../metrics/catalog.ts';
import { runQuery, type QueryRow } from '../metrics/query.ts';
import { flaggedReviews, listRules, watchKeywordsAdded, type RuleRecord } from '../store/alerts.ts';
import { accountHealthRates, failingSyncs, lastDataDays, listingsTurnedInactive, strandedStock } from '../store/alert-facts.ts';
import { standingImportFailures } from '../store/import-failures.ts';
import type { Database } from '../store/database.ts';
import { listProducts } from '../store/products.ts';
import { ruleScopeMatch, type RuleScope } from './alert-scope.ts';
import { splitEvidence, splitParts, type SplitPart } from './alert-split.ts';

/**
 * Evaluates the built-in detectors and the seller's rules as of a day (the data ending then): each
 * scope where a condition holds is a finding, keyed by rule × scope so that app/alert-run.ts keeps one
 * alert per key until it clears. Numbers come from the metric layer (runQuery), never from raw tables,
 * except new reviews (their text) which no metric carries.
 */
export interface Finding {
  ruleKey: string;
  ruleId: number | null;
  detector: string | null;
  scope: Record<string, string>;
  scopeKey: string;
  owner: string | null;
  severity: Severity;
  role: string;
  channel: string | null;
  title: Texts;
  evidence: Texts[];
  actions: { en: readonly string[]; zh: readonly string[] };
  link: string;
}

/** A rule or detector made ready to evaluate: the built-ins with the seller's changes, then the seller's own rules. */
interface Plan {
  key: string;
  ruleId: number | null;
  detector: DetectorDefinition;
  filter: { store?: string; marketplace?: string; asin?: string; sku?: string; owner?: string } & RuleScope;
  channel: string | null;
}

export async function evaluateAlerts(
  db: Database, asOf: string, options: { dashboardUrl?: string | undefined; today?: string | undefined; now?: Date | undefined } = {},
): Promise<Finding[]> {
  const rules = await listRules(db);
  const owners = await ownersOn(db, asOf);
  const base = (options.dashboardUrl ?? process.env.ASTERISM_PUBLIC_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
  const findings: Finding[] = [];
  for (const plan of plans(rules)) {
    findings.push(...(await evaluatePlan(db, plan, asOf, owners, base)));
  }
  const off = (id: string) => rules.some((r) => r.detector === id && !r.enabled);
  if (!off('reviews')) findings.push(...(await reviewFindings(db, asOf, owners, base)));
  if (!off('listing_inactive')) findings.push(...(await listingFindings(db, asOf, owners, base)));
  if (!off('fulfilment_limits')) findings.push(...(await fulfilmentFindings(db, asOf, base)));
  // lateness is against today, so only when the run is not `--as-of` another day
  if (options.today && !off('data_late')) findings.push(...(await lateFindings(db, options.today, base)));
  if (!off('stranded')) findings.push(...(await strandedFindings(db, asOf, owners, base)));
  // failing is about now, like lateness: not judged when `--as-of` another day
  if (options.today && !off('data_failing')) findings.push(...(await failingFindings(db, options.now ?? new Date(), base)));
  return findings;
}

function plans(rules: readonly RuleRecord[]): Plan[] {
  const out: Plan[] = [];
  for (const d of builtInDetectors) {
    const changes = rules.filter((r) => r.detector === d.id && !r.metric);
    if (changes.some((r) => !r.enabled)) continue;
    const value = changes.at(-1)?.value;
    // a seller's value replaces the first condition's threshold
    const detector = value === null || value === undefined ? d : { ...d, conditions: d.conditions.map((c, i) => (i === 0 ? { ...c, value } : c)) };
    out.push({ key: `detector:${d.id}`, ruleId: null, detector, filter: {}, channel: changes.at(-1)?.channel ?? null });
  }
  for (const r of rules) {
    if (!r.metric || !r.enabled || !r.op || r.value === null) continue;
    const m = metricById.get(r.metric);
    const condition: Condition = r.change
      ? { kind: 'change', metric: r.metric, op: r.op, value: r.value, change: r.change }
      : { kind: 'threshold', metric: r.metric, op: r.op, value: r.value };
    const detector: DetectorDefinition = {
      id: `rule_${r.id}`, en: m?.en ?? r.metric, zh: m?.zh ?? r.metric, conditions: [condition],
      windowDays: r.change === 'mom' ? 28 : 7, grain: 'asin', severity: 'warning', role: 'operator', stage: null,
    };
    out.push({
      key: `rule:${r.id}`, ruleId: r.id, detector, channel: r.channel,
      filter: strip({
        store: r.store ?? undefined, marketplace: r.marketplace ?? undefined, asin: r.asin ?? undefined, sku: r.sku ?? undefined, owner: r.owner ?? undefined,
        parent_asin: r.parent_asin ?? undefined, product_line: r.product_line ?? undefined, tier: r.tier ?? undefined,
      }),
    });
  }
  return out;
}

/**
 * A week's window is the last whole Sunday–Saturday week ending by the as-of day: Brand Analytics and the
 * weekly Business Reports answer only whole weeks (a row that does not fit the period is left out, and the
 * scope would look empty or half); other windows end on the as-of day.
 */
function windowOf(d: DetectorDefinition, asOf: string): { from: string; to: string } {
  if (d.windowDays === 7) {
    const sunday = weekStartOf(addDays(asOf, 1));
    return { from: addDays(sunday, -7), to: addDays(sunday, -1) };
  }
  return { from: addDays(asOf, -(d.windowDays - 1)), to: asOf };
}

async function evaluatePlan(db: Database, plan: Plan, asOf: string, owners: Owners, base: string): Promise<Finding[]> {
  const d = plan.detector;
  const window = windowOf(d, asOf);
  const by = d.grain === 'asin' ? ['store', 'marketplace', 'asin'] : ['store', 'marketplace'];
  const metrics = [...new Set(d.conditions.flatMap((c) => [c.metric, ...(c.against ? [c.against] : [])]).concat(d.minimum ? [d.minimum.metric] : []))];
  const filter = strip({ store: plan.filter.store, marketplace: plan.filter.marketplace, asin: plan.filter.asin, sku: plan.filter.sku });
  const inScope = await ruleScopeMatch(db, plan.filter, window);
  const compare = d.conditions.find((c) => c.kind === 'change')?.change;
  const answer = await runQuery(db, { metrics, by, ...window, ...filter, ...(compare ? { compare } : {}) });
  const history = d.conditions.some((c) => c.kind === 'anomaly') ? await weeklyHistory(db, d, window, by, filter) : new Map<string, number[]>();
  let parts: Map<string, SplitPart[]> | undefined;
  const out: Finding[] = [];
  for (const row of answer.rows) {
    const scope = scopeOf(row, by);
    if (!scope) continue;
    const owner = scope.asin ? (owners.get(`${scope.store}\u0000${scope.asin}`) ?? null) : null;
    if (plan.filter.owner && owner !== plan.filter.owner) continue;
    if (inScope && !inScope({ store: scope.store!, marketplace: scope.marketplace!, asin: scope.asin })) continue;
    if (d.minimum && !(num(row[d.minimum.metric]) >= d.minimum.value)) continue;
    const evidence: Texts[] = [];
    for (const c of d.conditions) {
      const hit = holds(c, row, history.get(keyOf(scope)) ?? []);
      if (hit) evidence.push(hit);
    }
    if (!evidence.length) continue;
    const scopeKey = keyOf(scope);
    // which part moved (a return reason): read once, for the scopes that raise
    if (d.split) evidence.push(...splitEvidence(d, (parts ??= await splitParts(db, d, window, by, filter)).get(scopeKey) ?? []));
    out.push({
      ruleKey: plan.key, ruleId: plan.ruleId, detector: plan.ruleId === null ? d.id : null, scope, scopeKey, owner, severity: d.severity, role: d.role,
      channel: plan.channel, title: { en: d.en, zh: d.zh },
      evidence: [{ en: `${window.from} – ${window.to}`, zh: `${window.from} 至 ${window.to}` }, ...evidence],
      actions: d.stage ? diagnosisRules[d.stage].actions : { en: [], zh: [] }, link: linkOf(base, scope, window),
    });
  }
  return out;
}

function holds(c: Condition, row: QueryRow, history: readonly number[]): Texts | null {
  const m = metricById.get(c.metric);
  const name = { en: m?.en ?? c.metric, zh: m?.zh ?? c.metric };
  const value = numOrNull(row[c.metric]);
  if (value === null) return null;
  const shown = show(c.metric, value);
  if (c.kind === 'threshold') {
    const limit = c.against ? numOrNull(row[c.against]) : c.value;
    if (limit === null || !compareTo(value, c.op, limit)) return null;
    const limitText = c.against ? `${show(c.against, limit)} (${metricById.get(c.against)?.en ?? c.against})` : show(c.metric, limit);
    const limitZh = c.against ? `${show(c.against, limit)}（${metricById.get(c.against)?.zh ?? c.against}）` : show(c.metric, limit);
    return {
      en: `${name.en} ${shown}, ${c.op === 'lt' ? 'below' : 'above'} ${limitText}`,
      zh: `${name.zh} ${shown}，${c.op === 'lt' ? '低于' : '高于'} ${limitZh}`,
    };
  }
  if (c.kind === 'change') {
    const previous = numOrNull((row.previous as Record<string, number | null> | undefined)?.[c.metric]);
    if (previous === null) return null;
    const change = c.points ? value - previous : previous === 0 ? null : value / previous - 1;
    if (change === null || !compareTo(change, c.op, c.value)) return null;
    const changeText = c.points ? `${signed(change * 100)} pts` : `${signed(change * 100)}%`;
    const changeZh = c.points ? `${signed(change * 100)} 个百分点` : `${signed(change * 100)}%`;
    const period = { wow: ['the week before', '上周'], mom: ['the month before', '上月'], yoy: ['a year before', '去年同期'] }[c.change ?? 'wow'];
    return {
      en: `${name.en} ${show(c.metric, previous)} → ${shown} against ${period[0]} (${changeText})`,
      zh: `${name.zh} ${show(c.metric, previous)} → ${shown}，对比${period[1]}（${changeZh}）`,
    };
  }
  const score = robustScore(value, history);
  if (score === null || !compareTo(score, c.op, c.value)) return null;
  const median = medianOf(history);
  const change = median === 0 ? null : value / median - 1;
  if (c.minChange !== undefined && (change === null || !compareTo(change, c.op, c.minChange))) return null;
  const changeText = change === null ? '' : `, ${signed(change * 100)}%`;
  return {
    en: `${name.en} ${shown} against a median of ${show(c.metric, median)} over the ${history.length} weeks before (robust score ${score.toFixed(1)}${changeText})`,
    zh: `${name.zh} ${shown}，此前 ${history.length} 周中位数 ${show(c.metric, median)}（稳健分数 ${score.toFixed(1)}${changeText.replace(', ', '，')}）`,
  };
}

/** The scope's weekly values over the 8 weeks before the window (anomaly conditions). */
async function weeklyHistory(db: Database, d: DetectorDefinition, window: { from: string }, by: string[], filter: object): Promise<Map<string, number[]>> {
  const metric = d.conditions.find((c) => c.kind === 'anomaly')!.metric;
  const start = weekStartOf(window.from);
  const answer = await runQuery(db, { metrics: [metric], by: ['week', ...by], from: addDays(start, -56), to: addDays(start, -1), ...filter });
  const out = new Map<string, number[]>();
  for (const row of answer.rows) {
    const scope = scopeOf(row, by);
    const v = numOrNull(row[metric]);
    if (!scope || v === null) continue;
    const k = keyOf(scope);
    out.set(k, [...(out.get(k) ?? []), v]);
  }
  return out;
}

async function reviewFindings(db: Database, asOf: string, owners: Owners, base: string): Promise<Finding[]> {
  const from = addDays(asOf, -6);
  const reviews = await flaggedReviews(db, from, asOf, lowStarRating, [...watchKeywords, ...(await watchKeywordsAdded(db))]);
  const groups = new Map<string, typeof reviews>();
  for (const r of reviews) groups.set(`${r.store}\u0000${r.marketplace}\u0000${r.asin}`, [...(groups.get(`${r.store}\u0000${r.marketplace}\u0000${r.asin}`) ?? []), r]);
  return [...groups.values()].map((rs) => {
    const first = rs[0]!;
    const scope = { store: first.store, marketplace: first.marketplace, asin: first.asin };
    return {
      ruleKey: 'detector:reviews', ruleId: null, detector: 'reviews', scope, scopeKey: keyOf(scope), owner: owners.get(`${first.store}\u0000${first.asin}`) ?? null,
      severity: 'warning' as const, role: 'operator', channel: null,
      title: { en: 'New negative reviews', zh: '新差评' },
      evidence: rs.slice(0, 5).map((r) => ({
        en: `${r.date} ${r.rating ?? '?'}★ ${r.title ?? ''}${r.keyword ? ` (watch word “${r.keyword}”)` : ''}`,
        zh: `${r.date} ${r.rating ?? '?'}星 ${r.title ?? ''}${r.keyword ? `（关注词“${r.keyword}”）` : ''}`,
      })),
      actions: diagnosisRules.review.actions, link: linkOf(base, scope, { from, to: asOf }),
    };
  });
}

async function listingFindings(db: Database, asOf: string, owners: Owners, base: string): Promise<Finding[]> {
  const d = factDetectors.find((x) => x.id === 'listing_inactive')!;
  return (await listingsTurnedInactive(db, asOf)).map((l) => {
    const scope = { store: l.store, marketplace: l.marketplace, ...(l.asin ? { asin: l.asin } : {}), sku: l.sku };
    return {
      ruleKey: `detector:${d.id}`, ruleId: null, detector: d.id, scope, scopeKey: keyOf(scope), owner: l.asin ? (owners.get(`${l.store}\u0000${l.asin}`) ?? null) : null,
      severity: d.severity, role: d.role, channel: null, title: { en: d.en, zh: d.zh },
      evidence: [{
        en: `SKU ${l.sku}: Active in the All Listings report of ${l.previous}, Inactive in that of ${l.day}`,
        zh: `SKU ${l.sku}：${l.previous} 的全部商品报告中为 Active，${l.day} 的为 Inactive`,
      }],
      actions: {
        en: ['Open Manage All Inventory → Fix Your Listings (search-suppressed, stranded) and the listing\'s quality alerts', 'Fix the flagged attribute (main image, title length, missing information), then check the listing is Active again'],
        zh: ['打开“管理所有库存”→“修复商品信息”（搜索抑制、无在售信息的库存），查看该 Listing 的质量提醒', '修正被标记的属性（主图、标题长度、缺失信息），然后确认 Listing 恢复 Active'],
      },
      link: `${base}/products?${new URLSearchParams({ store: l.store, marketplace: l.marketplace }).toString()}`,
    };
  });
}

async function fulfilmentFindings(db: Database, asOf: string, base: string): Promise<Finding[]> {
  const d = factDetectors.find((x) => x.id === 'fulfilment_limits')!;
  const rates = await accountHealthRates(db, asOf, ['pre_fulfillment_cancel', 'valid_tracking']);
  const bad = rates.filter((r) => (r.metric === 'pre_fulfillment_cancel' ? r.rate > d.cancelAbove : r.rate < d.trackingBelow));
  const groups = new Map<string, typeof bad>();
  for (const r of bad) groups.set(`${r.store}\u0000${r.marketplace}`, [...(groups.get(`${r.store}\u0000${r.marketplace}`) ?? []), r]);
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  return [...groups.values()].map((rs) => {
    const scope = { store: rs[0]!.store, marketplace: rs[0]!.marketplace };
    return {
      ruleKey: `detector:${d.id}`, ruleId: null, detector: d.id, scope, scopeKey: keyOf(scope), owner: null, severity: d.severity, role: d.role, channel: null,
      title: { en: d.en, zh: d.zh },
      evidence: rs.map((r) => (r.metric === 'pre_fulfillment_cancel'
        ? { en: `Pre-fulfilment cancel rate ${pct(r.rate)} (${r.fulfillment ?? ''}, window to ${r.to}), above ${pct(d.cancelAbove)}`, zh: `配送前取消率 ${pct(r.rate)}（${r.fulfillment ?? ''}，截至 ${r.to}），高于 ${pct(d.cancelAbove)}` }
        : { en: `Valid tracking rate ${pct(r.rate)} (${r.fulfillment ?? ''}, window to ${r.to}), below ${pct(d.trackingBelow)}`, zh: `有效追踪率 ${pct(r.rate)}（${r.fulfillment ?? ''}，截至 ${r.to}），低于 ${pct(d.trackingBelow)}` })),
      actions: {
        en: ['Open Account Health in Seller Central and the orders behind the rate', 'Cancel only when stock is truly out; upload tracking numbers with a supported carrier for every shipment'],
        zh: ['在卖家中心打开“账户状况”，查看拉高该比率的订单', '仅在确实无货时取消订单；每个包裹都用支持的承运商上传追踪号'],
      },
      link: `${base}/data`,
    };
  });
}

async function lateFindings(db: Database, today: string, base: string): Promise<Finding[]> {
  const d = factDetectors.find((x) => x.id === 'data_late')!;
  return (await lastDataDays(db)).filter((r) => daysBetween(r.last, today) > d.days).map((r) => {
    const scope = { store: r.store, marketplace: r.marketplace };
    const days = daysBetween(r.last, today);
    return {
      ruleKey: `detector:${d.id}`, ruleId: null, detector: d.id, scope, scopeKey: keyOf(scope), owner: null, severity: d.severity, role: d.role, channel: null,
      title: { en: d.en, zh: d.zh },
      evidence: [{ en: `The last day with Business Report or traffic data is ${r.last}, ${days} days before ${today}`, zh: `业务报告或流量数据的最后一天是 ${r.last}，距 ${today} 已 ${days} 天` }],
      actions: {
        en: ['Download the Business Report (by child item) for the missing days from Seller Central and import it', 'If a sync is set up, check its last error on the Data page'],
        zh: ['从卖家中心下载缺失日期的业务报告（按子商品）并导入', '如已设置自动同步，请在数据页面查看最近的错误'],
      },
      link: `${base}/data`,
    };
  });
}

async function strandedFindings(db: Database, asOf: string, owners: Owners, base: string): Promise<Finding[]> {
  const d = factDetectors.find((x) => x.id === 'stranded')!;
  return (await strandedStock(db, asOf)).map((s) => {
    const scope = { store: s.store, marketplace: s.marketplace, ...(s.asin ? { asin: s.asin } : {}), sku: s.sku };
    const value = s.value === null || s.currency === null ? null : `${moneyText(s.value, s.currency)} ${s.currency}`;
    return {
      ruleKey: `detector:${d.id}`, ruleId: null, detector: d.id, scope, scopeKey: keyOf(scope), owner: s.asin ? (owners.get(`${s.store}\u0000${s.asin}`) ?? null) : null,
      severity: d.severity, role: d.role, channel: null, title: { en: d.en, zh: d.zh },
      evidence: [say(value ? 'alert_stranded_valued' : 'alert_stranded', { sku: s.sku, units: s.units, stock_day: s.stockDay, listing_day: s.listingDay, value: value ?? '' })],
      actions: { en: [say('alert_stranded_fix').en, say('alert_stranded_remove').en], zh: [say('alert_stranded_fix').zh, say('alert_stranded_remove').zh] },
      link: `${base}/products?${new URLSearchParams({ store: s.store, marketplace: s.marketplace }).toString()}`,
    };
  });
}

async function failingFindings(db: Database, now: Date, base: string): Promise<Finding[]> {
  const d = factDetectors.find((x) => x.id === 'data_failing')!;
  const finding = (scope: Record<string, string>, evidence: Texts[]): Finding => ({
    ruleKey: `detector:${d.id}`, ruleId: null, detector: d.id, scope, scopeKey: keyOf(scope), owner: null, severity: d.severity, role: d.role, channel: null,
    title: { en: d.en, zh: d.zh }, evidence,
    actions: { en: [say('alert_failing_read').en, say('alert_failing_again').en], zh: [say('alert_failing_read').zh, say('alert_failing_again').zh] },
    link: `${base}/data`,
  });
  const out: Finding[] = [];
  const imports = await standingImportFailures(db, wallClock(new Date(now.getTime() - d.days * 86_400_000)));
  for (const store of [...new Set(imports.map((f) => f.store))]) {
    const mine = imports.filter((f) => f.store === store);
    out.push(finding({ store, source: 'import' }, mine.slice(-5).map((f) => say('alert_import_failed', { at: f.failedAt, file: f.file, error: f.error }))));
  }
  const syncs = await failingSyncs(db);
  for (const key of [...new Set(syncs.map((s) => `${s.store}\u0000${s.marketplace}`))]) {
    const mine = syncs.filter((s) => `${s.store}\u0000${s.marketplace}` === key);
    out.push(finding({ store: mine[0]!.store, marketplace: mine[0]!.marketplace, source: 'sync' },
      mine.map((s) => say('alert_sync_failed', { report_type: s.reportType, at: s.at ?? '?', error: s.error }))));
  }
  return out;
}

/** The local wall-clock time the database's default timestamps are written in (its time zone is the machine's). */
const wallClock = (t: Date): string => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}:${p(t.getSeconds())}`;
};

type Owners = Map<string, string>;

/** store × ASIN → the owner of its SKUs on the day (products file, effective-dated); the first SKU's owner wins. */
async function ownersOn(db: Database, day: string): Promise<Owners> {
  const out: Owners = new Map();
  for (const p of await listProducts(db, { onDay: day })) {
    if (p.asin && p.owner && !out.has(`${p.store}\u0000${p.asin}`)) out.set(`${p.store}\u0000${p.asin}`, p.owner);
  }
  return out;
}

function scopeOf(row: QueryRow, by: readonly string[]): Record<string, string> | null {
  const scope: Record<string, string> = {};
  for (const k of by) {
    const v = row[k];
    if (typeof v !== 'string') return null;
    scope[k] = v;
  }
  return scope;
}

const keyOf = (scope: Record<string, string>) => Object.entries(scope).map(([k, v]) => `${k}=${v}`).join(';');
const linkOf = (base: string, scope: Record<string, string>, w: { from: string; to: string }) =>
  `${base}/diagnosis?${new URLSearchParams({ ...scope, from: w.from, to: w.to }).toString()}`;
const compareTo = (v: number, op: 'gt' | 'lt', limit: number) => (op === 'gt' ? v > limit : v < limit);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
const num = (v: unknown): number => numOrNull(v) ?? Number.NaN;
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;
const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function show(metric: string, v: number): string {
  const m = metricById.get(metric);
  if (!m) return String(v);
  if (m.unit === 'ratio' && m.format.startsWith('pct')) return `${(v * 100).toFixed(1)}%`;
  if (m.format === 'int') return String(Math.round(v));
  if (m.format === 'dec1') return v.toFixed(1);
  return v.toFixed(2);
}
