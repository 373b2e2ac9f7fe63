import { createHash } from 'node:crypto';
import { say } from '../../domain/messages.ts';
import { refusal, type CanonicalRow, type FamilyContext, type FamilyOutput, type TableFamily, type TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import type { FieldReader, RowFields } from '../row-fields.ts';
import { parseDate } from '../values/date.ts';
import { periodOf, requireValue } from '../report-helpers/row-values.ts';
import { sellerFeedbackAliases } from './aliases.ts';
import { readRating } from './review-values.ts';

const aliases = new AliasIndex(sellerFeedbackAliases);

/**
 * How the report writes its day, per marketplace (the report names none): Airbyte's
 * SellerFeedbackReports.MARKETPLACE_DATE_FORMAT_MAP (airbytehq/airbyte source-amazon-seller-partner
 * streams.py): US `M/D/YY`, JP `YY/M/D`, DE `D.M.YY`, SE `YYYY-MM-DD`, every other marketplace `D/M/YY`.
 * The day is the marketplace's own: no time, no zone.
 */
const monthFirst = new Set(['US']);
const yearFirst = new Set(['JP']);

/**
 * Amazon's seller feedback report: one feedback per order (Amazon takes one per order), so the order id
 * is the feedback's identity across re-imports. No ASIN: feedback is about the seller, not a product.
 * The rater e-mail is dropped here, before anything is written.
 */
export const sellerFeedback: TableFamily = {
  type: 'seller_feedback',
  name: { en: 'Seller feedback (Feedback Manager)', zh: '卖家反馈（Feedback Manager 反馈管理）' },
  format: 'table',
  writes: [{ table: 'seller_feedback', dateFrom: 'feedback_date', dateTo: 'feedback_date', sameKey: 'feedback_key' }],
  aliases,
  required: ['date', 'rating', 'order_id'],
  detect(header) {
    const columns = aliases.resolve(header);
    // Date and Rating alone are too common; the order id with the rater or comments makes it this report
    if (!columns.has('date') || !columns.has('rating') || !columns.has('order_id')) return false;
    return columns.has('rater_email') || columns.has('comments') ? columns.size : false;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const market = context.options.marketplace?.toUpperCase();
  // the file names no marketplace and `5/3/26` means two different days: no guessing
  if (!market) return refusal(context, 'needs_marketplace', say('feedback_needs_marketplace'));
  const feedback: CanonicalRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const date = feedbackDate(fields, row, market);
    const rating = readRating(fields, row, 'rating');
    if (!requireValue(fields, row, 'date', date) || !requireValue(fields, row, 'rating', rating)) continue;
    // feedback is given in whole stars; 4.5 would be no feedback Amazon wrote
    if (!/^[1-5]$/.test(rating)) { fields.report(source, 'rating', { ok: false, expected: { en: 'a whole number of stars from 1 to 5', zh: '1 到 5 的整数星级' } }); continue; }
    const comments = row.text('comments');
    const orderId = row.text('order_id');
    feedback.push({
      feedback_date: date, rating, comments, response: row.text('response'), order_id: orderId,
      feedback_key: orderId ?? `h:${createHash('sha256').update([date, rating, comments ?? ''].join('\u0000')).digest('hex').slice(0, 32)}`,
    });
  }
  return { rows: rows.length, tables: { seller_feedback: feedback }, period: periodOf(feedback, 'feedback_date'), evidence: {}, problems: fields.problems };
}

function feedbackDate(fields: FieldReader, row: RowFields, market: string): string | null {
  const text = row.text('date');
  const jp = text && yearFirst.has(market) ? /^(\d{2})\/(\d{1,2})\/(\d{1,2})$/.exec(text) : null;
  // `26/3/5` read as 2026-03-05; a day that does not exist is refused with the cell as written
  if (jp) return fields.report(row.source, 'date', parseDate(`20${jp[1]}-${jp[2]?.padStart(2, '0')}-${jp[3]?.padStart(2, '0')}`));
  return row.date('date', { order: monthFirst.has(market) ? 'MDY' : 'DMY' });
}
