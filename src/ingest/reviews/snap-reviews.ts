import type { CanonicalRow, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import type { FieldReader, RowFields } from '../row-fields.ts';
import { decodeEntities, periodOf, requireValue } from '../report-helpers/row-values.ts';
import { snapReviewAliases } from './aliases.ts';
import { readRating, reviewKey } from './review-values.ts';

const aliases = new AliasIndex(snapReviewAliases);

/**
 * SNAP / Kaggle "Amazon Fine Food Reviews" export: ProductId is the ASIN, Score the rating, Time
 * Unix seconds. The data set stores review days as midnight UTC, so the day is read in UTC (in
 * Pacific time every review would move to the day before). It names no marketplace: --marketplace.
 */
export const snapReviews: TableFamily = {
  type: 'reviews_snap',
  name: { en: 'Reviews (SNAP / Kaggle Amazon Fine Food Reviews)', zh: '评论（SNAP/Kaggle 亚马逊美食评论数据集）' },
  format: 'table',
  writes: [{ table: 'reviews', dateFrom: 'review_date', dateTo: 'review_date', sameKey: 'review_key' }],
  aliases,
  required: ['product_id', 'score', 'time'],
  detect(header) {
    const columns = aliases.resolve(header);
    return columns.has('product_id') && columns.has('score') && columns.has('time') ? columns.size : false;
  },
  read,
};

function read({ rows, fields }: TableInput): FamilyOutput {
  const reviews: CanonicalRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const asin = row.text('product_id');
    const date = unixDay(fields, row, 'time');
    const rating = readRating(fields, row, 'score');
    if (!requireValue(fields, row, 'product_id', asin) || !requireValue(fields, row, 'time', date)) continue;
    const title = decodeEntities(row.text('summary'));
    const body = decodeEntities(row.text('text'));
    reviews.push({
      asin, review_date: date, rating, title, body, verified: null, variation: null,
      review_key: reviewKey(row.text('id'), asin, date, title, body),
    });
  }
  return { rows: rows.length, tables: { reviews }, period: periodOf(reviews, 'review_date'), evidence: {}, problems: fields.problems };
}

function unixDay(fields: FieldReader, row: RowFields, field: string): string | null {
  const seconds = row.int(field);
  if (seconds === null) return null;
  const day = new Date(Number(seconds) * 1000);
  if (seconds > 0n && day.getUTCFullYear() < 2100) return day.toISOString().slice(0, 10);
  return fields.report(row.source, field, { ok: false, expected: 'Unix seconds, e.g. 1303862400' });
}
