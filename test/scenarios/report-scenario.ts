import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { addDays } from '../../src/domain/calendar.ts';
import type { LocalAsterism } from '../../src/app/local.ts';

/**
 * A small review scenario written as real report files (Business Report by child item per day, SP
 * advertised product report, FBA customer returns, reviews, products, events, KPI targets) and
 * imported through the importers. Store "default", US, ISO weeks W41 (2026-10-05 … 10-11) and W42
 * (10-12 … 10-18). Every day of a week is the same, so weekly sums are 7 × a day:
 *
 *   ASIN        owner  W41 day: sessions units sales      W42 day: sessions units sales
 *   B0REPORT01  li             100      5     100.00             120      6     120.00   ($20 each)
 *   B0REPORT02  li              50      2      30.00              50      1      15.00   ($15 each)
 *   B0REPORT03  wang            40      4      40.00              40      2      20.00   ($10 each)
 *
 * SP ads, B0REPORT01 only, per day: W41 spend 8.00, sales 32.00 (all advertised SKU);
 * W42 spend 10.00, sales 40.00 of which advertised SKU 30.00; 10000 impressions, 20 clicks (CTR 0.2%), 2 orders.
 */
export const week41 = { from: '2026-10-05', to: '2026-10-11' };
export const week42 = { from: '2026-10-12', to: '2026-10-18' };

const days = (w: { from: string }) => Array.from({ length: 7 }, (_, i) => addDays(w.from, i));
const brHeader = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';
const brRow = (day: number, asin: string, title: string, sku: string, sessions: number, units: number, sales: string) =>
  // page views vary by day only so that each day's file differs (the same content is imported once)
  `${asin},${asin},${title},${sku},${sessions},0,33.33%,0.00%,${sessions + 10 + day},0,33.33%,0.00%,100.00%,0.00%,${units},0,${((units / sessions) * 100).toFixed(2)}%,0.00%,"$${sales}",$0.00,${units},0`;
const dayOf = (w: { from: string }) => (w.from === week41.from
  ? [['B0REPORT01', 'Bath mat grey', 'R-1', 100, 5, '100.00'], ['B0REPORT02', 'Bath mat blue', 'R-2', 50, 2, '30.00'], ['B0REPORT03', 'Towel white', 'R-3', 40, 4, '40.00']]
  : [['B0REPORT01', 'Bath mat grey', 'R-1', 120, 6, '120.00'], ['B0REPORT02', 'Bath mat blue', 'R-2', 50, 1, '15.00'], ['B0REPORT03', 'Towel white', 'R-3', 40, 2, '20.00']]) as [string, string, string, number, number, string][];

const spHeader = 'Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,7 Day Total Sales ,Total Advertising Cost of Sales (ACoS) ,Total Return on Advertising Spend (RoAS),7 Day Total Orders (#),7 Day Total Units (#),7 Day Conversion Rate,7 Day Advertised SKU Units (#),7 Day Other SKU Units (#),7 Day Advertised SKU Sales ,7 Day Other SKU Sales ';
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const usDate = (d: string) => `"${months[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8))}, ${d.slice(0, 4)}"`;

export function writeReportScenario(dir: string): { files: [string[], Record<string, string>][] } {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => { writeFileSync(join(dir, name), text); return join(dir, name); };
  const files: [string[], Record<string, string>][] = [];
  for (const w of [week41, week42]) {
    for (const [i, day] of days(w).entries()) {
      const path = write(`br-${day}.csv`, `\ufeff${brHeader}\n${dayOf(w).map((r) => brRow(i, ...r)).join('\n')}\n`);
      files.push([[path], { marketplace: 'US', from: day, to: day }]);
    }
  }
  const sp = [...days(week41).map((d) => `${usDate(d)},Not grouped,USD,Mats,Auto,R-1,B0REPORT01,800,16,2.00%,$0.50,$8.00,$32.00,25.00%,4.00,2,2,12.50%,2,0,$32.00,$0.00`),
    ...days(week42).map((d) => `${usDate(d)},Not grouped,USD,Mats,Auto,R-1,B0REPORT01,10000,20,0.20%,$0.50,$10.00,$40.00,25.00%,4.00,2,2,10.00%,2,0,$30.00,$10.00`)];
  const master = [
    write('sp-advertised-product.csv', `\ufeff${spHeader}\n${sp.join('\n')}\n`),
    write('products.csv', 'sku,asin,product_code,product_name,owner,tier,effective_from\nR-1,B0REPORT01,MAT,Bath mat grey,li,mature,2025-01-01\nR-2,B0REPORT02,MAT,Bath mat blue,li,mature,2025-01-01\nR-3,B0REPORT03,TWL,Towel white,wang,mature,2025-01-01\n'),
    write('returns.csv', [
      '"return-date","order-id","sku","asin","fnsku","product-name","quantity","fulfillment-center-id","detailed-disposition","reason","status","license-plate-number","customer-comments"',
      '"2026-10-13T10:00:00+00:00","111-0000001-0000001","R-1","B0REPORT01","X0R1","Bath mat grey","2","TUS1","DEFECTIVE","DEFECTIVE","Unit returned to inventory","LPN1","edge came apart"',
      '"2026-10-15T18:00:00+00:00","111-0000002-0000002","R-1","B0REPORT01","X0R1","Bath mat grey","1","TUS1","SELLABLE","NOT_AS_DESCRIBED","Unit returned to inventory","LPN2","thinner than shown"',
      '"2026-10-16T18:00:00+00:00","111-0000003-0000003","R-3","B0REPORT03","X0R3","Towel white","1","TUS1","SELLABLE","UNWANTED_ITEM","Unit returned to inventory","LPN3",""',
    ].join('\n') + '\n'),
    write('reviews.csv', 'asin,date,rating,title,body,verified,variation,marketplace\nB0REPORT01,2026-10-13,5,Great mat,Soft,true,Grey,US\nB0REPORT01,2026-10-14,1,Broke,Edge came apart after a week,true,Grey,US\nB0REPORT02,2026-10-16,4,Nice,Good colour,true,Blue,US\nB0REPORT03,2026-10-17,2,Thin,Not fluffy,true,White,US\n'),
    write('events.csv', 'date,end_date,type,asin,marketplace,note\n2026-10-13,2026-10-15,coupon,B0REPORT01,US,Coupon 10% off\n'),
    write('targets.csv', 'kpi,period,target,marketplace,owner,role,weight\nsales,2026-W42,1000,,li,operator,2\nacos,2026-W42,0.20,,li,operator,1\nsales,2026-W42,200,,wang,operator,1\n'),
  ];
  files.push([master, { marketplace: 'US' }]);
  return { files };
}

export async function importReportScenario(api: LocalAsterism, dir: string): Promise<void> {
  for (const [paths, options] of writeReportScenario(dir).files) {
    const { files } = await api.importFiles(paths, options);
    expect(files.map((f) => [f.file, f.status, f.error])).toEqual(paths.map((p) => [p, 'imported', null]));
  }
}
