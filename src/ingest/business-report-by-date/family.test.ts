import { expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { ownFixture, withTempDb } from '../testing.ts';

test('the Japanese Business Report by date (Shift_JIS, 日付, 注文商品売上, ￥) is refused like its English twin', () =>
  withTempDb(async (db) => {
    // the layout of a real Seller Central JP download (aliases.ts) with our own values
    const [r] = (await importFiles(db, [ownFixture('br-by-date-ja-cp932.csv')], { from: '2026-10-01', to: '2026-10-02' })).files;
    expect(r).toMatchObject({ status: 'error', type: 'business_report_by_date' });
    expect(r?.error).toMatch(/without ASINs/);
    expect(await db.all('SELECT count(*) AS n FROM import_log')).toEqual([{ n: '0' }]);
  }));
