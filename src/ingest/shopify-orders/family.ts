import { Decimal } from 'decimal.js';
import { type CanonicalRow, type FamilyContext, type FamilyOutput, type TableFamily, type TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import type { FieldReader, RowFields } from '../row-fields.ts';
import { periodOf, requireValue } from '../report-helpers/row-values.ts';
import { noSaleStatuses, shopifyOrderAliases } from './aliases.ts';

const aliases = new AliasIndex(shopifyOrderAliases);

/** The order's own columns, written on its first line only: carried to its later lines (and across batches). */
interface OrderHead {
  name: string;
  line: number;
  createdAt: Date | null;
  date: string | null;
  status: string | null;
  cancelled: boolean;
  currency: string | null;
  customer: string | null;
  country: string | null;
  shipping: string | null;
  taxes: string | null;
  subtotal: string | null;
  discount: string | null;
  refunded: string | null;
  source: string | null;
  items: CanonicalRow[];
}

/**
 * Shopify's order export (aliases.ts): one order_items row per line item, channel `shopify`. The order's lines are
 * gathered, then written together: item_price = quantity × Lineitem price, the line's discount its own (`Lineitem
 * discount`), the rest of the order's `Discount Amount` on its first line, so the lines' price less discounts add
 * up to the order's Subtotal; Shipping and Taxes (order-level) sit on the first line. A cancelled order (`Cancelled
 * at` filled) or a voided payment is written `Cancelled`, which the metric layer leaves out. Refunds (`Refunded
 * Amount`, order-level; the export gives no refund date) go to `channel_refunds`, dated by the order.
 * Days are the shop's own (the timestamps' written date, in the shop's time zone). The customer is kept only as the
 * keyed hash of the e-mail; names and addresses are never read.
 */
export const shopifyOrders: TableFamily = {
  type: 'shopify_orders',
  name: { en: 'Shopify orders export', zh: 'Shopify 订单导出' },
  format: 'table',
  writes: [
    { table: 'order_items', dateFrom: 'order_date', dateTo: 'order_date', guardKey: 'order_id', sameScope: ['channel'] },
    { table: 'channel_refunds', dateFrom: 'order_date', dateTo: 'order_date', sameScope: ['channel'] },
  ],
  aliases,
  required: ['order_name', 'created_at', 'lineitem_quantity', 'lineitem_price', 'currency'],
  filled: { order_name: 'refuse', lineitem_quantity: 'refuse', lineitem_price: 'refuse' },
  detect(header) {
    const columns = aliases.resolve(header);
    if (!columns.has('order_name') || !columns.has('financial_status') || !columns.has('lineitem_quantity')) return false;
    return columns.size;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const state = context.batch?.state ?? {};
  const items: CanonicalRow[] = [];
  const refunds: CanonicalRow[] = [];
  const currencies = new Set<string>();
  const finish = (head: OrderHead | undefined) => {
    if (!head) return;
    const lines = head.items;
    if (head.date === null || lines.length === 0) return;
    const first = lines[0] as CanonicalRow;
    // the order's discount not on a line of its own goes on its first line
    const onLines = lines.reduce((sum, l) => sum.plus(String(l.item_promotion_discount ?? '0')), new Decimal(0));
    const rest = head.discount === null ? new Decimal(0) : new Decimal(head.discount).abs().minus(onLines);
    if (rest.gt(0)) first.item_promotion_discount = new Decimal(String(first.item_promotion_discount ?? '0')).plus(rest).toFixed();
    first.shipping_price = head.shipping;
    first.item_tax = head.taxes;
    for (const l of lines) items.push({ ...l, order_date: head.date, purchase_at: head.createdAt, order_status: head.status, currency: head.currency, customer_key: head.customer, ship_country: head.country, sales_channel: head.source });
    if (head.currency) currencies.add(head.currency);
    if (head.refunded !== null && new Decimal(head.refunded).gt(0)) {
      refunds.push({ channel: 'shopify', order_id: head.name, order_date: head.date, refunded_amount: head.refunded, currency: head.currency, financial_status: head.status });
    }
  };
  let head = state.head as OrderHead | undefined;
  for (const source of rows) {
    const row = fields.row(source);
    const name = row.text('order_name');
    if (!requireValue(fields, row, 'order_name', name)) continue;
    if (!head || head.name !== name) {
      finish(head);
      head = headOf(row, fields, name, context);
    }
    head.items.push(itemOf(row, fields, name));
  }
  if (!context.batch || context.batch.last) {
    finish(head);
    head = undefined;
  }
  state.head = head;
  return {
    rows: rows.length,
    tables: { order_items: items, channel_refunds: refunds },
    period: periodOf(items, 'order_date'),
    evidence: { currencies: [...currencies] },
    problems: [...fields.problems],
  };
}

function headOf(row: RowFields, fields: FieldReader, name: string, context: FamilyContext): OrderHead {
  const written = row.date('created_at');
  requireValue(fields, row, 'created_at', written);
  const financial = row.text('financial_status')?.toLowerCase() ?? null;
  const cancelled = row.text('cancelled_at') !== null || (financial !== null && noSaleStatuses.has(financial));
  const email = row.text('email')?.trim().toLowerCase();
  return {
    name, line: row.line, createdAt: written ? instantOf(row.text('created_at')) : null, date: written,
    status: cancelled ? 'Cancelled' : financial, cancelled,
    currency: row.text('currency')?.toUpperCase() ?? null,
    customer: email && context.pseudonym ? context.pseudonym(email, 'customer:email') : null,
    country: row.text('shipping_country'),
    shipping: row.decimal('shipping'), taxes: row.decimal('taxes'), subtotal: row.decimal('subtotal'),
    discount: row.decimal('discount_amount'), refunded: row.decimal('refunded_amount'),
    source: row.text('source'),
    items: [],
  };
}

/** `2026-06-01 10:01:00 -0400` (the shop's time zone, as the export writes it): the instant, kept in UTC */
const withOffset = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)\s*(Z|UTC|[+-]\d{2}:?\d{2})$/;
function instantOf(text: string | null): Date | null {
  const m = withOffset.exec(text ?? '');
  if (!m) return null;
  const zone = m[3] === 'UTC' ? 'Z' : (m[3] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = new Date(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

function itemOf(row: RowFields, fields: FieldReader, name: string): CanonicalRow {
  const quantity = row.int('lineitem_quantity');
  const price = row.decimal('lineitem_price');
  requireValue(fields, row, 'lineitem_quantity', quantity);
  const discount = row.decimal('lineitem_discount');
  return {
    channel: 'shopify', order_id: name, item_status: null, fulfillment: null,
    sku: row.text('lineitem_sku'), asin: null, quantity,
    item_price: price !== null && quantity !== null ? new Decimal(price).times(quantity.toString()).toFixed() : null,
    item_promotion_discount: discount === null ? null : new Decimal(discount).abs().toFixed(),
    ship_promotion_discount: null, promotion_ids: null, is_business: null, shipping_tax: null,
  };
}
