import { describe, expect, test } from 'vitest';
import { explainKpi, stagesOf, type ExplainInput } from './kpi-explain.ts';
import type { KpiRow } from './kpi-status.ts';
import { stockoutsOf } from './kpi-stockouts.ts';
import { diffVersions, type VersionedRow } from './kpi-versions.ts';

/** The pure parts of "why a KPI was missed", on rows shaped as the metric layer answers per ASIN. */
const row = (over: Partial<KpiRow> = {}): KpiRow => ({
  kpi: 'sales', period: '2026-11', scope: { marketplace: 'US' }, owner: 'li', role: 'operator', target: 3000, actual: 900,
  attainment: 0.3, expected_to_date: 0.5, status: 'behind', locked: false, currency: 'USD', weight: null, priority: null,
  pacing: 'linear', no_data_reason: null, ...over,
});
const asin = (id: string, values: Record<string, number | null>) => ({ store: 'default', marketplace: 'US', asin: id, currency: 'USD', ...values });
const input = (over: Partial<ExplainInput<{ date: string; end_date: null; type: string }>> = {}) => ({
  row: row(), window: { from: '2026-11-01', to: '2026-11-15' }, previous: { label: '2026-10', from: '2026-10-01', to: '2026-10-15' },
  now: [asin('A1', { sessions: 600, units: 30, sales: 900.3, ad_sales_same_sku: null, stockout_days: null })],
  before: [asin('A1', { sessions: 500, units: 40, sales: 1000.1, ad_sales_same_sku: null, stockout_days: null })],
  digits: 2, findings: [], events: [], locked: false, ...over,
});

describe('an open period', () => {
  test('the gap is to the part of the target due by now; money stays exact', () => {
    const x = explainKpi(input());
    // 3000 × 0.5 = 1500.00 due; 900.30 − 1500.00 = −599.70; vs October's first 15 days 900.30 − 1000.10 = −99.80 (not −99.79999…)
    expect(x).toMatchObject({ actual: 900.3, target_to_date: 1500, previous: 1000.1, gap: { vs_target: -599.7, vs_previous: -99.8 } });
    const { traffic, conversion, price, total } = x.sales?.vs_previous ?? {};
    expect(total).toBe(-99.8);
    // the parts add up to the change to the cent
    expect(Math.round(((traffic ?? 0) + (conversion ?? 0) + (price ?? 0)) * 100)).toBe(-9980);
  });

  test('without sessions last period, no decomposition: the problem is said, not guessed', () => {
    const x = explainKpi(input({ before: [asin('A1', { sessions: null, units: 40, sales: 1000.1, ad_sales_same_sku: null, stockout_days: null })] }));
    expect(x.sales?.vs_previous.problem?.code).toBe('sales_change_missing');
    expect(x.sales?.vs_target).toBeNull();
    expect(x.largest_drag).toBeNull();
    // no ad data: organic counts ad sales as 0 and says so
    expect(x.ads_vs_organic?.now).toMatchObject({ organic: 900.3, problem: { code: 'ad_sales_missing' } });
  });

  test('a scope selling in two currencies adds no money across them', () => {
    const now = [asin('A1', { sessions: 600, units: 30, sales: 900.3, ad_sales_same_sku: null, stockout_days: 2 }),
      { ...asin('A9', { sessions: 100, units: 10, sales: 80, ad_sales_same_sku: null, stockout_days: 0 }), marketplace: 'DE', currency: 'EUR' }];
    const x = explainKpi(input({ now, mixedCurrency: true }));
    expect(x).toMatchObject({ actual: null, sales: null, ads_vs_organic: null, stockouts: { days: 2, lost_sales: null } });
    // counts still add: 600 + 100 sessions
    expect(x.drivers.find((d) => d.metric === 'sessions')?.now).toBe(700);
    expect(x.notes.map((n) => n.code)).toContain('mixed_currency');
  });

  test('a locked period says its explanation uses today\'s data', () => {
    expect(explainKpi(input({ locked: true })).notes.map((n) => n.code)).toContain('locked_now');
  });
});

describe('stock-outs', () => {
  test('unknown without snapshots, 0 when none ran out, null cost when out all window', () => {
    expect(stockoutsOf([asin('A1', { stockout_days: null, units: 5, sales: 50 })], [], 10)).toMatchObject({ days: null, lost_sales: null, asins: [] });
    expect(stockoutsOf([asin('A1', { stockout_days: 0, units: 5, sales: 50 })], [], 10)).toMatchObject({ days: 0, lost_sales: 0, asins: [] });
    // 10 of 10 days out: no in-stock day to take the daily rate from
    expect(stockoutsOf([asin('A1', { stockout_days: 10, units: 0, sales: 0 })], [], 10).asins[0]).toMatchObject({ days: 10, in_stock_days: 0, lost_sales: null });
  });

  test('per ASIN, summed over the scope', () => {
    // A1: 33.33 × 3 / 7 = 14.284 → 14.28; A2: 100.00 × 1 / 9 = 11.11; 14.28 + 11.11 = 25.39
    const s = stockoutsOf([asin('A1', { stockout_days: 3, units: 3, sales: 33.33 }), asin('A2', { stockout_days: 1, units: 4, sales: 100 })], [], 10);
    expect(s).toMatchObject({ days: 4, lost_sales: 25.39, lost_units: 1.7 }); // 3 × 3 / 7 = 1.29 → 1.3; 4 / 9 = 0.44 → 0.4
  });
});

test.each([
  ['ctr', ['exposure', 'click']],
  ['cart_add_rate', ['click', 'cart']], // its base, clicks, is the click stage's count
  ['order_rate', ['click', 'order']],
  ['review_rate', ['review']],
  ['sales', null],
  ['acos', null],
])('%s is explained by the findings of %j (null: all)', (kpi, stages) => {
  expect(stagesOf(kpi)).toEqual(stages);
});

describe('versions of a locked period', () => {
  const v = (kpi: string, actual: number | null, status: string, owner = 'li'): VersionedRow =>
    ({ kpi, scope: { marketplace: 'US' }, owner, role: 'operator', target: 100, actual, attainment: actual === null ? null : actual / 100, status });
  test('changed, added and removed rows, matched by what they measure', () => {
    const changes = diffVersions([v('sales', 90, 'behind'), v('ctr', 1, 'on_track'), v('units', 5, 'behind')], [v('ctr', 1, 'on_track'), v('sales', 99, 'on_track'), v('aov', 2, 'behind')]);
    expect(changes.map((c) => [c.kpi, c.change, c.fields])).toEqual([
      ['sales', 'changed', ['actual', 'attainment', 'status']],
      ['aov', 'added', ['target', 'actual', 'attainment', 'status']],
      ['units', 'removed', ['target', 'actual', 'attainment', 'status']],
    ]);
  });
});
