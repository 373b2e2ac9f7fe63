/** Stories a seller would recognise, each placed relative to the demo's last day and visible in the numbers. */
import { addDays, sundayOnOrBefore } from './dates.ts';
import type { MarketCode, StoreId } from './markets.ts';

export type StoryKind = 'image_change' | 'buy_box_loss' | 'stockout' | 'coupon' | 'price_rise' | 'launch';

interface StoryRow {
  kind: StoryKind;
  store: StoreId;
  market: MarketCode;
  productCode: string;
  /** Days before `today` the story starts. */
  startsDaysAgo: number;
  days: number | null;
  note: string;
}

// The table the world reads; the events file lists the ones a seller would have written down.
const storyRows: readonly StoryRow[] = [
  { kind: 'image_change', store: 'acme-home', market: 'US', productCode: 'BM-NVY', startsDaysAgo: 70, days: null, note: 'New main image (lifestyle photo instead of white background)' },
  { kind: 'buy_box_loss', store: 'acme-outdoor', market: 'US', productCode: 'HL-2PK', startsDaysAgo: 120, days: 14, note: '跟卖 hijacker undercut the price; Buy Box ~40%' },
  { kind: 'stockout', store: 'acme-home', market: 'US', productCode: 'KM-BLK47', startsDaysAgo: 45, days: 11, note: 'Shipment FBA15K delayed at the port' },
  { kind: 'coupon', store: 'acme-outdoor', market: 'US', productCode: 'WB-32-BLU', startsDaysAgo: 150, days: 7, note: '20% coupon, one week' },
  { kind: 'price_rise', store: 'acme-home', market: 'DE', productCode: 'TW-WHT', startsDaysAgo: 90, days: null, note: 'Price +15% after freight cost increase' },
  { kind: 'launch', store: 'acme-outdoor', market: 'US', productCode: 'PB-XL', startsDaysAgo: 60, days: null, note: 'New listing launched' },
];

export interface Story {
  kind: StoryKind;
  store: StoreId;
  market: MarketCode;
  productCode: string;
  start: string;
  /** Inclusive last day, or null for a lasting change. */
  end: string | null;
  note: string;
}

export function resolveStories(today: string): Story[] {
  return storyRows.map((row) => {
    // The coupon runs one Brand Analytics week, Sunday to Saturday.
    const start = row.kind === 'coupon' ? sundayOnOrBefore(addDays(today, -row.startsDaysAgo)) : addDays(today, -row.startsDaysAgo);
    return {
      kind: row.kind, store: row.store, market: row.market, productCode: row.productCode, start,
      end: row.days === null ? null : addDays(start, row.days - 1), note: row.note,
    };
  });
}

export const COUPON_DISCOUNT = 0.2;
export const PRICE_RISE = 0.15;
export const COUPON_PROMOTION_ID = 'Coupon 20% off A2ZC0UP0NDEMO';

/** Seasonality by month (1–12): Q4 runs ~1.8× the year's base. */
export const seasonByMonth: readonly number[] = [0, 0.85, 0.82, 0.9, 0.95, 1, 1.02, 1.15, 1.0, 0.98, 1.05, 1.8, 1.8];
