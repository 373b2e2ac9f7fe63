import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { addDays } from '../../src/domain/calendar.ts';
import type { LocalAsterism } from '../../src/app/local.ts';

/**
 * Coverage scenario, written as real report files: Business Reports by child item downloaded by Amazon
 * week (Sunday to Saturday), one downloaded for a single day a year earlier, and a daily SP advertised
 * product report. Store "default", US, one ASIN B0COVER001 (SKU C-1, $20 each).
 *
 *   Business Report          range                       sessions units sales
 *   this week                2026-10-11 … 2026-10-17         700    35  700.00
 *   the week before          2026-10-04 … 2026-10-10         630    28  560.00
 *   a year ago, one day      2025-10-18 (a Saturday)         100     2   40.00
 *
 *   SP ads, every day of 2026-10-11 … 10-17 and 2025-10-12 … 10-18: spend 10.00, sales 40.00 (14 rows)
 *
 * So this week's year-ago base (2025-10-12 … 10-18, 364 days earlier, the same weekdays) has Business
 * Report data for 1 of its 7 days and ads for all 7; the data ends on a Saturday.
 */
export const thisWeek = { from: '2026-10-11', to: '2026-10-17' };
export const weekBefore = { from: '2026-10-04', to: '2026-10-10' };
export const yearAgo = { from: '2025-10-12', to: '2025-10-18' };

const brHeader = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';
const brFile = (sessions: number, units: number, sales: string) =>
  `\ufeff${brHeader}\nB0COVER001,B0COVER001,Bath mat,C-1,${sessions},0,100.00%,0.00%,${sessions + 50},0,100.00%,0.00%,100.00%,0.00%,${units},0,${((units / sessions) * 100).toFixed(2)}%,0.00%,"$${sales}",$0.00,${units},0\n`;

const spHeader = 'Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,7 Day Total Sales ,Total Advertising Cost of Sales (ACoS) ,Total Return on Advertising Spend (RoAS),7 Day Total Orders (#),7 Day Total Units (#),7 Day Conversion Rate,7 Day Advertised SKU Units (#),7 Day Other SKU Units (#),7 Day Advertised SKU Sales ,7 Day Other SKU Sales ';
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const usDate = (d: string) => `"${months[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8))}, ${d.slice(0, 4)}"`;
const days = (w: { from: string }) => Array.from({ length: 7 }, (_, i) => addDays(w.from, i));

export function writeCoverageScenario(dir: string): [string[], Record<string, string>][] {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => { writeFileSync(join(dir, name), text); return join(dir, name); };
  const sp = [...days(yearAgo), ...days(thisWeek)].map((d) => `${usDate(d)},Not grouped,USD,Mats,Auto,C-1,B0COVER001,1000,20,2.00%,$0.50,$10.00,$40.00,25.00%,4.00,2,2,10.00%,2,0,$40.00,$0.00`);
  return [
    [[write('br-this-week.csv', brFile(700, 35, '700.00'))], { marketplace: 'US', ...thisWeek }],
    [[write('br-week-before.csv', brFile(630, 28, '560.00'))], { marketplace: 'US', ...weekBefore }],
    [[write('br-year-ago-day.csv', brFile(100, 2, '40.00'))], { marketplace: 'US', from: yearAgo.to, to: yearAgo.to }],
    [[write('sp-advertised-product.csv', `\ufeff${spHeader}\n${sp.join('\n')}\n`)], { marketplace: 'US' }],
  ];
}

export async function importCoverageScenario(api: LocalAsterism, dir: string): Promise<void> {
  for (const [paths, options] of writeCoverageScenario(dir)) {
    const { files } = await api.importFiles(paths, options);
    expect(files.map((f) => [f.file, f.status, f.error])).toEqual(paths.map((p) => [p, 'imported', null]));
  }
}
