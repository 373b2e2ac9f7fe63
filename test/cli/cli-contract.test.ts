import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../src/store/database.ts';
import { loadMetricScenario } from '../scenarios/metric-scenario.ts';
import { runCli } from './run-cli.ts';

/** The CLI contract of ../shared/spec/cli.md: commands, JSON shapes, one-line errors, exit codes. */
const specIds = `impressions, clicks, ctr, sessions, page_views, buy_box_pct, cart_adds, cart_add_rate, purchases, orders,
order_items, units, sales, order_rate, unit_session_pct, order_item_session_pct, aov, ad_impressions, ad_clicks, ad_spend,
ad_sales, ad_orders, ad_units, cpc, acos, roas, tacos, ad_sales_share, reviews_new, review_rate, rating_avg, customers,
repeat_customers, repeat_rate, returned_units, return_rate, refunds, referral_fees, fba_fees, storage_fees, cogs, freight,
duties, revenue, net_profit, net_margin, available_units, inbound_units, days_of_cover, sell_through, stockout_days, odr,
late_shipment_rate, a_to_z_rate`.split(/[\s,]+/).filter(Boolean);

let dir: string;
let empty: string;
let loaded: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-'));
  empty = join(dir, 'empty.duckdb');
  loaded = join(dir, 'loaded.duckdb');
  const db = await Database.open(loaded);
  await loadMetricScenario(db);
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('asterism metrics', () => {
  test('--json lists every SPEC §8 id with the contract fields', async () => {
    const r = await runCli(['metrics', '--json', '--db', empty]);
    expect(r.code).toBe(0);
    const { metrics } = JSON.parse(r.stdout) as { metrics: Record<string, string>[] };
    const ids = metrics.map((m) => m.id);
    for (const id of specIds) expect(ids).toContain(id);
    expect(metrics.find((m) => m.id === 'acos')).toMatchObject({
      id: 'acos', name_en: 'ACoS', name_zh: '广告销售成本比', unit: 'ratio', direction: 'lower', kind: 'process', formula: 'ad_spend / ad_sales',
    });
  });
});

describe('asterism query', () => {
  test('on an empty database: {"rows":[]}', async () => {
    const r = await runCli(['query', '--metric', 'sales', '--by', 'asin', '--json', '--db', empty]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: [] });
    expect(existsSync(empty)).toBe(true);
  });

  test('--json shape: dimension keys, currency, metrics; ratios as fractions; unknown null', async () => {
    const r = await runCli(['query', '--metric', 'sales', '--metric', 'acos,ctr', '--by', 'asin', '--from', '2026-10-01', '--to', '2026-10-31', '--marketplace', 'US', '--json'], { ASTERISM_DB: loaded });
    expect(r.code).toBe(0);
    const { rows } = JSON.parse(r.stdout) as { rows: Record<string, unknown>[] };
    // A1: sales 160.13; ACoS 18 / 40 = 0.45; CTR null (the week's search funnel does not fit October)
    expect(rows[0]).toMatchObject({ asin: 'A1', currency: 'USD', sales: 160.13, acos: 0.45, ctr: null });
  });

  test('--csv prints a header and rows', async () => {
    const r = await runCli(['--db', loaded, 'query', '--metric', 'sessions', '--by', 'marketplace', '--from', '2026-10-01', '--csv']);
    expect(r.code).toBe(0);
    // US 100 + 50 + 200 = 350; DE 80
    expect(r.stdout.trim().split('\n')).toEqual(['marketplace,sessions', 'DE,80', 'US,350']);
  });

  test.each([
    [['query', '--metric', 'salez'], /^asterism: unknown metric "salez" \(did you mean sales\?\)/],
    [['query', '--metric', 'sales', '--by', 'colour'], /^asterism: unknown dimension "colour"/],
    [['query', '--metric', 'sales', '--from', '2026-13-01'], /^asterism: --from "2026-13-01" is not a date: expected YYYY-MM-DD/],
    [['query', '--metric', 'sales', '--marketplace', 'XX'], /^asterism: unknown marketplace "XX"/],
    [['query'], /^asterism: required option '--metric <id>' not specified/],
    [['bogus'], /^asterism: unknown command 'bogus'/],
  ])('%j fails with one clear line and a non-zero exit', async (args, message) => {
    const r = await runCli([...args, '--db', empty]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});
