/** All Orders flat file (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL): TSV, CRLF, UTF-8, one file per month. */
import type { DemoFile } from './demo-file.ts';
import { isoUtc } from './dates.ts';
import { plainMoney, tsvLine } from './format.ts';
import { markets, type MarketCode } from './markets.ts';
import type { OrderItem } from './order-items.ts';
import { Random } from './random.ts';
import type { World } from './world.ts';

// Note the trailing space in `price-designation `, as Amazon writes it.
export const allOrdersHeader = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status',
  'fulfillment-channel', 'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status',
  'quantity', 'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax',
  'item-promotion-discount', 'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country',
  'promotion-ids', 'is-business-order', 'purchase-order-number', 'price-designation '];

/** Quantity as the file shows it: most cancelled items show 0 and no price, some keep both. */
export function shownQuantity(o: OrderItem): number {
  return o.status === 'Cancelled' && !o.keepsQuantity ? 0 : o.quantity;
}

function row(world: World, o: OrderItem): string[] {
  const listing = world.listings[o.listing];
  const m = markets[listing?.market ?? 'US'];
  const cur = m.currency;
  const showPrice = !o.mcf && (o.status !== 'Cancelled' || o.keepsQuantity);
  const money = (x: number) => (showPrice ? plainMoney(x, cur) : '');
  const status = o.mcf ? 'Shipped' : o.status === 'Pending' ? 'Pending' : o.status;
  const itemStatus = o.status === 'Shipped' && !o.mcf ? 'Shipped' : o.status === 'Cancelled' && !o.keepsQuantity ? 'Cancelled' : 'Unshipped';
  const merchantId = o.mcf ? Random.stream(0, o.orderId).chars(10, 'abcdefghijklmnopqrstuvwxyz0123456789') : o.orderId;
  const business = o.business && !o.mcf;
  return [o.orderId, merchantId, isoUtc(o.purchaseMs), isoUtc(o.lastUpdatedMs), status, o.channel, o.mcf ? 'Non-Amazon' : m.salesChannel,
    '', '', o.shipService, listing?.title ?? '', o.sku, listing?.asin ?? '', itemStatus, String(shownQuantity(o)), showPrice ? cur : '',
    money(o.priceMinor), o.status === 'Shipped' && showPrice ? plainMoney(o.taxMinor, cur) : '', '', '', '', '',
    o.discountMinor > 0 && showPrice ? plainMoney(o.discountMinor, cur) : '', '', o.place[0], o.place[1], o.place[2], m.code,
    o.promotionId, business ? 'true' : 'false', business ? `PO-${o.orderId.slice(-7)}` : '', business ? 'BusinessPrice' : ''];
}

export function writeAllOrders(world: World, store: string, code: MarketCode): DemoFile[] {
  const byMonth = new Map<string, string[]>();
  for (const o of world.orders) {
    const listing = world.listings[o.listing];
    if (listing?.store !== store || listing.market !== code) continue;
    // The report is "by order date": a month's file holds the orders whose local date falls in it.
    const month = o.date.slice(0, 7);
    const lines = byMonth.get(month) ?? [];
    lines.push(tsvLine(row(world, o)));
    byMonth.set(month, lines);
  }
  return [...byMonth.entries()].map(([month, lines]) => ({
    path: `${store}/${code}/orders/All-Orders-${month}.txt`, type: 'all_orders', store, marketplace: code,
    content: Buffer.from([allOrdersHeader.join('\t'), ...lines].join('\r\n') + '\r\n', 'utf8'),
  }));
}
