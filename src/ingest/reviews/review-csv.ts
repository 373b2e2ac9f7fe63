import { marketplaceByCode, marketplaceBySalesChannel } from '../../domain/marketplaces.ts';
import type { CanonicalRow, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import { decodeEntities, periodOf, readBoolean, requireValue } from '../report-helpers/row-values.ts';
import { reviewCsvAliases } from './aliases.ts';
import { readRating, reviewKey } from './review-values.ts';

const aliases = new AliasIndex(reviewCsvAliases);

/**
 * The review CSV Asterism documents (`asin,date,rating,title,body` [+ verified, variation,
 * marketplace]); Amazon itself offers no review export. One marketplace per file, as every import.
 */
export const reviewCsv: TableFamily = {
  type: 'reviews_csv',
  name: { en: 'Reviews (CSV)', zh: '评论（CSV）' },
  format: 'table',
  writes: [{ table: 'reviews', dateFrom: 'review_date', dateTo: 'review_date', sameKey: 'review_key' }],
  aliases,
  required: ['asin', 'date', 'rating'],
  detect(header) {
    const columns = aliases.resolve(header);
    // asin and date plus one review column: enough to say "a review file" and name what is missing
    if (!columns.has('asin') || !columns.has('date') || !['rating', 'title', 'body'].some((f) => columns.has(f))) return false;
    return columns.size;
  },
  read,
};

function read({ rows, fields }: TableInput): FamilyOutput {
  const reviews: CanonicalRow[] = [];
  const channels = new Set<string>();
  for (const source of rows) {
    const row = fields.row(source);
    const asin = row.text('asin')?.toUpperCase() ?? null;
    const date = row.date('date');
    const rating = readRating(fields, row, 'rating');
    const market = row.text('marketplace');
    if (market) {
      // `US` or `amazon.com`: named as a sales channel so the framework checks it like any file's
      const m = marketplaceByCode(market) ?? marketplaceBySalesChannel(market);
      if (m) channels.add(m.salesChannel);
      else fields.report(source, 'marketplace', { ok: false, expected: 'a marketplace code such as US, UK, DE or a site such as amazon.com' });
    }
    if (!requireValue(fields, row, 'asin', asin) || !requireValue(fields, row, 'date', date)) continue;
    const title = decodeEntities(row.text('title'));
    const body = decodeEntities(row.text('body'));
    reviews.push({
      asin, review_date: date, rating, title, body,
      verified: readBoolean(fields, row, 'verified'), variation: row.text('variation'),
      review_key: reviewKey(row.text('review_id'), asin, date, title, body),
    });
  }
  return {
    rows: rows.length, tables: { reviews }, period: periodOf(reviews, 'review_date'),
    evidence: { salesChannels: [...channels] }, problems: fields.problems,
  };
}
