import { expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../store/database.ts';
import { allocatedSql } from './allocation-sql.ts';
import { inMinorUnitSql } from './minor-unit-sql.ts';

async function withTempDb(work: (db: Database) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'asterism-allocation-'));
  const db = await Database.open(join(dir, 'test.duckdb'));
  try {
    await work(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = (currency: string, total: string, weights: readonly string[]) => weights.map((w, i) =>
  `SELECT '${currency}' AS currency, 'SKU-${i + 1}' AS sku, CAST(${total} AS DECIMAL(38,10)) AS alloc_total,
          CAST(${w} AS DECIMAL(38,10)) AS alloc_weight, CAST(${weights.join(' + ')} AS DECIMAL(38,10)) AS alloc_weights`).join(' UNION ALL ');

test('a charge split in its currency minor unit: the shares add up to the charge, the leftover units by largest remainder', () =>
  withTempDb(async (db) => {
    const split = async (currency: string, total: string, weights: readonly string[]) =>
      (await db.all(`SELECT sku, CAST(allocated AS VARCHAR) AS allocated FROM ${allocatedSql(rows(currency, total, weights), ['currency'], ['sku'])} a ORDER BY sku`))
        .map((r) => Number(r.allocated));
    // 1,000 JPY over three equal weights: 333.33… each → 333 each, 1 yen left, ties to the first SKU: 334 + 333 + 333 = 1000
    expect(await split('JPY', '1000', ['1', '1', '1'])).toEqual([334, 333, 333]);
    // 10.00 USD: 3.333… → 3.33 each, 0.01 left → 3.34 + 3.33 + 3.33 = 10.00
    expect(await split('USD', '10.00', ['1', '1', '1'])).toEqual([3.34, 3.33, 3.33]);
    // 1.000 KWD (3 decimals): 0.3333… → 0.333 each, 0.001 left → 0.334 + 0.333 + 0.333 = 1.000
    expect(await split('KWD', '1.000', ['1', '1', '1'])).toEqual([0.334, 0.333, 0.333]);
    // 100 JPY by weights 1 : 2 : 3: 16.67, 33.33, 50 → floors 16 + 33 + 50 = 99, the 1 left to the largest remainder (.67): 17 + 33 + 50
    expect(await split('JPY', '100', ['1', '2', '3'])).toEqual([17, 33, 50]);
    // a credit (−1,000 JPY) splits the same way: floors −334 −334 −334 = −1002, 2 yen back to the first two: −333 −333 −334
    expect(await split('JPY', '-1000', ['1', '1', '1'])).toEqual([-333, -333, -334]);
  }));

test('an amount rounded to its currency exponent, half away from zero (ISO 4217: JPY 0, USD 2, BHD 3)', () =>
  withTempDb(async (db) => {
    const [r] = await db.all(`SELECT ${['JPY', 'USD', 'BHD', 'EUR'].map((c, i) => `CAST(${inMinorUnitSql('CAST(70.7455 AS DECIMAL(18,4))', `'${c}'`)} AS VARCHAR) AS a${i}`).join(', ')}`);
    // 70.7455 → JPY 71, USD 70.75, BHD 70.746 (the 5 rounds away from zero), EUR 70.75
    expect([r?.a0, r?.a1, r?.a2, r?.a3].map(Number)).toEqual([71, 70.75, 70.746, 70.75]);
  }));
