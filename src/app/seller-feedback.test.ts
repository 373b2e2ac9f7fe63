import { describe, expect, test } from 'vitest';
import { importFiles } from '../ingest/import-files.ts';
import { ownFixture, withTempDb } from '../ingest/testing.ts';
import { runQuery } from '../metrics/query.ts';
import { runOperation } from './operations.ts';

// The seller feedback report of src/ingest/reviews (real layout, our own values), imported, then asked through
// the normal query: the rating trend by month and week. Stars per feedback, in file order:
// 2026-03-02 5, 03-09 4, 03-17 1, 04-01 3, 04-20 4, 04-28 2.
const file = ownFixture('reviews/seller-feedback-us.txt');
const us = { marketplace: 'US' };

describe('seller feedback through the query', () => {
  test('catalog metrics by month: counts, positive and negative, the average from summed stars', () =>
    withTempDb(async (db) => {
      await importFiles(db, [file], us);
      const result = await runQuery(db, {
        metrics: ['feedback_count', 'feedback_positive', 'feedback_negative', 'feedback_rating_avg', 'feedback_negative_rate'],
        by: ['month'], from: '2026-03-01', to: '2026-04-30',
      });
      const byMonth = Object.fromEntries(result.rows.map((row) => [String(row.month), row]));
      // March: 5 + 4 + 1 = 10 stars over 3 = 3.333333 (shown 3.33); positive (4–5 stars) 5 and 4 → 2; negative (1–2) the 1 → 1; 1 / 3 = 0.333333
      expect(byMonth['2026-03']).toMatchObject({ feedback_count: 3, feedback_positive: 2, feedback_negative: 1, feedback_rating_avg: 3.333333, feedback_negative_rate: 0.333333 });
      // April: 3 + 4 + 2 = 9 stars over 3 = 3.00; positive the 4 → 1; negative the 2 → 1 (3 is neutral)
      expect(byMonth['2026-04']).toMatchObject({ feedback_count: 3, feedback_positive: 1, feedback_negative: 1, feedback_rating_avg: 3, feedback_negative_rate: 0.333333 });
      const whole = await runQuery(db, { metrics: ['feedback_count', 'feedback_rating_avg'], by: [], from: '2026-03-01', to: '2026-04-30' });
      // both months: 10 + 9 = 19 stars over 6 = 3.166667 (shown 3.17: the sum of stars over the count, not (3.33 + 3.00) / 2)
      expect(whole.rows[0]).toMatchObject({ feedback_count: 6, feedback_rating_avg: 3.166667 });
    }));

  test('the rating trend by week (Sunday to Saturday): one feedback a week here, each week its own stars', () =>
    withTempDb(async (db) => {
      await importFiles(db, [file], us);
      const result = await runQuery(db, { metrics: ['feedback_count', 'feedback_rating_avg'], by: ['week'], from: '2026-03-01', to: '2026-05-02' });
      // 2026-03-01 is a Sunday: 03-02 in the week of 03-01, 03-09 of 03-08, 03-17 of 03-15, 04-01 of 03-29,
      // 04-20 of 04-19, 04-28 of 04-26; weeks without feedback have no row
      expect(result.rows.map((row) => [row.week, row.feedback_count, row.feedback_rating_avg])).toEqual([
        ['2026-03-01', 1, 5], ['2026-03-08', 1, 4], ['2026-03-15', 1, 1], ['2026-03-29', 1, 3], ['2026-04-19', 1, 4], ['2026-04-26', 1, 2],
      ]);
    }));

  test('the review stage counts reviews and feedback (留下Feedback或Review); by ASIN the reviews alone, feedback naming no product', () =>
    withTempDb(async (db) => {
      await importFiles(db, [ownFixture('all-orders/us-2026-03.tsv'), ownFixture('reviews/reviews-en.csv'), file], us);
      const days = { from: '2026-02-28', to: '2026-03-02' };
      // orders (Pacific days): 111-0000001 (Feb 28, B0TESTA001 and B0TESTB002) and 111-0000003 (Mar 2, pending, B0TESTA001);
      // 111-0000002 is cancelled and S01-0000004 a Multi-Channel order, not counted → 2 orders.
      // reviews dated Feb 28, Mar 1 (B0TESTA001) and Mar 2 (B0TESTB002) → 3; feedback dated Mar 2 → 1; 3 + 1 = 4; 4 / 2 = 2
      const { rows } = await runOperation(db, 'funnel', { ...days, by: ['marketplace'] });
      expect(rows[0]?.stages.find((s) => s.stage === 'review')).toMatchObject({ count: 4, base: 2, rate: 2, metric: 'review_rate' });
      const byAsin = await runQuery(db, { metrics: ['reviews_or_feedback', 'review_rate'], by: ['asin'], ...days });
      // B0TESTA001: 2 reviews / 2 orders = 1; B0TESTB002: 1 review / 1 order = 1; no feedback by product
      expect(byAsin.rows.map((r) => [r.asin, r.reviews_or_feedback, r.review_rate])).toEqual([['B0TESTA001', 2, 1], ['B0TESTB002', 1, 1]]);
    }));
});
