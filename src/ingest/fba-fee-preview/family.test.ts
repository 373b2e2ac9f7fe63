import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { fbaFeePreview } from './family.ts';

const dated = { date: '2026-03-01' };

familyContract(fbaFeePreview, { good: ownFixture('fba-fee-preview/fee-preview-us-latin1.txt'), options: dated, other: ownFixture('fba-restock/restock.csv') });

test('US spelling: referral and fulfillment fee per unit, `--` is null, ISO-8859-1 text', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('fba-fee-preview/fee-preview-us-latin1.txt')], dated)).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'US', from: '2026-03-01', rows: 1 });
    const [row] = await db.all(`SELECT sku, CAST(price AS VARCHAR) AS price, size_tier, CAST(referral_fee AS VARCHAR) AS referral,
      CAST(fulfillment_fee AS VARCHAR) AS fulfillment, CAST(total_fee AS VARCHAR) AS total, currency FROM fee_estimates`);
    expect(row).toEqual({ sku: 'MAT-1', price: '29.9900', size_tier: 'Standard-Size', referral: '4.5000', fulfillment: '9.0200', total: '13.5200', currency: 'USD' });
  }));

test('UK spelling: expected-domestic-fulfilment-fee-per-unit, GBP says UK', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('fba-fee-preview/fee-preview-uk.txt')], dated)).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'UK' });
    const [row] = await db.all('SELECT CAST(referral_fee AS VARCHAR) AS referral, CAST(fulfillment_fee AS VARCHAR) AS fulfillment, size_tier FROM fee_estimates');
    expect(row).toEqual({ referral: '3.7500', fulfillment: '3.3700', size_tier: 'Standard parcel' });
  }));

describe.skipIf(!haveSharedFixtures)('EU fee preview header fixture (../shared)', () => {
  test('recognised, and refused because it has no rows', () =>
    withTempDb(async (db) => {
      const file = sharedFixture('_header-only-fixtures', 'airbyte_GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA_EU_header.tsv');
      const [r] = (await importFiles(db, [file], { marketplace: 'UK' })).files;
      expect(r).toMatchObject({ status: 'error', type: 'fba_fee_preview' });
      expect(r?.error).toMatch(/header but no rows/);
    }));
});
