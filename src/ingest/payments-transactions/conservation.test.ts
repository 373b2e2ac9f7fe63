import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { sqlOnFiles } from '../report-helpers/file-sql.ts';
import { haveSharedFixtures, sharedFixture, sharedFixturesDir, withTempDb } from '../testing.ts';

/** Every real transaction file beside the repository (payments and settlement). */
const transactionFolders = ['payments-date-range-transactions', 'settlement-v2'];
const filesOf = (folder: string) => readdirSync(join(sharedFixturesDir, folder)).filter((n) => !n.endsWith('.md'));

/**
 * The other path to a file's total: the file decoded on its own (UTF-8, else Shift_JIS), its preamble skipped up to
 * the first line of many cells, and DuckDB's read_csv summing the last column (`total`, `合計`), thousands commas out.
 */
async function totalBySql(file: string, dir: string): Promise<string> {
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('shift_jis').decode(bytes);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if ((lines[0] ?? '').includes('settlement-id\t')) return settlementTotalBySql(file);
  const header = lines.findIndex((l) => l.split('","').length > 10);
  const copy = join(dir, 'utf8.csv');
  writeFileSync(copy, lines.slice(header).join('\n'));
  const last = (lines[header] ?? '').split('","').at(-1)?.replace(/"/g, '') ?? '';
  const row = await sqlOnFiles(`SELECT sum(CAST(replace("${last}", ',', '') AS DECIMAL(18,2)))::VARCHAR AS total
    FROM read_csv('${copy}', header = true, all_varchar = true, delim = ',', quote = '"')`);
  return String(row.total);
}

/** A settlement flat file (TSV): DuckDB sums every amount column of its lines (the summary line has no transaction type). */
async function settlementTotalBySql(file: string): Promise<string> {
  const header = (readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').split('\t');
  const amounts = ['amount', 'price-amount', 'item-related-fee-amount', 'shipment-fee-amount', 'order-fee-amount', 'promotion-amount',
    'direct-payment-amount', 'misc-fee-amount', 'other-fee-amount', 'other-amount'].filter((c) => header.includes(c));
  const row = await sqlOnFiles(`SELECT (${amounts.map((c) => `coalesce(sum(CAST(NULLIF("${c}", '') AS DECIMAL(18,2))), 0)`).join(' + ')})::VARCHAR AS total
    FROM read_csv('${file}', header = true, all_varchar = true, delim = '\t', quote = '') WHERE coalesce("transaction-type", '') <> ''`);
  return String(row.total);
}

describe.skipIf(!haveSharedFixtures)('money is conserved in every real transaction file', () => {
  for (const folder of transactionFolders) {
    for (const name of filesOf(folder)) {
      test(`${folder}/${name}: imported, its categories sum to its total to the cent; or refused by name`, () =>
        withTempDb(async (db, dir) => {
          const [r] = (await importFiles(db, [sharedFixture(folder, name)])).files;
          if (r?.status !== 'imported') {
            // a summary or a settlement file is refused as recognised, never read as something else
            expect(r?.error).toMatch(/is recognised but not imported/);
            return;
          }
          const checks = Object.entries(r.conservation ?? {});
          expect(checks).toHaveLength(1);
          const [[currency, check] = ['', undefined]] = checks;
          expect(check).toMatchObject({ conserved: true, unclassified_lines: 0 });
          expect(Number(check?.difference)).toBe(0);
          // the file's total, summed by DuckDB from the file itself: US Feb 2020 −19.30 USD, JP Sep 2023 59,293 JPY
          expect(Number(check?.total), currency).toBe(Number(await totalBySql(sharedFixture(folder, name), dir)));
          // and what was stored sums to it as well
          const [stored] = await db.all('SELECT sum(total)::DOUBLE AS total FROM transactions');
          expect(stored?.total).toBe(Number(check?.total));
        }));
    }
  }

  test('the two payments files Asterism reads are both checked (the summary text file is refused)', () => {
    expect(filesOf('payments-date-range-transactions').filter((n) => n.endsWith('.csv'))).toHaveLength(2);
  });
});

const header = '"date/time","settlement id","type","order id","sku","description","quantity","marketplace","fulfillment","order city",'
  + '"order state","order postal","tax collection model","product sales","product sales tax","shipping credits","shipping credits tax",'
  + '"gift wrap credits","giftwrap credits tax","promotional rebates","promotional rebates tax","marketplace withheld tax","selling fees",'
  + '"fba fees","other transaction fees","other","total"';

test('a coupon fee line with an empty type is classified by its description, and nothing falls out of the total', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'coupon.csv');
    writeFileSync(file, [
      '"Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions"',
      '"All amounts in USD, unless specified"',
      header,
      '"Mar 2, 2026 10:00:00 AM PST","1","Order","111-1","SKU-A","Bath Mat","1","amazon.com","Amazon","","","","MarketplaceFacilitator",'
        + '"45.59","3.66","4.99","0.40","0","0","-4.99","-0.40","-3.66","-6.84","-9.02","0","0","29.73"',
      '"Mar 3, 2026 1:00:00 AM PST","1","","","","Coupon Redemption Fee: SAVE10","","","","","","","","0","0","0","0","0","0","0","0","0","0","0","0","-0.60","-0.60"',
      '"Mar 4, 2026 1:00:00 AM PST","1","","","","Coupon Redemption Fee: SAVE10","","","","","","","","0","0","0","0","0","0","0","0","0","0","0","0","-1.20","-1.20"',
      '"Mar 5, 2026 1:00:00 AM PST","1","","","","Something Amazon never explained","","","","","","","","0","0","0","0","0","0","0","0","0","0","0","0","-0.35","-0.35"',
    ].join('\n'));
    const [r] = (await importFiles(db, [file])).files;
    expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 4 });
    // total: 29.73 − 0.60 − 1.20 − 0.35 = 27.58
    // the order: 45.59 + (4.99 − 4.99) shipping vs rebate + (3.66 + 0.40 − 0.40 − 3.66) tax − 6.84 − 9.02 = 29.73
    expect(r?.conservation).toEqual({
      USD: {
        total: '27.58',
        categories: {
          revenue: '45.59', promotions: '-4.99', referral_fees: '-6.84', fba_fees: '-9.02',
          other_fees: '3.19', // 4.99 shipping credit − 0.60 − 1.20 coupon fees
          tax: '0.00', unclassified: '-0.35',
        },
        difference: '0.00', conserved: true, unclassified_lines: 1,
      },
    });
    // every line stored, the empty types as NULL: 4 lines, 27.58
    expect(await db.all('SELECT count(*)::INTEGER AS n, sum(total)::VARCHAR AS total, count(type)::INTEGER AS typed FROM transactions'))
      .toEqual([{ n: 4, total: '27.5800', typed: 1 }]);
  }));
