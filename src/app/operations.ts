import { z } from 'zod';
import { AsterismError } from '../domain/errors.ts';
import { detectEvents } from './detect-events.ts';
import { kpiLock, kpiStatus } from './kpi.ts';
import { compareFunnels, diagnoseFunnels, funnelRows, type FunnelRequest } from './funnel.ts';
import { defaultBenchmarks, tiers } from '../analysis/benchmark-table.ts';
import { catalog } from '../metrics/catalog.ts';
import type { Database } from '../store/database.ts';
import { listBenchmarkOverrides, removeBenchmarkOverride, setBenchmarkOverride } from '../store/benchmark-overrides.ts';
import { addEvent, listEvents } from '../store/events.ts';
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
const funnelInput = z.object({ ...scope, compare: z.enum(['wow', 'mom', 'yoy']).optional(), tier: z.enum(['new', 'mature', 'clearance']).optional() });
const eventFilter = z.object({ from: date.optional(), to: date.optional(), store: z.string().optional(), marketplace: z.string().optional(), asin: z.string().optional(), origin: many.optional() });
const benchmarkKey = z.object({
  metric: z.string(), marketplace: z.string().optional(), tier: z.string().optional(), category: z.string().optional(),
  price_band: z.string().optional(), variant: z.string().optional(),
});
const kpiStatusInput = z.object({
  period: z.string().min(1), owner: z.string().optional(), as_of: date.optional(), currency: z.string().optional(),
  pacing: z.enum(['linear', 'seasonal']).optional(),
});
const kpiLockInput = z.object({ period: z.string().min(1), currency: z.string().optional() });
const productsInput = z.object({ store: z.string().optional(), asin: z.string().optional(), on: date.optional() });
const specialPeriodInput = z.object({ name: z.string().min(1), from: date, to: date, note: z.string().optional() });
const vocabulary = { metrics: new Set([...catalog.map((m) => m.id), ...defaultBenchmarks.map((b) => b.metric)]), tiers };

const request = (i: z.infer<typeof funnelInput>): FunnelRequest => Object.fromEntries(Object.entries(i).filter(([k, v]) => v !== undefined && k !== 'compare'));

export const operations = {
  funnel: {
    method: 'get', path: '/api/funnel', input: funnelInput, summary: 'the six-stage funnel per scope / 运营漏斗',
    run: async (db: Database, i: z.infer<typeof funnelInput>) => ({ rows: i.compare ? await compareFunnels(db, request(i), i.compare) : (await funnelRows(db, request(i))).rows }),
  },
  diagnose: {
    method: 'get', path: '/api/diagnose', input: funnelInput, summary: 'findings for low funnel stages / 漏斗诊断',
    run: async (db: Database, i: z.infer<typeof funnelInput>) => ({ findings: await diagnoseFunnels(db, request(i)) }),
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
    run: async (db: Database, i: z.infer<typeof productsInput>) =>
      ({ products: await listProducts(db, { ...(i.store ? { store: i.store } : {}), ...(i.asin ? { asin: i.asin } : {}), onDay: i.on ?? new Date().toISOString().slice(0, 10) }) }),
  },
  kpi_status: {
    method: 'get', path: '/api/kpi/status', input: kpiStatusInput, summary: 'KPI attainment, pacing, scorecards and guards / KPI达成与进度',
    run: async (db: Database, i: z.infer<typeof kpiStatusInput>) =>
      kpiStatus(db, { period: i.period, owner: i.owner, asOf: i.as_of, currency: i.currency, pacing: i.pacing }),
  },
  kpi_lock: {
    method: 'post', path: '/api/kpi/lock', input: kpiLockInput, summary: 'freeze a closed KPI period / 锁定已结束的考核周期',
    run: async (db: Database, i: z.infer<typeof kpiLockInput>) => kpiLock(db, i),
  },
  kpi_periods_list: {
    method: 'get', path: '/api/kpi/periods', input: z.object({}), summary: 'special KPI periods (Prime Day, BFCM) / 大促考核周期',
    run: async (db: Database) => ({ periods: await listSpecialPeriods(db) }),
  },
  kpi_periods_set: {
    method: 'put', path: '/api/kpi/periods', input: specialPeriodInput, summary: 'define a special KPI period / 设置大促考核周期',
    run: async (db: Database, i: z.infer<typeof specialPeriodInput>) => ({ period: await setSpecialPeriod(db, i) }),
  },
} as const;

export type OperationName = keyof typeof operations;
export type OperationInput<K extends OperationName> = z.input<(typeof operations)[K]['input']>;
export type OperationOutput<K extends OperationName> = Awaited<ReturnType<(typeof operations)[K]['run']>>;

/** Validates the input with the operation's schema and runs it on the database. */
export async function runOperation<K extends OperationName>(db: Database, name: K, input: unknown): Promise<OperationOutput<K>> {
  const op = operations[name];
  const result = op.input.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AsterismError('bad_request', `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
  }
  const parsed = result.data;
  const run = op.run as (db: Database, i: unknown) => Promise<OperationOutput<K>>;
  return run(db, parsed);
}
