/** The simulated "world": daily truth per listing, from which every report file is written. */
import { buildCatalog, type Listing } from './catalog.ts';
import { addDays, addMonths, dateRange, sundayOnOrBefore } from './dates.ts';
import { Random } from './random.ts';
import { resolveStories, type Story } from './stories.ts';
import { simulateTraffic, type TrafficDay } from './traffic.ts';
import { simulateOrders, type OrderItem } from './order-items.ts';
import { simulateStock, type Shipment, type StockDay } from './stock.ts';
import { simulateFeedback, type ReturnItem, type Review } from './feedback.ts';
import { badBatchReturns } from './purchasing.ts';

export interface World {
  seed: number;
  today: string;
  /** First simulated day: a Sunday about 13 months before `today`. */
  start: string;
  days: string[];
  listings: Listing[];
  stories: Story[];
  traffic: TrafficDay[][];
  stock: StockDay[][];
  shipments: Shipment[];
  orders: OrderItem[];
  /** Order items per listing index, in purchase order. */
  ordersByListing: OrderItem[][];
  returns: ReturnItem[];
  reviews: Review[];
}

export const DEFAULT_TODAY = '2026-11-23';

export function simulateWorld(seed = 1, today = DEFAULT_TODAY): World {
  const start = sundayOnOrBefore(addDays(addMonths(today, -13), 1));
  const days = dateRange(start, today);
  const listings = buildCatalog();
  const stories = resolveStories(today);
  const traffic = listings.map((l) => simulateTraffic(l, days, stories, seed));
  const orders: OrderItem[] = [];
  const stock: StockDay[][] = [];
  const shipments: Shipment[] = [];
  for (const listing of listings) {
    const sibling = listings.find((o) => o.familyCode === listing.familyCode && o.market === listing.market && o.index !== listing.index) ?? null;
    const items = simulateOrders(listing, sibling?.index ?? null, days, traffic[listing.index] ?? [], today, seed);
    orders.push(...items);
    const outflow = new Array<number>(days.length).fill(0);
    const pending = new Array<number>(days.length).fill(0);
    const dayIndex = new Map(days.map((d, i) => [d, i]));
    for (const item of items) {
      if (item.status === 'Cancelled' || item.channel === 'Merchant') continue;
      const i = dayIndex.get(item.date) ?? 0;
      outflow[i] = (outflow[i] ?? 0) + item.quantity;
      if (item.status === 'Pending') pending[days.length - 1] = (pending[days.length - 1] ?? 0) + item.quantity;
    }
    const stockout = stories.find((s) => s.kind === 'stockout' && s.productCode === listing.productCode && s.market === listing.market && s.store === listing.store) ?? null;
    const result = simulateStock(listing, days, outflow, pending, stockout, seed);
    stock.push(result.daily);
    shipments.push(...result.shipments);
  }
  orders.sort((a, b) => a.purchaseMs - b.purchaseMs || a.orderId.localeCompare(b.orderId));
  const ordersByListing: OrderItem[][] = listings.map(() => []);
  for (const o of orders) ordersByListing[o.listing]?.push(o);
  const { returns, reviews } = simulateFeedback(listings, orders, today, Random.stream(seed, 'feedback'));
  const world: World = { seed, today, start, days, listings, stories, traffic, stock, shipments, orders, ordersByListing, returns, reviews };
  // the bad batch's story (issue 22): its extra returns come from a stream of their own, so nothing else moves
  returns.push(...badBatchReturns(world));
  returns.sort((a, b) => b.returnMs - a.returnMs);
  return world;
}

/** Listings of one store and marketplace. */
export function listingsOf(world: World, store: string, market: string): Listing[] {
  return world.listings.filter((l) => l.store === store && l.market === market);
}
