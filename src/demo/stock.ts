/** Pass 3 of the world: FBA stock per day, planned with foresight so only the stock-out story runs dry. */
import type { Listing } from './catalog.ts';
import { Random } from './random.ts';
import type { Story } from './stories.ts';
import { toEpochDay } from './dates.ts';

export interface StockDay {
  /** Fulfillable units at the end of the day. */
  available: number;
  inboundWorking: number;
  inboundShipped: number;
  inboundReceiving: number;
  reserved: number;
  unsellable: number;
}

export interface Shipment {
  id: string;
  listing: number;
  /** Day index the units become available. */
  arrival: number;
  quantity: number;
}

const CYCLE = 45;
const SAFETY_DAYS = 25;
// Inbound stages in days before arrival: working, then shipped (at sea), then receiving at the FC.
const WORKING_FROM = 38;
const SHIPPED_FROM = 30;
const RECEIVING_FROM = 4;

function sum(values: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i < to && i < values.length; i += 1) s += values[i] ?? 0;
  return s;
}

/** `outflow[d]`: FBA units leaving stock on day d (shipped and pending, MCF included). */
export function simulateStock(listing: Listing, days: readonly string[], outflow: readonly number[], pending: readonly number[], stockout: Story | null, seed: number): { daily: StockDay[]; shipments: Shipment[] } {
  const rng = Random.stream(seed, `stock:${listing.sku}`);
  const n = days.length;
  const recent = sum(outflow, n - 30, n) / 30;
  const demandAt = (from: number, to: number) => sum(outflow, from, to) + Math.max(0, Math.min(to, n + 200) - Math.max(from, n)) * recent;
  const outStart = stockout ? toEpochDay(stockout.start) - toEpochDay(days[0] ?? stockout.start) : -1;
  const outEnd = stockout?.end ? outStart + toEpochDay(stockout.end) - toEpochDay(stockout.start) : -1;
  const arrivals: number[] = [];
  for (let a = rng.int(15, 40); a < n + WORKING_FROM; a += CYCLE + rng.int(-5, 5)) arrivals.push(a);
  if (stockout) {
    // The shipment due at the stock-out start arrives the day after it ends.
    const kept = arrivals.filter((a) => a < outStart - 10 || a > outEnd + 10);
    kept.push(outEnd + 1);
    arrivals.splice(0, arrivals.length, ...kept.sort((x, y) => x - y));
  }
  const safety = (d: number) => Math.round((demandAt(d, d + 30) / 30) * SAFETY_DAYS);
  // Dry run: each shipment tops stock up to cover until the next one plus safety stock; the one before
  // the stock-out covers exactly until its first day, so available reaches 0 then.
  const quantities = new Map<number, number>();
  let onHand = Math.round(demandAt(0, arrivals[0] ?? CYCLE)) + safety(0);
  const initial = onHand;
  for (let d = 0; d < n + WORKING_FROM + CYCLE; d += 1) {
    const k = arrivals.indexOf(d);
    if (k >= 0) {
      const next = arrivals[k + 1] ?? d + CYCLE;
      const target = stockout && next === outEnd + 1 ? demandAt(d, outStart) : demandAt(d, next) + safety(next);
      const quantity = Math.max(0, Math.round(target - onHand));
      quantities.set(d, quantity);
      onHand += quantity;
    }
    onHand = Math.max(0, onHand - (d < n ? outflow[d] ?? 0 : recent));
  }
  const shipments: Shipment[] = arrivals.filter((a) => (quantities.get(a) ?? 0) > 0)
    .map((arrival, k) => ({ id: `FBA${String(17 + k)}${rng.chars(5)}`, listing: listing.index, arrival, quantity: quantities.get(arrival) ?? 0 }));
  onHand = initial;
  const unsellableBase = rng.int(0, 3);
  const daily: StockDay[] = [];
  for (let d = 0; d < n; d += 1) {
    for (const s of shipments) if (s.arrival === d) onHand += s.quantity;
    onHand = Math.max(0, onHand - (outflow[d] ?? 0));
    const inStage = (from: number, to: number) => shipments.filter((s) => d >= s.arrival - from && d < s.arrival - to).reduce((a, s) => a + s.quantity, 0);
    const reserved = Math.min(onHand, (pending[d] ?? 0) + Math.round(onHand * 0.03));
    daily.push({
      available: onHand - reserved, reserved, unsellable: unsellableBase + (d % 97 < 10 ? 1 : 0),
      inboundWorking: inStage(WORKING_FROM, SHIPPED_FROM), inboundShipped: inStage(SHIPPED_FROM, RECEIVING_FROM), inboundReceiving: inStage(RECEIVING_FROM, 0),
    });
  }
  return { daily, shipments };
}
