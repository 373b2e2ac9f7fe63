/** Pass 1 of the world: daily traffic, Buy Box, price and demand per listing, with the stories applied. */
import type { Listing } from './catalog.ts';
import { daysBetween, weekday } from './dates.ts';
import { markets } from './markets.ts';
import { Random } from './random.ts';
import { COUPON_DISCOUNT, PRICE_RISE, seasonByMonth, type Story, type StoryKind } from './stories.ts';

export interface TrafficDay {
  live: boolean;
  impressions: number;
  searchClicks: number;
  spClicks: number;
  sdClicks: number;
  sessions: number;
  sessionsB2b: number;
  pageViews: number;
  pageViewsB2b: number;
  /** Featured Offer share, 0–1. */
  buyBox: number;
  priceMinor: number;
  coupon: boolean;
  /** Units ordered (before stock): 0 while out of stock. */
  demand: number;
}

const weekdayFactor = [1.1, 0.97, 0.96, 0.97, 0.98, 1.0, 1.05];

export function storyOn(stories: readonly Story[], listing: Listing, kind: StoryKind, date: string): boolean {
  return stories.some((s) => s.kind === kind && s.store === listing.store && s.market === listing.market
    && s.productCode === listing.productCode && date >= s.start && (s.end === null || date <= s.end));
}

export function simulateTraffic(listing: Listing, days: readonly string[], stories: readonly Story[], seed: number): TrafficDay[] {
  const rng = Random.stream(seed, `traffic:${listing.sku}`);
  const launch = stories.find((s) => s.kind === 'launch' && s.productCode === listing.productCode && s.market === listing.market);
  const risePrice = Math.round((listing.priceMinor * (1 + PRICE_RISE)) / (listing.currency === 'JPY' ? 10 : 100)) * (listing.currency === 'JPY' ? 10 : 100) - (listing.currency === 'JPY' ? 20 : 1);
  return days.map((date, i) => {
    const has = (kind: StoryKind) => storyOn(stories, listing, kind, date);
    const live = !launch || date >= launch.start;
    const ramp = launch ? Math.min(1, 0.2 + (0.8 * Math.max(0, daysBetween(launch.start, date))) / 45) : 1;
    const f = (seasonByMonth[Number(date.slice(5, 7))] ?? 1) * (weekdayFactor[weekday(date)] ?? 1)
      * (1 + (0.15 * i) / days.length) * ramp * rng.noise(0.25) * (has('stockout') ? 0.8 : 1) * (has('coupon') ? 1.15 : 1);
    const base = listing.sessionsPerDay;
    const ctr = listing.ctr * (has('image_change') ? 0.42 : 1) * rng.noise(0.1);
    const impressions = live ? Math.round(((base * 0.6) / listing.ctr) * f) : 0;
    const searchClicks = live ? rng.poisson(impressions * ctr) : 0;
    const spClicks = live ? rng.poisson(base * 0.18 * f) : 0;
    const sdClicks = live ? rng.poisson(base * 0.025 * f) : 0;
    const sessions = searchClicks + spClicks + sdClicks + (live ? rng.poisson(base * 0.22 * f) : 0);
    const pageViews = sessions + rng.binomial(sessions, 0.38);
    const buyBox = has('buy_box_loss') ? 0.38 + rng.next() * 0.05 : Math.min(1, 0.965 + rng.next() * 0.05);
    const priceMinor = has('price_rise') ? risePrice : listing.priceMinor;
    const conversion = listing.conversion * (priceMinor > listing.priceMinor ? 0.75 : 1) * (has('coupon') ? 1 / (1 - COUPON_DISCOUNT) + 0.2 : 1) * rng.noise(0.12);
    const demand = has('stockout') || !live ? 0 : rng.poisson(sessions * conversion * buyBox);
    return {
      live, impressions, searchClicks, spClicks, sdClicks, sessions, sessionsB2b: rng.binomial(sessions, markets[listing.market].code === 'JP' ? 0.02 : 0.045),
      pageViews, pageViewsB2b: 0, buyBox: Math.round(buyBox * 10000) / 10000, priceMinor, coupon: has('coupon'), demand,
    };
  }).map((d) => ({ ...d, pageViewsB2b: Math.min(d.pageViews, d.sessionsB2b + Math.floor(d.sessionsB2b * 0.4)) }));
}
