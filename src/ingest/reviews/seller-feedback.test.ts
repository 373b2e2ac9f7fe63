import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, ownFixture, withTempDb } from '../testing.ts';
import { sellerFeedback } from './seller-feedback.ts';

// Amazon's feedback report in its real layout (Date, Rating, Comments, Your Response, Order ID, Rater Email;
// src/ingest/README.md cites it), with values of our own. US dates are M/D/YY.
const file = ownFixture('reviews/seller-feedback-us.txt');
const us = { marketplace: 'US' };
const emails = ['buyer.one@example.com', 'buyer.two@example.com', 'buyer.three@example.com', 'buyer.four@example.com', 'buyer.five@example.com', 'buyer.six@example.com'];

familyContract(sellerFeedback, {
  good: file,
  options: us,
  badValue: { file: ownFixture('reviews/seller-feedback-bad-date.txt'), line: 3, column: 'Date', options: us },
  other: ownFixture('reviews/reviews-en.csv'),
});

describe('seller feedback (Feedback Manager report)', () => {
  test('rows read as written: US dates month first, the response kept, the order id as the key', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [file], us)).files;
      expect(r).toMatchObject({ status: 'imported', type: 'seller_feedback', marketplace: 'US', rows: 6, from: '2026-03-02', to: '2026-04-28' });
      const rows = await db.all(`SELECT CAST(feedback_date AS VARCHAR) AS d, rating, comments, response, order_id, feedback_key FROM seller_feedback ORDER BY feedback_date`);
      expect(rows[0]).toEqual({ d: '2026-03-02', rating: '5.0', comments: 'Fast shipping, as described', response: null, order_id: '111-1234567-1234567', feedback_key: '111-1234567-1234567' });
      expect(rows[2]).toMatchObject({ d: '2026-03-17', rating: '1.0', response: 'We refunded the order' });
      expect(rows.map((x) => x.d)).toEqual(['2026-03-02', '2026-03-09', '2026-03-17', '2026-04-01', '2026-04-20', '2026-04-28']);
    }));

  test('the rater e-mail is never stored: the database file\'s bytes hold none of them', () =>
    withTempDb(async (db, dir) => {
      const [r] = (await importFiles(db, [file], us)).files;
      expect(r?.status).toBe('imported');
      db.close();
      // the file and its write-ahead log, byte for byte; the comments are there, so the search can find text
      const bytes = Buffer.concat(readdirSync(dir).filter((f) => f.startsWith('test.duckdb')).map((f) => readFileSync(join(dir, f))));
      expect(bytes.includes(Buffer.from('Fast shipping, as described'))).toBe(true);
      for (const email of emails) expect(bytes.includes(Buffer.from(email)), email).toBe(false);
      expect(bytes.includes(Buffer.from('@example.com'))).toBe(false);
    }));

  test('dates as the marketplace writes them: JP YY/M/D, UK D/M/YY', () =>
    withTempDb(async (db, dir) => {
      const header = 'Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n';
      const jp = join(dir, 'feedback-jp.txt');
      writeFileSync(jp, `${header}26/3/5\t5\tよい\t\t503-1234567-1234567\ta@example.jp\n`);
      const uk = join(dir, 'feedback-uk.txt');
      writeFileSync(uk, `${header}5/3/26\t4\tFine\t\t202-1234567-1234567\tb@example.co.uk\n`);
      expect((await importFiles(db, [jp], { marketplace: 'JP' })).files[0]).toMatchObject({ status: 'imported', from: '2026-03-05', to: '2026-03-05' });
      expect((await importFiles(db, [uk], { marketplace: 'UK' })).files[0]).toMatchObject({ status: 'imported', from: '2026-03-05', to: '2026-03-05' });
    }));

  test('a later download replaces the same feedback (one per order), never duplicates it', () =>
    withTempDb(async (db, dir) => {
      await importFiles(db, [file], us);
      // one order of the first file again (its buyer has changed 1 star to 3) and one new order
      const later = join(dir, 'feedback-later.txt');
      writeFileSync(later, [
        'Date\tRating\tComments\tYour Response\tOrder ID\tRater Email',
        '3/17/26\t3\tArrived late after all\t\t111-3456789-3456789\tbuyer.three@example.com',
        '4/30/26\t5\tPerfect\t\t111-7890123-7890123\tbuyer.seven@example.com',
      ].join('\n') + '\n');
      const [r] = (await importFiles(db, [later], us)).files;
      // replaced by key (the order id): only 111-3456789's feedback; the others of those days stay (a download may be
      // filtered), so 6 − 1 + 2 = 7 rows
      expect(r).toMatchObject({ status: 'imported', rows: 2, replaced: 1 });
      const rows = await db.all(`SELECT order_id, rating FROM seller_feedback ORDER BY feedback_date`);
      expect(rows.map((x) => [x.order_id, x.rating])).toEqual([
        ['111-1234567-1234567', '5.0'], ['111-2345678-2345678', '4.0'], ['111-3456789-3456789', '3.0'], ['111-4567890-4567890', '3.0'],
        ['111-5678901-5678901', '4.0'], ['111-6789012-6789012', '2.0'], ['111-7890123-7890123', '5.0'],
      ]);
    }));

  test('without --marketplace the file is refused, saying why (its dates depend on it); a half star is named by line', () =>
    withTempDb(async (db, dir) => {
      const [r] = (await importFiles(db, [file])).files;
      expect(r).toMatchObject({ status: 'error', type: 'seller_feedback' });
      expect(r?.problems[0]).toMatchObject({ code: 'needs_marketplace' });
      expect(r?.problems[0]?.message_zh).toContain('--marketplace');
      const half = join(dir, 'feedback-half.txt');
      writeFileSync(half, 'Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n3/2/26\t4.5\tHm\t\t111-1234567-1234567\tx@example.com\n');
      const [h] = (await importFiles(db, [half], us)).files;
      expect(h).toMatchObject({ status: 'error' });
      expect(h?.problems[0]).toMatchObject({ code: 'bad_value', line: 2, column: 'Rating' });
      expect((await db.all('SELECT count(*) AS n FROM seller_feedback'))[0]?.n).toBe('0');
    }));
});
