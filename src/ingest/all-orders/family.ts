import { say, shownValue } from '../../domain/messages.ts';
import { fileProblem } from '../problems.ts';
import type { Problem } from '../../domain/errors.ts';
import { marketplaceBySalesChannel } from '../../domain/marketplaces.ts';
import { refusal, type CanonicalRow, type FamilyContext, type FamilyOutput, type TableFamily, type TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import type { FieldReader, RowFields } from '../row-fields.ts';
import { periodOf, readBoolean, requireValue } from '../report-helpers/row-values.ts';
import { readTimestamp, timeZoneOf } from '../report-helpers/timestamps.ts';
import { allOrdersAliases, fulfillmentByChannel, mcfSalesChannel } from './aliases.ts';

const aliases = new AliasIndex(allOrdersAliases);

/**
 * All Orders flat file (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL; TSV from the API,
 * CSV from some tools): one order_items row per order item. purchase_at stays UTC; order_date is
 * the marketplace-local day. order_status is kept as written: the metric layer drops 'Cancelled'.
 *
 * Multi-Channel Fulfilment rows (sales-channel `Non-Amazon`) are skipped and counted in a warning:
 * they are orders sold on another channel that FBA only shipped, have no price, and would
 * otherwise count as Amazon orders and units (the metric layer does not filter on channel).
 */
export const allOrders: TableFamily = {
  type: 'all_orders',
  name: { en: 'All Orders report (flat file)', zh: '所有订单报告' },
  format: 'table',
  // sameScope channel: an Amazon file never replaces the order items of another channel (Shopify, Walmart)
  writes: [{ table: 'order_items', dateFrom: 'order_date', dateTo: 'order_date', guardKey: 'order_id', sameScope: ['channel'] }],
  // a unified account's file names each order's marketplace (Amazon.co.uk, Amazon.de …): imported split per marketplace
  splitsByMarketplace: true,
  aliases,
  required: ['order_id', 'purchase_date', 'order_status', 'asin', 'quantity', 'item_price'],
  filled: { order_id: 'refuse', purchase_date: 'refuse', order_status: 'refuse', asin: 'refuse', quantity: 'refuse', item_price: 'warn' },
  detect(header) {
    const columns = aliases.resolve(header);
    if (!columns.has('order_id') || !columns.has('purchase_date')) return false;
    return columns.size;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const items: CanonicalRow[] = [];
  const channels = new Set<string>();
  const currencies = new Set<string>();
  // read in batches, the Multi-Channel Fulfilment rows and kept items are counted over the whole file
  const counts = (context.batch?.state.counts as { mcf: number; items: number } | undefined) ?? { mcf: 0, items: 0 };
  if (context.batch) context.batch.state.counts = counts;
  let mcf = 0;
  const skipped: Record<string, number> = {};
  for (const source of rows) {
    const row = fields.row(source);
    const salesChannel = row.text('sales_channel');
    if (salesChannel?.toLowerCase() === mcfSalesChannel) {
      mcf++;
      skipped[salesChannel] = (skipped[salesChannel] ?? 0) + 1;
      continue;
    }
    const timeZone = timeZoneOf(context, salesChannel);
    if (!timeZone) return refusal(context, 'needs_marketplace', say('order_channel_unknown', { line: row.line, value: shownValue(salesChannel ?? '') }));
    if (salesChannel) channels.add(salesChannel);
    const item: CanonicalRow = { ...itemOf(row, fields, timeZone), marketplace: salesChannel ? marketplaceBySalesChannel(salesChannel)?.code ?? null : null };
    if (typeof item.currency === 'string') currencies.add(item.currency);
    if (item.order_date !== null && item.order_id !== null) items.push(item);
  }
  counts.mcf += mcf;
  counts.items += items.length;
  const problems: Problem[] = [...fields.problems];
  if (!context.batch || context.batch.last) {
    if (counts.items === 0 && counts.mcf > 0 && fields.problems.length === 0) {
      return refusal(context, 'nothing_to_import', say('only_mcf_orders', { count: counts.mcf }));
    }
    if (counts.mcf > 0) {
      problems.push(fileProblem(counts.mcf === 1 ? 'mcf_row_skipped' : 'mcf_rows_skipped', { count: counts.mcf }, { code: 'skipped_rows', severity: 'warning', file: context.file }));
    }
  }
  return {
    rows: rows.length,
    tables: { order_items: items },
    period: periodOf(items, 'order_date'),
    evidence: { salesChannels: [...channels], currencies: [...currencies] },
    problems,
    ...(mcf > 0 ? { skipped } : {}),
  };
}

function itemOf(row: RowFields, fields: FieldReader, timeZone: string): CanonicalRow {
  const { at, date } = readTimestamp(row, 'purchase_date', timeZone);
  const orderId = row.text('order_id');
  requireValue(fields, row, 'order_id', orderId);
  requireValue(fields, row, 'purchase_date', date);
  const channel = row.text('fulfillment_channel');
  return {
    channel: 'amazon',
    order_id: orderId, purchase_at: at, order_date: date,
    order_status: row.text('order_status'), item_status: row.text('item_status'),
    fulfillment: channel ? (fulfillmentByChannel[channel.toLowerCase()] ?? channel) : null,
    sales_channel: row.text('sales_channel'), sku: row.text('sku'), asin: row.text('asin'),
    quantity: row.int('quantity'),
    currency: row.text('currency')?.toUpperCase() ?? null,
    item_price: row.decimal('item_price'), item_tax: row.decimal('item_tax'),
    shipping_price: row.decimal('shipping_price'), shipping_tax: row.decimal('shipping_tax'),
    item_promotion_discount: row.decimal('item_promotion_discount'), ship_promotion_discount: row.decimal('ship_promotion_discount'),
    promotion_ids: row.text('promotion_ids'),
    is_business: readBoolean(fields, row, 'is_business_order'),
    ship_country: row.text('ship_country'),
    customer_key: null,
  };
}
