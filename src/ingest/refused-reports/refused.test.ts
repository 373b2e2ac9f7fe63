import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { haveSharedFixtures, sharedFixture, withTempDb } from '../testing.ts';

/** Every real file of a report Asterism does not import is recognised and refused with its reason. */
const cases = [
  ['fba-excess-inventory', 'xvr_fba_excess_inventory_US_2019.csv', 'fba_excess_inventory', /recommendations, not stock counts/],
  ['fba-recommended-removal', 'xvr_fba_recommended_removal_US_2019.csv', 'fba_recommended_removal', /recommendation/],
  ['fba-removals', 'xvr_removal_order_detail_US.csv', 'fba_removals', /no canonical table yet/],
  // the Japanese twins (Shift_JIS, Japanese headers) are refused for the same reason
  ['fba-recommended-removal', 'brussliu_recommended_removal_JP_2022-10-25_cp932.csv', 'fba_recommended_removal', /recommendation/],
  ['fba-removals', 'brussliu_removal_order_detail_JP_2022-01_09_cp932.csv', 'fba_removals', /no canonical table yet/],
  ['payments-date-range-transactions', 'xvr_transaction_summary_US_2020-02-01_03-08.txt', 'payments_transaction_summary', /is a summary/],
] as const;

describe.skipIf(!haveSharedFixtures)('recognised but refused (../shared)', () => {
  for (const [folder, name, type, reason] of cases) {
    test(`${name} → ${type}`, () =>
      withTempDb(async (db) => {
        const [r] = (await importFiles(db, [sharedFixture(folder, name)], { marketplace: name.includes('_JP_') ? 'JP' : 'US' })).files;
        expect(r).toMatchObject({ status: 'error', type });
        expect(r?.error).toMatch(reason);
        expect((await db.all('SELECT count(*) AS n FROM import_log'))[0]?.n).toBe('0');
      }));
  }
});
