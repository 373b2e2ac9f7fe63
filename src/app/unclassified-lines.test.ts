import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { importFiles } from '../ingest/import-files.ts';
import { withTempDb } from '../ingest/testing.ts';
import { unclassifiedLines } from '../store/unclassified-lines.ts';

const header = '"date/time","settlement id","type","order id","sku","description","quantity","marketplace","fulfillment","product sales",'
  + '"selling fees","fba fees","other transaction fees","other","total"';
const fee = (day: number, type: string, description: string, total: string) =>
  `"Mar ${day}, 2026 1:00:00 AM PST","1","${type}","","","${description}","","amazon.com","","0","0","0","0","${total}","${total}"`;

test('profit --explain lists the lines no rule classifies: an empty type with an unknown description, not a coupon fee', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'fees.csv');
    writeFileSync(file, [header,
      fee(2, '', 'Coupon Redemption Fee: SAVE10', '-0.60'), // an other fee by its description
      fee(3, '', 'Something Amazon never explained', '-0.35'),
      fee(4, 'Brand New Type', 'Also unexplained', '-2.00'),
      fee(5, 'Service Fee', 'Subscription', '-39.99'),
    ].join('\n'));
    expect((await importFiles(db, [file])).files[0]).toMatchObject({ status: 'imported', rows: 4 });
    const all = await unclassifiedLines(db, {});
    expect(all.count).toBe(2);
    expect(all.lines.map((l) => [l.posted_date, l.type, l.description, l.total, l.currency])).toEqual([
      ['2026-03-03', null, 'Something Amazon never explained', '-0.3500', 'USD'],
      ['2026-03-04', 'Brand New Type', 'Also unexplained', '-2.0000', 'USD'],
    ]);
    // scoped by posted date and marketplace
    expect((await unclassifiedLines(db, { from: '2026-03-04', marketplace: 'us' })).count).toBe(1);
    expect((await unclassifiedLines(db, { marketplace: 'DE' })).count).toBe(0);
  }));
