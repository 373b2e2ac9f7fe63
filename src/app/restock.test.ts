import { expect, test } from 'vitest';
import { importFiles } from '../ingest/import-files.ts';
import { withTempDb } from '../ingest/testing.ts';
import { restockScenarioFiles } from '../../test/scenarios/restock-scenario.ts';
import type { Database } from '../store/database.ts';
import { runOperation } from './operations.ts';

/** The scenario of test/scenarios/restock-scenario.ts, imported file by file. */
async function loadScenario(db: Database, dir: string): Promise<void> {
  for (const [file, options] of restockScenarioFiles(dir)) {
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
