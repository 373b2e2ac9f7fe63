import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { runOperation } from './operations.ts';

/**
 * Issue 15.6: weekly Business Reports by child item (Sunday–Saturday, the only traffic data here)
 * feed the Buy Box and price detectors at their own grain.
 *               week of 10-04            10-11                    10-18
 *  B0HIJACK01   BB 98%, 50 u, 1,249.50   BB 98%, 48 u, 1,199.52   BB 40%, 20 u, 499.80   (a hijacker)
 *  B0PRICE001   BB 100%, 10 u, 200.00    10 u, 200.00             10 u, 230.00           (ASP 20.00 → 23.00)
 */
const header = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,'
  + 'Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,'
  + 'Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,'
  + 'Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';
const item = (child: string, buyBox: string, units: number, sales: string) =>
  `B0WEEKPAR0,${child},${child},${child},1000,0,50.00%,0.00%,1000,0,50.00%,0.00%,${buyBox},0.00%,${units},0,${(units / 10).toFixed(2)}%,0.00%,"${sales}",$0.00,${units},0`;
const weeks = [
  ['2026-10-04', '2026-10-10', item('B0HIJACK01', '98.00%', 50, '$1,249.50'), item('B0PRICE001', '100.00%', 10, '$200.00')],
  ['2026-10-11', '2026-10-17', item('B0HIJACK01', '98.00%', 48, '$1,199.52'), item('B0PRICE001', '100.00%', 10, '$200.00')],
  ['2026-10-18', '2026-10-24', item('B0HIJACK01', '40.00%', 20, '$499.80'), item('B0PRICE001', '100.00%', 10, '$230.00')],
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

test('the hijacker\'s Buy Box loss and a price rise, each over its week', async () => {
  // what `asterism events detect` and POST /api/events/detect run
  const answer = await runOperation(db, 'events_detect', { from: '2026-10-01', to: '2026-10-31' });
  expect(answer.events.map((e) => [e.asin, e.type, e.date, e.end_date, e.note])).toEqual([
    // 98% → 40%: −58 points (below 70% from above it, and more than 20 points down)
    ['B0HIJACK01', 'buy_box_drop', '2026-10-18', '2026-10-24', 'Buy Box 98.0% → 40.0% (-58.0 pts)'],
    // ASP 200.00 / 10 = 20.00 → 230.00 / 10 = 23.00: +15% ≥ 5%; the hijacker's own ASP stays 24.99
    ['B0PRICE001', 'price_change', '2026-10-18', '2026-10-24', 'ASP 20.00 → 23.00 (+15.0%)'],
  ]);
  expect(answer.events[0]?.note_zh).toBe('购物车获得率 98.0% → 40.0%（-58.0 个百分点）');
});
