import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { withTempDb } from '../testing.ts';

/** The master data added for profit (README "Master-data files added for profit"): shipments and payouts. */
test('shipments with Chinese headers: allocation words, the default rule, a re-import replaces by shipment + SKU', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'shipments.csv');
    writeFileSync(file, '\uFEFF货件号,SKU,数量,货件费用,币种,发货日期,站点,单件体积,单件重量,分摊方式\n'
      + 'FBA1,MAT-1,10,400,cny,2026-01-05,US,0.06,,按体积\nFBA1,MAT-2,10,400,CNY,2026-01-05,US,,2.5,\n');
    const [r] = (await importFiles(db, [file])).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'master_shipments', rows: 2, from: '2026-01-05' });
    // an empty allocation falls back to the data given: weight here
    expect(await db.all('SELECT sku, currency, allocation, CAST(shipment_cost AS VARCHAR) AS cost FROM shipments ORDER BY sku')).toEqual([
      { sku: 'MAT-1', currency: 'CNY', allocation: 'volume', cost: '400.0000' },
      { sku: 'MAT-2', currency: 'CNY', allocation: 'weight', cost: '400.0000' },
    ]);
    writeFileSync(file, 'shipment_id,sku,units,shipment_cost,currency,date\nFBA1,MAT-1,12,420,CNY,2026-01-05\n');
    const [again] = (await importFiles(db, [file])).files;
    expect(again).toMatchObject({ status: 'imported', replaced: 1 });
    expect(await db.all('SELECT count(*)::INTEGER AS n FROM shipments')).toEqual([{ n: 2 }]);
  }));

test('a bad allocation rule is refused with its line and column, and nothing is written', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'shipments-bad.csv');
    writeFileSync(file, 'shipment_id,sku,units,shipment_cost,currency,date,allocation\nFBA1,MAT-1,10,400,CNY,2026-01-05,by value\n');
    const [r] = (await importFiles(db, [file])).files;
    expect(r?.status).toBe('error');
    expect(r?.error).toMatch(/line 2, column "allocation": "by value" is not an allocation rule/);
    expect(await db.all('SELECT count(*)::INTEGER AS n FROM shipments')).toEqual([{ n: 0 }]);
  }));

test('payouts: currency from the marketplace, received in CNY by default', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'payouts.csv');
    writeFileSync(file, '\uFEFF结汇日期,站点,结汇金额,到账金额,手续费\n2026-02-15,DE,"1,000.00",7968.00,16.00\n');
    const [r] = (await importFiles(db, [file])).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'master_payouts', rows: 1 });
    expect(await db.all(`SELECT marketplace, currency, received_currency, CAST(amount AS VARCHAR) AS amount, CAST(provider_fee AS VARCHAR) AS fee FROM payouts`))
      .toEqual([{ marketplace: 'DE', currency: 'EUR', received_currency: 'CNY', amount: '1000.0000', fee: '16.0000' }]);
    const bad = join(dir, 'payouts-bad.csv');
    writeFileSync(bad, 'date,marketplace,amount,received\n2026-02-15,Germany,1000,7968\n');
    const [refused] = (await importFiles(db, [bad])).files;
    expect(refused?.error).toMatch(/line 2, column "marketplace": "Germany" is not a marketplace code/);
  }));
