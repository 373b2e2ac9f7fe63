import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { runOperation } from './operations.ts';

/**
 * Issue 15.6: weekly Business Reports by child item (Sunday–Saturday, the only traffic data here)
 * feed the Buy Box, price and conversion detectors at their own grain.
 *               week of 10-04            10-11                    10-18
 *  B0HIJACK01   BB 98%, 50 u, 1,249.50   BB 98%, 48 u, 1,199.52   BB 40%, 20 u, 499.80   (a hijacker)
 *  B0PRICE001   BB 100%, 10 u, 200.00    10 u, 200.00             10 u, 230.00           (ASP 20.00 → 23.00)
 *  B0CONVERT1   30 u, 600.00             30 u, 600.00             60 u, 1,200.00         (conversion 3.0% → 6.0%)
 *  B0SMALLCV1   120 sessions, 6 u        6 u                      9 u                    (5.0% → 7.5%: chance)
 * Sessions 1,000 a week unless said.
 */
const header = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,'
  + 'Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,'
  + 'Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,'
  + 'Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';
const item = (child: string, buyBox: string, units: number, sales: string, sessions = 1000) =>
  `B0WEEKPAR0,${child},${child},${child},${sessions},0,50.00%,0.00%,${sessions},0,50.00%,0.00%,${buyBox},0.00%,${units},0,${((units / sessions) * 100).toFixed(2)}%,0.00%,"${sales}",$0.00,${units},0`;
const weeks = [
  ['2026-10-04', '2026-10-10', item('B0HIJACK01', '98.00%', 50, '$1,249.50'), item('B0PRICE001', '100.00%', 10, '$200.00'),
    item('B0CONVERT1', '100.00%', 30, '$600.00'), item('B0SMALLCV1', '100.00%', 6, '$120.00', 120)],
  ['2026-10-11', '2026-10-17', item('B0HIJACK01', '98.00%', 48, '$1,199.52'), item('B0PRICE001', '100.00%', 10, '$200.00'),
    item('B0CONVERT1', '100.00%', 30, '$600.00'), item('B0SMALLCV1', '100.00%', 6, '$120.00', 120)],
  ['2026-10-18', '2026-10-24', item('B0HIJACK01', '40.00%', 20, '$499.80'), item('B0PRICE001', '100.00%', 10, '$230.00'),
    item('B0CONVERT1', '100.00%', 60, '$1,200.00'), item('B0SMALLCV1', '100.00%', 9, '$180.00', 120)],
] as const;

let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-detect-weekly-'));
  db = await Database.open(join(dir, 'weekly.duckdb'));
  for (const [from, to, ...rows] of weeks) {
    const file = join(dir, `br-${from}.csv`);
    writeFileSync(file, `\ufeff${header}\n${rows.join('\n')}\n`);
    const { files: [result] } = await importFiles(db, [file], { marketplace: 'US', from, to });
    expect(result?.status, result?.error ?? '').toBe('imported');
  }
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the hijacker\'s Buy Box loss, a price rise and conversion changes, each over its week', async () => {
  // what `asterism events detect` and POST /api/events/detect run
  const answer = await runOperation(db, 'events_detect', { from: '2026-10-01', to: '2026-10-31' });
  expect(answer.events.map((e) => [e.asin, e.type, e.date, e.end_date, e.note])).toEqual([
    // 98% → 40%: −58 points (below 70% from above it, and more than 20 points down)
    ['B0HIJACK01', 'buy_box_drop', '2026-10-18', '2026-10-24', 'Buy Box 98.0% → 40.0% (-58.0 pts)'],
    // unit session % 30 / 1,000 = 3.0% → 60 / 1,000 = 6.0%: +100% ≥ 25%; pooled 90 / 2,000 = 0.045,
    // z = 0.03 / √(0.045 × 0.955 × (1/1,000 + 1/1,000)) = 0.03 / 0.009271 = 3.24 ≥ 3 (ASP stays 20.00)
    ['B0CONVERT1', 'conversion_change', '2026-10-18', '2026-10-24', 'Unit session % 3.0% → 6.0% week over week (+100.0%)'],
    // 48 / 1,000 = 4.8% → 20 / 1,000 = 2.0%: −58.3%; pooled 68 / 2,000 = 0.034, z = 0.028 / 0.008105 = 3.45 ≥ 3
    // (10-04 → 10-11: 5.0% → 4.8% is −4%, under 25%)
    ['B0HIJACK01', 'conversion_change', '2026-10-18', '2026-10-24', 'Unit session % 4.8% → 2.0% week over week (-58.3%)'],
    // ASP 200.00 / 10 = 20.00 → 230.00 / 10 = 23.00: +15% ≥ 5%; the hijacker's own ASP stays 24.99
    ['B0PRICE001', 'price_change', '2026-10-18', '2026-10-24', 'ASP 20.00 → 23.00 (+15.0%)'],
    // B0SMALLCV1: 6 / 120 = 5.0% → 9 / 120 = 7.5% is +50%, but z = 0.025 / √(0.0625 × 0.9375 × 2/120) = 0.8: chance
  ]);
  expect(answer.events[0]?.note_zh).toBe('购物车获得率 98.0% → 40.0%（-58.0 个百分点）');
  expect(answer.events[1]?.note_zh).toBe('单位会话转化率环比 3.0% → 6.0%（+100.0%）');
});
