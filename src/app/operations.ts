import { z } from 'zod';
import { detectEvents } from './detect-events.ts';
import { reviewData } from './review-data.ts';
import { kpiLock, kpiStatus } from './kpi.ts';
import { listTargets, removeTarget, setTarget } from './kpi-targets.ts';
import { kpiHistory, kpiUnlock } from './kpi-history.ts';
import { explainRows, kpiExplain, rowsToExplain } from './kpi-explain.ts';
import { compareFunnels, funnelMetrics, funnelRows, type FunnelRequest } from './funnel.ts';
import { funnelSorts, pageOfFunnels } from './funnel-page.ts';
import { rememberedAnswer } from './answer-cache.ts';
import { diagnoseAnswer } from './diagnose-answer.ts';
import { answerPeriod } from './answer-period.ts';
import { defaultBenchmarks, tiers } from '../analysis/benchmark-table.ts';
import { catalog } from '../metrics/catalog.ts';
import type { Database } from '../store/database.ts';
import type { RowScope } from '../metrics/request.ts';
import { listBenchmarkOverrides, removeBenchmarkOverride, setBenchmarkOverride } from '../store/benchmark-overrides.ts';
import { addEvent, listEvents } from '../store/events.ts';
import { listCosts, setCost } from '../store/costs.ts';
import { listConsumptionTax, setConsumptionTax } from '../store/consumption-tax.ts';
import { profitRows } from './profit.ts';
import { unclassifiedLines } from '../store/unclassified-lines.ts';
import { pricingOperations } from './pricing-operations.ts';
import { importOperations } from './import-operations.ts';
import { syncOperations } from './sync/operations.ts';
import { alertOperations } from './alert-operations.ts';
import { userOperations } from './user-operations.ts';
import { channelsOverview } from './channels.ts';
import { customersAnswer } from './customers.ts';
import { restockOperations } from './restock-operations.ts';
import { adsOperations } from './ads-operations.ts';
import { emptyAnswerProblem } from './empty-answer.ts';
import { invalidInput } from './invalid-input.ts';
import { listProducts } from '../store/products.ts';
import { listSpecialPeriods, setSpecialPeriod } from '../store/special-periods.ts';

/**
 * Operations beyond the core query: one table says each one's HTTP method, path, input schema and
 * what it runs on the database. The local API runs them, the remote API calls the path, and the
 * server registers a route per entry, so the CLI and the HTTP API cannot drift apart.
 */
const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const scope = {
  by: many.optional(), from: date.optional(), to: date.optional(), store: z.string().optional(),
  marketplace: z.string().optional(), asin: z.string().optional(), sku: z.string().optional(),
};
const funnelScope = z.object({ ...scope, compare: z.enum(['wow', 'mom', 'yoy']).optional(), tier: z.enum(['new', 'mature', 'clearance']).optional() });
/** funnel: one page of rows when `limit` is given (funnel-page.ts); without it, every row as before */
const funnelInput = funnelScope.extend({
  q: z.string().optional(), sort: z.enum(funnelSorts).optional(), order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(), offset: z.coerce.number().int().min(0).optional(),
});
/** diagnose: money at stake also in this reporting currency, and ranked in it */
const diagnoseInput = funnelScope.extend({ currency: z.string().optional() });
const eventFilter = z.object({ from: date.optional(), to: date.optional(), store: z.string().optional(), marketplace: z.string().optional(), asin: z.string().optional(), origin: many.optional() });
const benchmarkKey = z.object({
  metric: z.string(), marketplace: z.string().optional(), tier: z.string().optional(), category: z.string().optional(),
  price_band: z.string().optional(), variant: z.string().optional(),
});
/** a flag given as JSON true/false or as a query string "true"/"false" */
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
const kpiStatusInput = z.object({
  /** default: the latest complete month with data (the answer's `period_note` says which) */
  period: z.string().min(1).optional(), owner: z.string().optional(), as_of: date.optional(), currency: z.string().optional(),
  pacing: z.enum(['linear', 'seasonal']).optional(),
  /** add an `explanation` to each row that is behind */
  explain: flag.optional(),
});
const kpiExplainInput = kpiStatusInput.omit({ explain: true }).extend({ kpi: z.string().optional(), all: flag.optional() });
const kpiLockInput = z.object({ period: z.string().min(1), currency: z.string().optional(), user: z.string().optional() });
const kpiUnlockInput = z.object({ period: z.string().min(1), reason: z.string().trim().min(1, 'a reason is required'), user: z.string().trim().min(1, 'a user name is required') });
const kpiPeriodInput = z.object({ period: z.string().min(1) });
const reportInput = z.object({
  kind: z.enum(['daily', 'weekly', 'monthly']), period: z.string().optional(), owner: z.string().optional(),
  store: z.string().optional(), marketplace: z.string().optional(), currency: z.string().optional(),
});
const productsInput = z.object({ store: z.string().optional(), asin: z.string().optional(), on: date.optional() });
const optionalText = z.string().optional();
const kpiTargetKeyInput = z.object({
  kpi: z.string().min(1), period: z.string().min(1), store: optionalText, marketplace: optionalText, asin: optionalText, parent_asin: optionalText,
  product_line: optionalText, tier: optionalText, owner: optionalText, role: optionalText,
});
const kpiTargetInput = kpiTargetKeyInput.extend({
  target: z.union([z.string(), z.number()]), weight: z.union([z.string(), z.number()]).optional(), priority: z.coerce.number().int().optional(),
});
const specialPeriodInput = z.object({ name: z.string().min(1), from: date, to: date, note: z.string().optional() });
const profitInput = z.object({ ...scope, basis: z.enum(['order', 'posted']).optional(), currency: z.string().optional(), compare: z.enum(['wow', 'mom', 'yoy', 'previous']).optional() });
const money = z.union([z.string(), z.number()]);
const costInput = z.object({
  // unit cost and currency: required of a new cost (setCost says so); a freight-only user's change carries them over
  sku: z.string().min(1), effective_from: date, currency: z.string().optional(), unit_cost: money.optional(),
  freight_per_unit: money.optional(), duty_rate: money.optional(), marketplace: z.string().optional(), store: z.string().optional(),
});
const consumptionTaxInput = z.object({
  store: z.string().optional(), marketplace: z.string().optional(), revenue: z.enum(['net', 'gross']),
  /** product lines at the reduced (food) rate; omitted: kept as they were, [] clears them */
  reduced_product_lines: many.optional(),
});
/** For a page found by text: each row's SKUs and titles, by its store's ASIN (none asked without a text). */
async function productNames(db: Database, q: string | undefined): Promise<(row: { key: Record<string, string | null> }) => string[]> {
  if (!q?.trim()) return () => [];
  const byAsin = new Map<string, string[]>();
  for (const p of await listProducts(db, { onDay: new Date().toISOString().slice(0, 10) })) {
    if (!p.asin) continue;
    byAsin.set(p.asin.toUpperCase(), [...(byAsin.get(p.asin.toUpperCase()) ?? []), p.sku, ...(p.name ? [p.name] : [])]);
  }
  return (row) => byAsin.get(String(row.key.asin ?? '').toUpperCase()) ?? [];
}

const vocabulary = { metrics: new Set([...catalog.map((m) => m.id), ...defaultBenchmarks.map((b) => b.metric)]), tiers };

const pageKeys = new Set(['compare', 'q', 'sort', 'order', 'limit', 'offset']);
/** The funnel's question, inside the asking user's row scope (set by the server, never by the request: issue 20). */
const request = (i: z.infer<typeof funnelInput>, scope?: RowScope): FunnelRequest =>
  ({ ...Object.fromEntries(Object.entries(i).filter(([k, v]) => v !== undefined && !pageKeys.has(k))), ...(scope ? { scope } : {}) });

export const operations = {
  funnel: {
    method: 'get', path: '/api/funnel', input: funnelInput, summary: 'the six-stage funnel per scope / 运营漏斗',
    description: 'Without `limit`: every row. With `limit` (1–1000): one page of rows, found by `q` (ASIN, parent ASIN, SKU or title, any case), '
      + 'sorted by `sort` (a stage\'s count: exposure, click, cart, order, review, repeat; its rate: click_rate …; sessions; weakest: most stages judged low; asin; '
      + 'default order) in `order` (asc or desc; default: numbers largest first, unknown last), from `offset`; the answer\'s `page` says `total` rows found, '
      + '`offset`, `limit`, `sort`, `order` and `q`. / 带 limit 时按页返回（q 按 ASIN、SKU、标题筛选，sort 排序，page.total 为总数）',
    // a user's row scope (stores, marketplaces, owned ASINs) narrows the answer itself: the compiler filters each fact
    rowScoped: true,
    run: async (db: Database, i: z.infer<typeof funnelInput>, scope?: RowScope) => {
      const all = async () => (i.compare ? compareFunnels(db, request(i, scope), i.compare) : (await funnelRows(db, request(i, scope))).rows);
      // a page turned, sorted or searched again reads the same rows (the scope is part of the key): remembered until the next write
      const rows = i.limit === undefined ? await all() : await rememberedAnswer(db, JSON.stringify(['funnel rows', request(i, scope), i.compare ?? null]), all);
      const paged = i.limit === undefined ? null : pageOfFunnels(rows, { q: i.q, sort: i.sort, order: i.order, limit: i.limit, offset: i.offset }, await productNames(db, i.q));
      // no funnel row: say why (issue 15.9); asked without dates, which dates "all dates" are (15.7)
      return {
        rows: paged ? paged.rows : rows, ...(paged ? { page: paged.page } : {}),
        problems: rows.length ? [] : [await emptyAnswerProblem(db, i)], period: await answerPeriod(db, funnelMetrics, i),
      };
    },
  },
  diagnose: {
    method: 'get', path: '/api/diagnose', input: diagnoseInput, summary: 'findings for low funnel stages, costliest first / 漏斗诊断',
    // no finding: why (nothing in the period, every stage within benchmark, too little to judge …)
    rowScoped: true,
    run: async (db: Database, i: z.infer<typeof diagnoseInput>, scope?: RowScope) => diagnoseAnswer(db, request(i, scope)),
  },
  events_list: {
    method: 'get', path: '/api/events', input: eventFilter, summary: 'imported, entered and detected events / 事件',
    run: async (db: Database, i: z.infer<typeof eventFilter>) => ({ events: await listEvents(db, { ...i, origins: i.origin }) }),
  },
  events_add: {
    method: 'post', path: '/api/events', summary: 'enter an event / 添加事件',
    input: z.object({ date, end_date: date.optional(), type: z.string(), asin: z.string().optional(), marketplace: z.string().optional(), store: z.string().optional(), note: z.string().optional() }),
    run: async (db: Database, i: Parameters<typeof addEvent>[1]) => ({ event: await addEvent(db, i) }),
  },
  events_detect: {
    method: 'post', path: '/api/events/detect', input: eventFilter.omit({ origin: true }), summary: 'detect events in the data / 从数据中识别事件',
    run: async (db: Database, i: Parameters<typeof detectEvents>[1]) => detectEvents(db, i),
  },
  benchmarks_list: {
    method: 'get', path: '/api/benchmarks', input: z.object({}), summary: 'benchmark overrides / 基准覆盖',
    run: async (db: Database) => ({ overrides: await listBenchmarkOverrides(db) }),
  },
  benchmarks_set: {
    method: 'put', path: '/api/benchmarks', summary: 'set a benchmark override / 设置基准',
    input: benchmarkKey.extend({ low: z.number().nullable().optional(), high: z.number().nullable().optional(), note: z.string().optional() }),
    run: async (db: Database, i: z.infer<typeof benchmarkKey> & { low?: number | null; high?: number | null; note?: string }) =>
      ({ override: await setBenchmarkOverride(db, { ...i, low: i.low ?? null, high: i.high ?? null }, vocabulary) }),
  },
  benchmarks_remove: {
    method: 'delete', path: '/api/benchmarks', input: benchmarkKey, summary: 'remove a benchmark override / 删除基准覆盖',
    run: async (db: Database, i: z.infer<typeof benchmarkKey>) => ({ removed: await removeBenchmarkOverride(db, i) }),
  },
  products_list: {
    method: 'get', path: '/api/products', input: productsInput, summary: 'products (SKU ↔ ASIN, name, owner, product line, tier) / 产品',
    // the assignment effective on `on` (default today): owners and lines change over time
    rowScoped: true,
    run: async (db: Database, i: z.infer<typeof productsInput>, scope?: RowScope) => {
      const products = await listProducts(db, { ...(i.store ? { store: i.store } : {}), ...(i.asin ? { asin: i.asin } : {}), onDay: i.on ?? new Date().toISOString().slice(0, 10) });
      return { products: products.filter((p) => withinScope(scope, p)) };
    },
  },
  kpi_targets_list: {
    method: 'get', path: '/api/kpi/targets', input: z.object({ period: optionalText, owner: optionalText }), summary: 'KPI targets, imported and entered / KPI目标',
    run: async (db: Database, i: { period?: string | undefined; owner?: string | undefined }) => listTargets(db, i),
  },
  kpi_targets_set: {
    method: 'put', path: '/api/kpi/targets', input: kpiTargetInput, summary: 'set one KPI target, answered with the guard findings / 设置KPI目标',
    run: async (db: Database, i: z.infer<typeof kpiTargetInput>) => setTarget(db, i),
  },
  kpi_targets_remove: {
    method: 'delete', path: '/api/kpi/targets', input: kpiTargetKeyInput, summary: 'remove one KPI target / 删除KPI目标',
    run: async (db: Database, i: z.infer<typeof kpiTargetKeyInput>) => removeTarget(db, i),
  },
  kpi_status: {
    method: 'get', path: '/api/kpi/status', input: kpiStatusInput, summary: 'KPI attainment, pacing, scorecards and guards / KPI达成与进度',
    run: async (db: Database, i: z.infer<typeof kpiStatusInput>) => {
      const answer = await kpiStatus(db, { period: i.period, owner: i.owner, asOf: i.as_of, currency: i.currency, pacing: i.pacing });
      if (!i.explain) return answer;
      const behind = rowsToExplain(answer.rows, {});
      const explained = await explainRows(db, answer, behind, { currency: i.currency });
      return { ...answer, rows: answer.rows.map((r) => ({ ...r, explanation: explained[behind.indexOf(r)] ?? null })) };
    },
  },
  kpi_explain: {
    method: 'get', path: '/api/kpi/explain', input: kpiExplainInput, summary: 'why a KPI was missed: traffic, conversion, price, stock-outs, ads vs organic, findings, events / KPI未达成原因',
    run: async (db: Database, i: z.infer<typeof kpiExplainInput>) =>
      kpiExplain(db, { period: i.period, owner: i.owner, asOf: i.as_of, currency: i.currency, pacing: i.pacing, kpi: i.kpi, all: i.all }),
  },
  kpi_lock: {
    method: 'post', path: '/api/kpi/lock', input: kpiLockInput, summary: 'freeze a closed KPI period / 锁定已结束的考核周期',
    run: async (db: Database, i: z.infer<typeof kpiLockInput>) => kpiLock(db, i),
  },
  kpi_unlock: {
    method: 'post', path: '/api/kpi/unlock', input: kpiUnlockInput, summary: 'reopen a locked KPI period, with a reason (the version is kept) / 解锁考核期（需说明原因，保留原版本）',
    run: async (db: Database, i: z.infer<typeof kpiUnlockInput>) => kpiUnlock(db, i),
  },
  kpi_history: {
    method: 'get', path: '/api/kpi/history', input: kpiPeriodInput, summary: 'locks and unlocks of a KPI period and what changed / 考核期锁定与解锁记录',
    run: async (db: Database, i: z.infer<typeof kpiPeriodInput>) => kpiHistory(db, i),
  },
  kpi_periods_list: {
    method: 'get', path: '/api/kpi/periods', input: z.object({}), summary: 'special KPI periods (Prime Day, BFCM) / 大促考核周期',
    run: async (db: Database) => ({ periods: await listSpecialPeriods(db) }),
  },
  kpi_periods_set: {
    method: 'put', path: '/api/kpi/periods', input: specialPeriodInput, summary: 'define a special KPI period / 设置大促考核周期',
    run: async (db: Database, i: z.infer<typeof specialPeriodInput>) => ({ period: await setSpecialPeriod(db, i) }),
  },
  report: {
    method: 'get', path: '/api/report', input: reportInput, summary: 'the data of a daily, weekly or monthly review / 日报、周报、月报数据',
    run: async (db: Database, i: z.infer<typeof reportInput>) => reviewData(db, i),
  },
  profit: {
    method: 'get', path: '/api/profit', input: profitInput, summary: 'true profit per SKU, product, store, marketplace or day / 利润',
    // an owner-scoped user's profit is their products' (the compiler's row scope); the cost right is checked where it is answered
    rowScoped: true,
    run: async (db: Database, i: z.infer<typeof profitInput>, scope?: RowScope) => profitRows(db, { ...i, ...(scope ? { scope } : {}) }),
  },
  profit_unclassified: {
    method: 'get', path: '/api/profit/unclassified', input: z.object({ from: date.optional(), to: date.optional(), store: z.string().optional(), marketplace: z.string().optional() }),
    summary: 'transaction lines no rule classifies, counted in other fees / 未分类的交易行（计入其他费用）',
    run: async (db: Database, i: { from?: string | undefined; to?: string | undefined; store?: string | undefined; marketplace?: string | undefined }) => unclassifiedLines(db, i),
  },
  costs_list: {
    method: 'get', path: '/api/costs', input: z.object({ store: z.string().optional(), sku: z.string().optional() }), summary: 'unit costs, freight and duty rates / 成本',
    run: async (db: Database, i: { store?: string | undefined; sku?: string | undefined }) => ({ costs: await listCosts(db, i) }),
  },
  costs_set: {
    method: 'put', path: '/api/costs', input: costInput, summary: 'enter a cost, effective from a date / 录入成本',
    run: async (db: Database, i: z.infer<typeof costInput>) => ({ cost: await setCost(db, i) }),
  },
  consumption_tax_list: {
    method: 'get', path: '/api/settings/consumption-tax', input: z.object({ store: z.string().optional() }),
    summary: 'Japanese consumption tax: revenue net of it or not, per store / 日本消费税设置',
    run: async (db: Database, i: { store?: string | undefined }) => ({ settings: (await listConsumptionTax(db)).filter((s) => !i.store || s.store === i.store) }),
  },
  consumption_tax_set: {
    method: 'put', path: '/api/settings/consumption-tax', input: consumptionTaxInput,
    summary: 'count a store\'s JP revenue net of consumption tax (10 %, 8 % for food product lines) or with it / 设置收入是否扣除日本消费税',
    run: async (db: Database, i: z.infer<typeof consumptionTaxInput>) => ({ setting: await setConsumptionTax(db, i) }),
  },
  channels: {
    method: 'get', path: '/api/channels', input: z.object({ from: date.optional(), to: date.optional(), store: z.string().optional(), marketplace: z.string().optional(), currency: z.string().optional() }),
    summary: 'Amazon, Walmart and Shopify side by side: sales, fees, net profit and platform share / 多平台概览与平台占比',
    run: async (db: Database, i: { from?: string | undefined; to?: string | undefined; store?: string | undefined; marketplace?: string | undefined; currency?: string | undefined }) => channelsOverview(db, i),
  },
  customers: {
    method: 'get', path: '/api/customers',
    input: z.object({ store: z.string().optional(), channel: z.string().optional(), as_of: date.optional(), churn_days: z.coerce.number().int().positive().optional() }),
    summary: 'customers a channel identifies: cohorts, repeat rate, time to second order, churn, RFM; Amazon repeat purchase beside / 顾客分析',
    run: async (db: Database, i: { store?: string | undefined; channel?: string | undefined; as_of?: string | undefined; churn_days?: number | undefined }) => customersAnswer(db, i),
  },
  ...pricingOperations,
  ...importOperations,
  ...syncOperations,
  ...alertOperations,
  ...userOperations,
  ...restockOperations,
  ...adsOperations,
} as const;

export type OperationName = keyof typeof operations;

/** Operations whose answer the asking user's row scope narrows (`rowScoped`); the server refuses no scoped user these. */
export const rowScopedOperations: ReadonlySet<string> = new Set(Object.entries(operations).filter(([, op]) => 'rowScoped' in op && op.rowScoped).map(([name]) => name));

/** Whether a product (its store and the owner holding it today) is inside a row scope. */
function withinScope(scope: RowScope | undefined, p: { store: string; owner: string | null }): boolean {
  if (!scope) return true;
  return (scope.stores.length === 0 || scope.stores.includes(p.store)) && (scope.owner === null || p.owner === scope.owner);
}
export type OperationInput<K extends OperationName> = z.input<(typeof operations)[K]['input']>;
export type OperationOutput<K extends OperationName> = Awaited<ReturnType<(typeof operations)[K]['run']>>;

/** A word of a request: where the schema takes one of a few words (`pacing`, a report's `kind`), any string,
 * since the schema checks it and refuses an unknown one in both languages. */
type Words<T> = { [P in keyof T]: [T[P]] extends [string | undefined] ? string | Extract<T[P], undefined> : T[P] };

/** What a caller (the CLI, a remote client) hands an operation: its input, each word as typed text. */
export type OperationRequest<K extends OperationName> = Words<OperationInput<K>>;

/** Validates the input with the operation's schema and runs it on the database. */
export async function runOperation<K extends OperationName>(db: Database, name: K, input: unknown, scope?: RowScope): Promise<OperationOutput<K>> {
  const op = operations[name];
  const result = op.input.safeParse(input ?? {});
  if (!result.success) {
    throw invalidInput(result.error, input);
  }
  const parsed = result.data;
  const run = op.run as (db: Database, i: unknown, scope?: RowScope) => Promise<OperationOutput<K>>;
  return run(db, parsed, scope);
}
