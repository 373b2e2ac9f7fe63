import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { noRows, undatedSnapshotDay } from '../fba-snapshot/snapshot.ts';
import { AliasIndex, type HeaderColumn } from '../header.ts';
import type { RowFields } from '../row-fields.ts';
import { cellText } from '../table.ts';
import { parseDate } from '../values/date.ts';
import { webImageUrl } from '../values/image-url.ts';
import { listingsReportAliases } from './aliases.ts';

const aliases = new AliasIndex(listingsReportAliases);

/**
 * All Listings / Active Listings report: every SKU the seller offers in one marketplace, with its
 * ASIN, title and (English layout) image URL. It has no date inside: it is the listings on the day
 * it was downloaded (--date, else today there), like Manage FBA Inventory. It names no marketplace
 * (`fulfillment-channel` AMAZON_NA/AMAZON_EU covers several), so --marketplace decides.
 */
export const listingsReport: TableFamily = {
  type: 'listings_report',
  name: { en: 'All Listings Report', zh: '所有商品报告（Listing报告）' },
  format: 'table',
  writes: [{ table: 'listings', dateFrom: 'snapshot_date', dateTo: 'snapshot_date', guardKey: 'sku' }],
  aliases,
  required: ['sku', 'item_name'],
  filled: { sku: 'refuse', item_name: 'refuse' },
  detect,
  read,
};

/** seller-sku beside listing-id or asin1: the pair no other report has (All Orders says `sku`, `asin`). */
function detect(header: readonly HeaderColumn[]): number | false {
  const columns = aliases.resolve(header);
  return columns.has('sku') && (columns.has('listing_id') || columns.has('asin')) ? columns.size : false;
}

function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const { rows, fields } = input;
  if (rows.length === 0) return noRows(fields.file);
  const day = undatedSnapshotDay(context, {});
  const out: CanonicalRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const sku = row.text('sku');
    if (sku === null) {
      fields.note(source, 'sku', 'value_required');
      continue;
    }
    out.push({
      snapshot_date: day, sku, asin: row.text('asin'), listing_id: row.text('listing_id'),
      item_name: row.text('item_name'), image_url: webImageUrl(row.text('image_url')),
      // FBA offers leave quantity empty (Amazon holds the stock): unknown, not 0
      price: row.money('price')?.amount ?? null, currency: null, quantity: row.int('quantity'),
      status: row.text('status'), fulfillment_channel: row.text('fulfillment_channel'), open_date: openDate(row, input),
    });
  }
  return {
    rows: rows.length, tables: { listings: out }, period: { from: day, to: day },
    evidence: { currencies: [...fields.currencies] }, problems: fields.problems,
  };
}

/**
 * `open-date` is written with a time and a zone name: `2022-03-15 02:26:37 PDT` (US),
 * `29/09/2025 16:19:39 BST` (UK, day first). The written day is the marketplace's own, so the time
 * and zone are dropped; a slashed date is read day first, as the UK files write it (US files write ISO).
 */
function openDate(row: RowFields, { fields }: TableInput): string | null {
  const text = cellText(row.cell('open_date')).trim().replace(/\s+\d{1,2}:\d{2}(?::\d{2})?\s*[A-Za-z]{0,5}$/, '');
  return fields.report(row.source, 'open_date', parseDate(text, { order: 'DMY' }));
}
