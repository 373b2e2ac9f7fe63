/** Pass 2 of the world: order items from daily demand, with status, channel, B2B, coupon and ad attribution. */
import type { Listing } from './catalog.ts';
import { addDays, localToUtcMs } from './dates.ts';
import { markets } from './markets.ts';
import { Random } from './random.ts';
import { COUPON_DISCOUNT, COUPON_PROMOTION_ID } from './stories.ts';
import type { TrafficDay } from './traffic.ts';
import { SD_FAMILIES } from './ad-metrics.ts';

export type OrderStatus = 'Shipped' | 'Cancelled' | 'Pending';
/** Which ad got the click that led to the order (SP halo: another SKU's ad). */
export type Attribution = 'sp-auto' | 'sp-exact' | 'sp-halo' | 'sd' | 'sb' | null;

export interface OrderItem {
  orderId: string;
  listing: number;
  sku: string;
  date: string;
  purchaseMs: number;
  lastUpdatedMs: number;
  /** Units ordered; a cancelled row may show 0 in the file (`shownQuantity`). */
  quantity: number;
  status: OrderStatus;
  /** Cancelled rows that keep their quantity and price in the All Orders file (FORMATS §9). */
  keepsQuantity: boolean;
  priceMinor: number;
  taxMinor: number;
  discountMinor: number;
  promotionId: string;
  business: boolean;
  channel: 'Amazon' | 'Merchant';
  mcf: boolean;
  shipService: string;
  place: readonly [string, string, string];
  attribution: Attribution;
  /** The listing whose ad is credited (differs from `listing` for halo sales). */
  adListing: number;
}

// Hour-of-day weights, local time: evenings are busiest.
const hourWeights = [2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 6, 6, 5, 5, 5, 6, 7, 8, 9, 9, 7, 4];
const hourTotal = hourWeights.reduce((a, b) => a + b, 0);

function secondOfDay(rng: Random): number {
  let r = rng.next() * hourTotal;
  let hour = 0;
  for (; hour < 23; hour += 1) {
    r -= hourWeights[hour] ?? 0;
    if (r < 0) break;
  }
  return hour * 3600 + rng.int(0, 3599);
}

function orderId(rng: Random, prefixes: readonly string[]): string {
  return `${rng.pick(prefixes)}-${rng.digits(7)}-${rng.digits(7)}`;
}

function taxOf(priceMinor: number, listing: Listing): number {
  const m = markets[listing.market];
  if (m.usSalesTax > 0) return Math.round(priceMinor * m.usSalesTax);
  return Math.round((priceMinor * m.vatRate) / (1 + m.vatRate));
}

function attribute(rng: Random, day: TrafficDay, sibling: number | null, self: number, sd: boolean): { attribution: Attribution; adListing: number } {
  const sp = Math.min(0.5, (day.spClicks / Math.max(1, day.sessions)) * 1.7);
  const sdShare = !sd ? 0 : Math.min(0.06, (day.sdClicks / Math.max(1, day.sessions)) * 1.2);
  const r = rng.next();
  if (r < sp) return { attribution: rng.chance(0.55) ? 'sp-auto' : 'sp-exact', adListing: self };
  if (r < sp + sdShare) return { attribution: 'sd', adListing: self };
  if (r < sp + sdShare + 0.045) return { attribution: 'sb', adListing: self };
  if (sibling !== null && r < sp + sdShare + 0.065) return { attribution: 'sp-halo', adListing: sibling };
  return { attribution: null, adListing: self };
}

export function simulateOrders(listing: Listing, sibling: number | null, days: readonly string[], traffic: readonly TrafficDay[], today: string, seed: number): OrderItem[] {
  const rng = Random.stream(seed, `orders:${listing.sku}`);
  const market = markets[listing.market];
  const items: OrderItem[] = [];
  days.forEach((date, i) => {
    const day = traffic[i];
    if (!day) return;
    let remaining = day.demand;
    while (remaining > 0) {
      const age = days.length - 1 - i;
      const cancelled = age > 1 && rng.chance(0.015);
      const quantity = !cancelled && remaining >= 2 && rng.chance(0.08) ? 2 : 1;
      remaining -= quantity;
      const status: OrderStatus = cancelled ? 'Cancelled' : age <= 1 || (age === 2 && rng.chance(0.5)) ? 'Pending' : 'Shipped';
      const purchaseMs = localToUtcMs(date, secondOfDay(rng), market.timeZone);
      const priceMinor = day.priceMinor * quantity;
      const coupon = day.coupon && rng.chance(0.75);
      const fbm = listing.fbmSku !== null && rng.chance(0.15);
      const updateDays = status === 'Shipped' ? rng.int(1, 4) : 0;
      const lastUpdatedMs = Math.min(purchaseMs + updateDays * 86_400_000 + rng.int(600, 40_000) * 1000, Date.parse(`${addDays(today, 1)}T06:00:00Z`));
      items.push({
        orderId: orderId(rng, market.orderPrefixes), listing: listing.index, sku: fbm ? listing.fbmSku ?? listing.sku : listing.sku,
        date, purchaseMs, lastUpdatedMs, quantity, status, keepsQuantity: cancelled && rng.chance(0.3), priceMinor,
        taxMinor: status === 'Shipped' ? taxOf(priceMinor, listing) : 0,
        discountMinor: coupon ? Math.round(priceMinor * COUPON_DISCOUNT) : 0, promotionId: coupon ? COUPON_PROMOTION_ID : '',
        business: rng.chance(day.sessionsB2b / Math.max(1, day.sessions)), channel: fbm ? 'Merchant' : 'Amazon', mcf: false,
        shipService: rng.pick(market.code === 'US' ? ['Standard', 'Standard', 'Expedited', 'SecondDay'] : ['Standard', 'Standard', 'Expedited']),
        place: rng.pick(market.places), ...attribute(rng, day, sibling, listing.index, SD_FAMILIES.has(listing.familyCode)),
      });
    }
    // Multi-channel fulfilment (Shopify orders shipped from FBA): in the file, not in the Business Report.
    if (listing.market === 'US' && listing.store === 'acme-outdoor' && day.live && rng.chance(0.04) && i < days.length - 3) {
      const purchaseMs = localToUtcMs(date, secondOfDay(rng), market.timeZone);
      items.push({
        orderId: `S01-${rng.digits(7)}-${rng.digits(7)}`, listing: listing.index, sku: listing.sku, date, purchaseMs,
        lastUpdatedMs: purchaseMs + 2 * 86_400_000, quantity: 1, status: 'Shipped', keepsQuantity: false, priceMinor: 0, taxMinor: 0,
        discountMinor: 0, promotionId: '', business: false, channel: 'Amazon', mcf: true, shipService: 'Standard',
        place: rng.pick(market.places), attribution: null, adListing: listing.index,
      });
    }
  });
  return items;
}
