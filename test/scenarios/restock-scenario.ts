import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addDays } from '../../src/analysis/demand-forecast.ts';

/**
 * MAT-1 in the US, in the real layouts (issue 22): an All Orders report selling 5 a day from 2026-11-02 to 11-29, 0 on
 * three days out of stock (Manage FBA Inventory with 0 available on 11-20..22) and 25 on a deal day (11-10, events file);
 * the last snapshot (11-29) has 200 available and 100 shipped + 20 receiving inbound. MAT-2 sells once a week but has no
 * lead time. Master files: lead times (sea 30 + 35 + 10 days, air 30 + 8 + 5; MOQ 500, carton 24) and POs (two received
 * in 80 and 69 days, one open for 300). Worked out by hand in src/app/restock.test.ts.
 */
const orderHeader = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel', 'sales-channel', 'sku', 'asin', 'quantity', 'currency', 'item-price'];
const inventoryHeader = ['sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'mfn-listing-exists', 'mfn-fulfillable-quantity', 'afn-listing-exists', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity', 'afn-reserved-quantity', 'afn-total-quantity', 'per-unit-volume', 'afn-inbound-working-quantity', 'afn-inbound-shipped-quantity', 'afn-inbound-receiving-quantity'];
export const restockStockouts = ['2026-11-20', '2026-11-21', '2026-11-22'];
const masterDir = resolve(import.meta.dirname, '../fixtures/ingest/master-data/restock');

/** Writes the report files into `dir` and answers every file to import, in order, with its import options. */
export function restockScenarioFiles(dir: string, extra: { formulaSku?: string } = {}): [string, { date?: string; marketplace?: string }][] {
  const lines = [orderHeader.join('\t')];
  for (let i = 0; i < 28; i++) {
    const day = addDays('2026-11-02', i);
    const units = restockStockouts.includes(day) ? 0 : day === '2026-11-10' ? 25 : 5;
    const line = (id: string, sku: string, asin: string, quantity: number, price: string) =>
      [id, '', `${day}T12:00:00+00:00`, `${day}T13:00:00+00:00`, 'Shipped', 'Amazon', 'Amazon.com', sku, asin, String(quantity), 'USD', price].join('\t');
    if (units > 0) lines.push(line(`111-0000000-${1000 + i}`, 'MAT-1', 'B0TEST0001', units, (units * 20).toFixed(2)));
    if (i % 7 === 0) lines.push(line(`112-0000000-${1000 + i}`, 'MAT-2', 'B0TEST0002', 1, '15.00'));
    // a SKU starting with `-` (allowed in, read as a formula by a spreadsheet: the export test), sold once on the last day
    if (extra.formulaSku && i === 27) lines.push(line('113-0000000-0000001', extra.formulaSku, 'B0TEST0003', 1, '9.00'));
  }
  writeFileSync(join(dir, 'orders.txt'), `${lines.join('\n')}\n`);
  const files: [string, { date?: string; marketplace?: string }][] = [[join(dir, 'orders.txt'), {}]];
  const snapshot = (day: string, available: number, shipped: number, receiving: number) => {
    const file = join(dir, `inventory-${day}.txt`);
    // reserved units differ by day: the same bytes twice would be one file imported once
    const reserved = Number(day.slice(-2));
    writeFileSync(file, `${inventoryHeader.join('\t')}\nMAT-1\tX00TEST001\tB0TEST0001\tDoor Mat\tNew\t20.00\tNo\t\tYes\t${available}\t${available}\t0\t${reserved}\t${available + shipped + receiving + reserved}\t0.45\t0\t${shipped}\t${receiving}\n`);
    files.push([file, { date: day, marketplace: 'US' }]);
  };
  for (const day of restockStockouts) snapshot(day, 0, 0, 0);
  snapshot('2026-11-29', 200, 100, 20);
  for (const name of ['lead-times.csv', 'purchase-orders.csv', 'events.csv']) files.push([join(masterDir, name), {}]);
  return files;
}
