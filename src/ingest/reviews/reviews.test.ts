import { describe, expect, test } from 'vitest';
import type { Database } from '../../store/database.ts';
import { importFiles } from '../import-files.ts';
import { sqlOnFiles } from '../report-helpers/file-sql.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { reviewCsv } from './review-csv.ts';
import { snapReviews } from './snap-reviews.ts';

const own = (name: string) => ownFixture(`reviews/${name}`);
const us = { marketplace: 'US' };

familyContract(reviewCsv, {
  good: own('reviews-en.csv'),
  badValue: { file: own('reviews-bad-date.csv'), line: 3, column: 'date', options: us },
  other: ownFixture('all-orders/us-2026-03.tsv'),
});
familyContract(snapReviews, { good: own('snap-small.csv'), options: us, other: own('reviews-en.csv') });

const reviews = (db: Database) => db.all(`SELECT asin, CAST(review_date AS VARCHAR) AS d, rating, title, body, verified, variation, review_key
  FROM reviews ORDER BY review_date, asin`);

describe('review CSV (cli.md contract)', () => {
  test('English headers: dates in several forms, "out of 5 stars", marketplace column names US', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('reviews-en.csv')])).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 3, from: '2026-02-28', to: '2026-03-02' });
      const rows = await reviews(db);
      expect(rows.map(({ review_key: _k, ...x }) => x)).toEqual([
        { asin: 'B0TESTA001', d: '2026-02-28', rating: '5.0', title: 'Love it', body: 'Soft, thick and "really" absorbent', verified: true, variation: 'Grey 31x19' },
        { asin: 'B0TESTA001', d: '2026-03-01', rating: '2.0', title: 'Thin', body: 'Slides on tile', verified: false, variation: 'White 31x19' },
        { asin: 'B0TESTB002', d: '2026-03-02', rating: '4.0', title: null, body: 'No title on this one', verified: null, variation: null },
      ]);
      expect(new Set(rows.map((x) => x.review_key)).size).toBe(3);
    }));

  test('Chinese headers read the same way', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('reviews-zh.csv')])).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 2, from: '2026-02-28', to: '2026-03-02' });
      expect((await reviews(db)).map((x) => [x.d, x.rating, x.verified, x.variation])).toEqual([['2026-02-28', '5.0', true, '灰色'], ['2026-03-02', '3.0', false, '白色']]);
    }));

  test('the same reviews in another file replace, never duplicate: keys are stable', () =>
    withTempDb(async (db, dir) => {
      const { copyFileSync, appendFileSync } = await import('node:fs');
      const copy = `${dir}/reviews-again.csv`;
      copyFileSync(own('reviews-en.csv'), copy);
      appendFileSync(copy, 'B0TESTB002,2026-03-02,5,New one,Arrived today,true,,US\n');
      await importFiles(db, [own('reviews-en.csv')]);
      const before = (await reviews(db)).map((x) => x.review_key);
      const [r] = (await importFiles(db, [copy])).files;
      // 3 earlier rows replaced by the same 3 (same keys) plus the new one
      expect(r).toMatchObject({ status: 'imported', rows: 4, replaced: 3 });
      const after = (await reviews(db)).map((x) => x.review_key);
      expect(after).toHaveLength(4);
      expect(after).toEqual(expect.arrayContaining(before));
    }));

  test('a missing rating column is named; a bad date gives line and column', () =>
    withTempDb(async (db) => {
      const [missing, bad] = (await importFiles(db, [own('reviews-missing-rating.csv'), own('reviews-bad-date.csv')], us)).files;
      expect(missing?.error).toMatch(/required column "rating".* is missing from the header on line 1/);
      expect(bad?.error).toMatch(/line 3, column "date": "yesterday" is not a date/);
    }));
});

describe('SNAP / Kaggle Fine Food Reviews', () => {
  test('Unix seconds are UTC days; Id is the key; entities decoded', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('snap-small.csv')], us)).files;
      // 1772236800 = 2026-02-28 00:00:00 UTC; 1772323199 = 2026-02-28 23:59:59 UTC
      expect(r).toMatchObject({ status: 'imported', rows: 2, from: '2026-02-28', to: '2026-02-28' });
      expect((await reviews(db)).map((x) => [x.review_key, x.rating, x.title, x.body])).toEqual([
        ['101', '5.0', 'Great mat', 'Thick, soft "and" dries fast'], ['102', '1.0', 'Slips', 'It slides on tile'],
      ]);
    }));

  test('it names no marketplace: --marketplace is asked for', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('snap-small.csv')])).files;
      expect(r?.error).toMatch(/give --marketplace/);
    }));

  test.skipIf(!haveSharedFixtures)('the real subset (../shared): reviews, ratings and days equal DuckDB reading it', () =>
    withTempDb(async (db) => {
      const file = sharedFixture('reviews-third-party', 'gkoshyk_amazon_fine_food_reviews_subset.csv');
      const [r] = (await importFiles(db, [file], us)).files;
      expect(r).toMatchObject({ status: 'imported', type: 'reviews_snap', rows: 100 });
      const expected = await sqlOnFiles(`SELECT count(*)::VARCHAR AS n, sum(Score::INT)::VARCHAR AS stars, count(DISTINCT ProductId)::VARCHAR AS asins,
          min(CAST(to_timestamp(Time::BIGINT) AT TIME ZONE 'UTC' AS DATE))::VARCHAR AS first_day, max(CAST(to_timestamp(Time::BIGINT) AT TIME ZONE 'UTC' AS DATE))::VARCHAR AS last_day
        FROM read_csv('${file}', header = true, all_varchar = true)`);
      const [actual] = await db.all(`SELECT count(*)::VARCHAR AS n, CAST(sum(rating) AS INT)::VARCHAR AS stars, count(DISTINCT asin)::VARCHAR AS asins,
          min(review_date)::VARCHAR AS first_day, max(review_date)::VARCHAR AS last_day FROM reviews`);
      expect(actual).toEqual(expected);
      expect(actual).toMatchObject({ n: '100', first_day: r?.from, last_day: r?.to });
    }));
});
