import { describe, expect, test } from 'vitest';
import { ownFixture, withTempDb } from '../testing.ts';
import { importFiles } from '../import-files.ts';
import type { Database } from '../../store/database.ts';

/** Purchasing master data (issue 22): suppliers, PO lines, batches and lead times, through `asterism import`. */
async function importOne(db: Database, name: string) {
  const [result] = (await importFiles(db, [ownFixture(`master-data/${name}`)], {})).files;
  if (!result) throw new Error('no result');
  return result;
}

describe('purchasing master data', () => {
  test('suppliers with Chinese headers (供应商编码, 供应商名称, 结算币种); currency upper-cased', () =>
    withTempDb(async (db) => {
      const r = await importOne(db, 'suppliers-zh.csv');
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'master_suppliers', rows: 2 });
      expect(await db.all('SELECT supplier, name, country, currency FROM suppliers ORDER BY supplier')).toEqual([
        { supplier: 'SUP-01', name: '宁波地垫厂', country: 'CN', currency: 'CNY' },
        { supplier: 'SUP-02', name: '义乌家居', country: 'CN', currency: 'CNY' },
      ]);
    }));

  test('PO lines: template and ERP headers (采购订单号, SKU编码, 预计到货日期); 海运 read as sea; an empty received date is null (still on order)', () =>
    withTempDb(async (db) => {
      const r = await importOne(db, 'purchase-orders-en.csv');
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'master_purchase_orders', rows: 3, from: '2026-08-01', to: '2026-11-01' });
      const rows = await db.all(`SELECT po_id, sku, quantity, received_quantity, CAST(unit_cost AS VARCHAR) AS unit_cost, CAST(ordered_date AS VARCHAR) AS ordered,
        CAST(received_date AS VARCHAR) AS received, freight_mode FROM purchase_orders ORDER BY po_id, sku`);
      expect(rows).toEqual([
        { po_id: 'PO-1', sku: 'MAT-1', quantity: '600', received_quantity: '600', unit_cost: '35.5000', ordered: '2026-08-01', received: '2026-09-30', freight_mode: 'sea' },
        { po_id: 'PO-1', sku: 'MAT-2', quantity: '200', received_quantity: '180', unit_cost: '12.0000', ordered: '2026-08-01', received: '2026-09-30', freight_mode: 'sea' },
        { po_id: 'PO-2', sku: 'MAT-1', quantity: '500', received_quantity: null, unit_cost: '34.0000', ordered: '2026-11-01', received: null, freight_mode: 'air' },
      ]);
      // the same file again is unchanged: the lines are never doubled
      expect(await importOne(db, 'purchase-orders-en.csv')).toMatchObject({ status: 'unchanged' });
      expect((await db.all('SELECT count(*) AS n FROM purchase_orders'))[0]?.n).toBe('3');
    }));

  test('a batch ties SKU, PO and FBA shipment (批次号, 采购单号, 货件号, 入仓日期)', () =>
    withTempDb(async (db) => {
      const r = await importOne(db, 'batches-zh.csv');
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'master_batches', rows: 1 });
      expect(await db.all('SELECT batch_id, sku, units, po_id, shipment_id, marketplace, CAST(received_date AS VARCHAR) AS received FROM batches')).toEqual([
        { batch_id: 'B-1', sku: 'MAT-1', units: '600', po_id: 'PO-1', shipment_id: 'FBA15AAA', marketplace: 'US', received: '2026-10-08' },
      ]);
    }));

  test('lead times per supplier × SKU × mode, by leg, with MOQ and carton (生产周期, 运输时效, 入仓时效, 最小起订量, 箱规)', () =>
    withTempDb(async (db) => {
      const r = await importOne(db, 'lead-times-zh.csv');
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'master_lead_times', rows: 2 });
      expect(await db.all('SELECT freight_mode, production_days, freight_days, inbound_days, moq, carton_quantity FROM lead_times ORDER BY freight_days')).toEqual([
        { freight_mode: 'air', production_days: 30, freight_days: 8, inbound_days: 5, moq: '500', carton_quantity: '20' },
        { freight_mode: 'sea', production_days: 30, freight_days: 35, inbound_days: 10, moq: '500', carton_quantity: '20' },
      ]);
    }));

  test('an unknown freight mode is refused with its line and column; nothing is written', () =>
    withTempDb(async (db) => {
      const r = await importOne(db, 'lead-times-bad-mode.csv');
      expect(r).toMatchObject({ status: 'error', type: 'master_lead_times' });
      expect(r.problems[0]).toMatchObject({ code: 'bad_value', line: 2, column: 'freight_mode' });
      expect((await db.all('SELECT count(*) AS n FROM lead_times'))[0]?.n).toBe('0');
    }));
});
