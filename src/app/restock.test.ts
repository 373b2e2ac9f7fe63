import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { addDays } from '../analysis/demand-forecast.ts';
import { importFiles } from '../ingest/import-files.ts';
import { ownFixture, withTempDb } from '../ingest/testing.ts';
import type { Database } from '../store/database.ts';
import { runOperation } from './operations.ts';

const orderHeader = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel', 'sales-channel', 'sku', 'asin', 'quantity', 'currency', 'item-price'];
const inventoryHeader = ['sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'mfn-listing-exists', 'mfn-fulfillable-quantity', 'afn-listing-exists', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity', 'afn-reserved-quantity', 'afn-total-quantity', 'per-unit-volume', 'afn-inbound-working-quantity', 'afn-inbound-shipped-quantity', 'afn-inbound-receiving-quantity'];
const stockouts = ['2026-11-20', '2026-11-21', '2026-11-22'];

/**
 * MAT-1 in the US, in the real layouts: an All Orders report selling 5 a day from 2026-11-02 to 11-29, 0 on three days out
 * of stock (Manage FBA Inventory with 0 available on 11-20..22) and 25 on a deal day (11-10, events file); the last snapshot
 * (11-29) has 200 available and 100 shipped + 20 receiving inbound. MAT-2 sells but has no lead time.
 */
async function loadScenario(db: Database, dir: string): Promise<void> {
  const lines = [orderHeader.join('\t')];
  for (let i = 0; i < 28; i++) {
    const day = addDays('2026-11-02', i);
    const units = stockouts.includes(day) ? 0 : day === '2026-11-10' ? 25 : 5;
    if (units > 0) lines.push(['111-0000000-' + String(1000 + i), '', `${day}T12:00:00+00:00`, `${day}T13:00:00+00:00`, 'Shipped', 'Amazon', 'Amazon.com', 'MAT-1', 'B0TEST0001', String(units), 'USD', (units * 20).toFixed(2)].join('\t'));
    if (i % 7 === 0) lines.push(['112-0000000-' + String(1000 + i), '', `${day}T12:00:00+00:00`, `${day}T13:00:00+00:00`, 'Shipped', 'Amazon', 'Amazon.com', 'MAT-2', 'B0TEST0002', '1', 'USD', '15.00'].join('\t'));
  }
  writeFileSync(join(dir, 'orders.txt'), `${lines.join('\n')}\n`);
  const files: [string, Record<string, string>][] = [[join(dir, 'orders.txt'), {}]];
  const snapshot = (day: string, available: number, shipped: number, receiving: number) => {
    const file = join(dir, `inventory-${day}.txt`);
    // reserved units differ by day: the same bytes twice would be one file imported once
    const reserved = Number(day.slice(-2));
    writeFileSync(file, `${inventoryHeader.join('\t')}\nMAT-1\tX00TEST001\tB0TEST0001\tDoor Mat\tNew\t20.00\tNo\t\tYes\t${available}\t${available}\t0\t${reserved}\t${available + shipped + receiving + reserved}\t0.45\t0\t${shipped}\t${receiving}\n`);
    files.push([file, { date: day, marketplace: 'US' }]);
  };
  for (const day of stockouts) snapshot(day, 0, 0, 0);
  snapshot('2026-11-29', 200, 100, 20);
  for (const name of ['lead-times.csv', 'purchase-orders.csv', 'events.csv']) files.push([ownFixture(`master-data/restock/${name}`), {}]);
  for (const [file, options] of files) {
    const [r] = (await importFiles(db, [file], options)).files;
    expect(r?.status, `${file}: ${r?.error ?? ''}`).toBe('imported');
  }
}

test('restock: velocity without stock-out and deal days, σLT from received POs, the 6-week floor, MOQ and carton', () =>
  withTempDb(async (db, dir) => {
    await loadScenario(db, dir);
    const answer = await runOperation(db, 'restock', { as_of: '2026-11-30' });
    const [mat1, mat2] = answer.rows;
    // window 2026-11-02..29 (28 days): 3 stock-out days and 1 deal day left out → 24 days × 5 = 120 → 5 a day
    // lead time (sea, the slowest listed): 30 production + 35 freight + 10 FBA receiving = 75 days
    // σLT from the two received POs: 80 and 69 days, mean 74.5 → √((5.5² + 5.5²) / 1) = √60.5 = 7.78
    // z(95%) 1.6449 × √(75 × 0² + 5² × 60.5) = 1.6449 × 38.89 = 63.97 < floor 6 × 7 × 5 = 210 → safety stock 210
    // reorder point 5 × 75 + 210 = 585; position 200 available + 120 inbound + 300 on order (PO-3) = 620
    // need 585 + 30 days × 5 − 620 = 115 → MOQ 500 → 21 cartons of 24 = 504; order by 11-30 + ⌊(620 − 585) / 5⌋ = 7 days → 12-07
    expect(mat1).toEqual({
      sku: 'MAT-1', marketplace: 'US', velocity: 5, forecast_daily: 5, lead_time_days: 75, safety_stock: 210, reorder_point: 585,
      available: 200, inbound: 120, on_order: 300, order_quantity: 504, order_by: '2026-12-07',
      reason: expect.objectContaining({ code: 'reorder_within_cycle' }),
    });
    expect(mat1?.reason.zh).toContain('2026-12-07');
    expect(answer.details[0]).toMatchObject({ stockout_days: 3, event_days: 1, counted_days: 24, supplier: 'SUP-01', freight_mode: 'sea', lead_time_sd_source: 'received_orders', lead_time_sd_days: 7.78 });
    // MAT-2: no lead time and no snapshot: unknown, not 0
    expect(mat2).toMatchObject({ sku: 'MAT-2', lead_time_days: null, safety_stock: null, order_quantity: null, order_by: null, available: null, reason: { code: 'no_lead_time' } });
    // air: 30 + 8 + 5 = 43 days; ROP 5 × 43 + 210 = 425 < 620: need 425 + 150 − 620 = −45 → nothing to order
    const air = await runOperation(db, 'restock', { as_of: '2026-11-30', sku: 'MAT-1', freight_mode: 'air' });
    expect(air.rows[0]).toMatchObject({ lead_time_days: 43, reorder_point: 425, order_quantity: 0, reason: { code: 'covered' } });
    expect((await runOperation(db, 'restock', { as_of: '2026-11-30', order_only: 'true' })).rows.map((r) => r.sku)).toEqual(['MAT-1']);
  }));

test('a service level outside 0.5–0.999 is refused in both languages', () =>
  withTempDb(async (db) => {
    await expect(runOperation(db, 'restock', { service_level: 95 })).rejects.toMatchObject({ code: 'bad_request' });
  }));
