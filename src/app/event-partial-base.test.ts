import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { runOperation } from './operations.ts';

/**
 * Issue 15.3 on detected events: a week-over-week event whose week before is covered by fewer days of its
 * report says so. Business Reports by child item for B0CONVERT1 (US), 1,000 sessions each (the last one's title
 * differs, or it would be the first file again):
 *   2026-10-15 … 10-17 (Thursday–Saturday only)   30 units, 600.00
 *   2026-10-18 … 10-24 (an Amazon week)            60 units, 1,200.00
 *   2026-10-25 … 10-31 (an Amazon week)            30 units, 600.00
 */
const header = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,'
  + 'Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,'
  + 'Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,'
  + 'Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';
const item = (units: number, sales: string, title = 'Mat') =>
  `B0CONVERT1,B0CONVERT1,${title},C-1,1000,0,100.00%,0.00%,1000,0,100.00%,0.00%,100.00%,0.00%,${units},0,${(units / 10).toFixed(2)}%,0.00%,"${sales}",$0.00,${units},0`;
const reports = [['2026-10-15', '2026-10-17', item(30, '$600.00')], ['2026-10-18', '2026-10-24', item(60, '$1,200.00')], ['2026-10-25', '2026-10-31', item(30, '$600.00', 'Bath mat')]] as const;

let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-event-partial-'));
  db = await Database.open(join(dir, 'events.duckdb'));
  for (const [from, to, row] of reports) {
    const file = join(dir, `br-${from}.csv`);
    writeFileSync(file, `\ufeff${header}\n${row}\n`);
    const { files: [result] } = await importFiles(db, [file], { marketplace: 'US', from, to });
    expect(result?.status, result?.error ?? '').toBe('imported');
  }
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a conversion change against a week with 3 days of Business Report says so; one against a whole week does not', async () => {
  const answer = await runOperation(db, 'events_detect', { from: '2026-10-01', to: '2026-10-31' });
  expect(answer.events.map((e) => [e.type, e.date, e.note, e.note_zh])).toEqual([
    // 30 / 1,000 = 3.0% (the week of 10-11: its Business Report covers 10-15 … 10-17, 3 of 7 days) → 60 / 1,000 = 6.0%:
    // +100%; pooled 90 / 2,000 = 0.045, z = 0.03 / √(0.045 × 0.955 × 2/1,000) = 3.24 ≥ 3
    ['conversion_change', '2026-10-18', 'Unit session % 3.0% → 6.0% week over week (+100.0%) (week before: partial base: covers 3 of 7 days (Business Report))',
      '单位会话转化率环比 3.0% → 6.0%（+100.0%）（前一周基期数据不全：仅覆盖 7 天中的 3 天（业务报告））'],
    // 6.0% → 3.0%: −50%, the same z; both weeks whole
    ['conversion_change', '2026-10-25', 'Unit session % 6.0% → 3.0% week over week (-50.0%)', '单位会话转化率环比 6.0% → 3.0%（-50.0%）'],
  ]);
});
