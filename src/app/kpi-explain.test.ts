import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kpiExplainDir, kpiExplainImports } from '../../test/scenarios/kpi-explain-scenario.ts';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { kpiStatus } from './kpi.ts';
import { kpiExplain, type KpiExplainAnswer, type RowExplanation } from './kpi-explain.ts';
import { runOperation } from './operations.ts';

/** Why li missed October (test/scenarios/kpi-explain-scenario.ts has the numbers of every file). */
let dir: string;
let db: Database;
let answer: KpiExplainAnswer;
const explained = (kpi: string) => answer.explanations.find((x) => x.kpi === kpi) as RowExplanation;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-kpi-explain-'));
  db = await Database.open(join(dir, 'explain.duckdb'));
  for (const [files, options] of kpiExplainImports) {
    const { files: results } = await importFiles(db, files.map((f) => join(kpiExplainDir, f)), options);
    expect(results.map((r) => [r.file, r.status, r.error])).toEqual(files.map((f) => [join(kpiExplainDir, f), 'imported', null]));
  }
  answer = await kpiExplain(db, { period: '2026-10' });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('li\'s October sales: 1,472.00 of 2,000', () => {
  test('only the rows behind are explained, against September over the same days', () => {
    // sales 1152.00 + 320.00 = 1472.00 / 2000 = 0.736; CTR (280 + 120) / (40000 + 20000) = 0.006667 / 0.008 = 0.8334
    expect(answer.explanations.map((x) => [x.kpi, x.status])).toEqual([['ctr', 'behind'], ['sales', 'behind']]);
    expect(explained('sales')).toMatchObject({
      window: { from: '2026-10-01', to: '2026-10-31' }, compared_to: { label: '2026-09', from: '2026-09-01', to: '2026-09-30' },
      currency: 'USD', actual: 1472, target: 2000, target_to_date: 2000, previous: 1750,
      // 1472.00 − 2000 and 1472.00 − (1250.00 + 500.00)
      gap: { vs_target: -528, vs_previous: -278 },
    });
  });

  test('the change vs September: traffic, conversion and price, adding up to −278.00', () => {
    // S0 1500 sessions, c0 75 / 1500 = 0.05, p0 1750 / 75 = 23.3333; S1 1600, c1 64 / 1600 = 0.04, p1 1472 / 64 = 23
    // traffic    = 100 × [(c0p0 + c1p1)/3 + (c0p1 + c1p0)/6] = 100 × [(1.166667 + 0.92)/3 + (1.15 + 0.933333)/6] = 104.2778
    // conversion = −0.01 × [(35000 + 36800)/3 + (34500 + 37333.33)/6] = −359.0556
    // price      = −1/3 × [(75 + 64)/3 + (60 + 80)/6] = −23.2222;   104.28 − 359.06 − 23.22 = −278.00
    const change = explained('sales').sales?.vs_previous;
    expect(change).toMatchObject({ total: -278, traffic: 104.28, conversion: -359.06, price: -23.22, problem: null });
    expect(change?.before).toEqual({ sales: 1750, sessions: 1500, conversion: 0.05, price: 23.33 });
    expect(change?.after).toEqual({ sales: 1472, sessions: 1600, conversion: 0.04, price: 23 });
    expect(explained('sales').largest_drag).toBe('conversion');
  });

  test('the gap to target: the target read as September\'s conversion and price with the traffic it needs', () => {
    // k = 2000 / 1750 = 8/7: planned sessions 1500 × 8/7 = 1714.29, units 85.71, sales 2000.00 (c0 0.05, p0 23.3333)
    // traffic = (1600 − 1714.2857) × 1.042778 = −119.1746; conversion = −0.01 × [(40000 + 36800)/3 + (39428.57 + 37333.33)/6] = −383.9365
    // price = −1/3 × [(85.714 + 64)/3 + (68.571 + 80)/6] = −24.8889;   −119.17 − 383.94 − 24.89 = −528.00
    expect(explained('sales').sales?.vs_target).toMatchObject({
      total: -528, traffic: -119.17, conversion: -383.94, price: -24.89, problem: null, before: { sessions: 1714.29, sales: 2000 },
    });
    expect(explained('sales').notes.map((n) => n.code)).toEqual(['stockout_estimate', 'target_plan']);
  });

  test('stock-outs: the blue mat at 0 on 20–23 October, and the sales that likely cost', () => {
    // 4 SKU-days out of 31, 27 in stock; 16 units, 320.00 in October:
    // lost units 16 × 4 / 27 = 2.37 → 2.4; lost sales 320.00 × 4 / 27 = 47.407 → 47.41 (estimate)
    expect(explained('sales').stockouts).toEqual({
      days: 4, days_before: 0, estimate: true, lost_units: 2.4, lost_sales: 47.41,
      asins: [{ store: 'default', marketplace: 'US', asin: 'B0KPIX0002', days: 4, in_stock_days: 27, units: 16, sales: 320, lost_units: 2.4, lost_sales: 47.41 }],
    });
  });

  test('ads vs organic: ad sales up 100.00, organic sales down 378.00', () => {
    // October: 1472.00 − 600.00 = 872.00 organic (872 / 1472 = 0.5924); September: 1750.00 − 500.00 = 1250.00 (0.7143)
    expect(explained('sales').ads_vs_organic).toEqual({
      now: { sales: 1472, ad_sales_same_sku: 600, organic: 872, organic_share: 0.5924, problem: null },
      before: { sales: 1750, ad_sales_same_sku: 500, organic: 1250, organic_share: 0.7143, problem: null },
      change: { total: -278, ads: 100, organic: -378, problem: null },
    });
  });

  test('the funnel findings of October for li\'s ASINs, and the events in the period only', () => {
    // blue mat: cart adds 18 / 120 clicks = 15% < 20%; purchases 8 / 120 = 6.67% < 8%. The grey mat is within its benchmarks.
    expect(explained('sales').findings.map((f) => [f.scope.asin, f.stage, f.value])).toEqual([['B0KPIX0002', 'cart', 0.15], ['B0KPIX0002', 'order', 0.0667]]);
    // the image change of 5 October; the September coupon is outside the period
    expect(explained('sales').events.map((e) => [e.type, e.date, e.asin])).toEqual([['image_change', '2026-10-05', 'B0KPIX0001']]);
  });

  test('in sentences, in Chinese and English', () => {
    const { zh, en } = explained('sales').text;
    expect(zh.slice(0, 4)).toEqual([
      '销售额 1,472.00 USD，目标 2,000.00 USD：差 −528.00（达成 73.6%）',
      '销售额较2026-09变化 −278.00：流量 +104.28，转化 −359.06，价格 −23.22',
      '与目标的差距 −528.00（目标按2026-09的转化率和客单价折算所需流量）：流量 −119.17，转化 −383.94，价格 −24.89',
      '断货 4 个SKU天（B0KPIX0002 4），估计少卖 47.41 USD（估算：断货天数 × 有货日均销量 × 平均售价）',
    ]);
    expect(en[1]).toBe('Sales vs 2026-09: −278.00 = traffic +104.28, conversion −359.06, price −23.22');
    expect(en[4]).toBe('Advertised-SKU ad sales 600.00 USD (+100.00), organic sales 872.00 USD (−378.00)');
  });
});

describe('a process KPI: li\'s October CTR', () => {
  test('explained by its own parts and the findings of its stages', () => {
    const ctr = explained('ctr');
    // 400 / 60000 = 0.006667 against 0.008; September 450 / 50000 = 0.009: impressions rose, clicks fell
    expect(ctr).toMatchObject({ actual: 0.006667, previous: 0.009, gap: { vs_target: -0.001333, vs_previous: -0.002333 }, sales: null, stockouts: null });
    expect(ctr.drivers.map((d) => [d.metric, d.now, d.before, d.change])).toEqual([
      ['ctr', 0.006667, 0.009, -0.002333], ['clicks', 400, 450, -50], ['impressions', 60000, 50000, 10000],
    ]);
    // CTR is the exposure and click stages: the blue mat's weak cart and order stages are not its cause
    expect(ctr.findings).toEqual([]);
    expect(ctr.text.en.slice(0, 2)).toEqual(['CTR 0.67% against 0.80%: −0.13 pp (attainment 83.3%)', 'CTR: 0.67% (was 0.90%)']);
  });
});

describe('ISO weeks and Brand Analytics', () => {
  test('a search-funnel KPI set for an ISO week has no actual, and says why', async () => {
    const week = await kpiStatus(db, { period: '2026-W42' });
    const ctr = week.rows.find((r) => r.kpi === 'ctr');
    expect(ctr).toMatchObject({ actual: null, attainment: null, status: 'no_data', no_data_reason: { code: 'amazon_weeks' } });
    expect(ctr?.no_data_reason?.en).toMatch(/^Brand Analytics weeks run Sunday–Saturday.*set this KPI per month/i);
    expect(ctr?.no_data_reason?.zh).toMatch(/周日至周六/);
    // sessions come from the Business Report: no Brand Analytics reason, but its monthly report does not fit a week, and says so
    expect(week.rows.find((r) => r.kpi === 'sessions')).toMatchObject({ status: 'no_data', no_data_reason: { code: 'grain' } });
  });
});

describe('through the operations table (CLI and HTTP)', () => {
  test('kpi_explain with one KPI explains its rows whatever their status; kpi_status with explain adds the field', async () => {
    const one = await runOperation(db, 'kpi_explain', { period: '2026-10', kpi: 'sales' });
    expect(one.explanations.map((x) => x.kpi)).toEqual(['sales']);
    const status = await runOperation(db, 'kpi_status', { period: '2026-10', explain: 'true' });
    const rows = status.rows as (typeof status.rows[number] & { explanation: RowExplanation | null })[];
    expect(rows.map((r) => [r.kpi, r.explanation?.gap.vs_target ?? null])).toEqual([['ctr', -0.001333], ['sales', -528]]);
  });
});
