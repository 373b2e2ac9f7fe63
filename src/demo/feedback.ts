/** Returns and reviews that follow shipped orders. */
import type { Listing } from './catalog.ts';
import { addDays, localToUtcMs } from './dates.ts';
import { markets } from './markets.ts';
import type { OrderItem } from './order-items.ts';
import type { Random } from './random.ts';

export interface ReturnItem {
  returnMs: number;
  date: string;
  order: OrderItem;
  quantity: number;
  reason: string;
  disposition: string;
  status: string;
  fc: string;
  lpn: string;
  comment: string;
}

export interface Review {
  listing: number;
  date: string;
  rating: number;
  title: string;
  body: string;
  verified: boolean;
}

// [reason, disposition, status] with weights: the FBA returns report's own codes.
const returnReasons: readonly (readonly [string, string, string, number])[] = [
  ['UNWANTED_ITEM', 'SELLABLE', 'Unit returned to inventory', 30], ['NOT_AS_DESCRIBED', 'SELLABLE', 'Unit returned to inventory', 14],
  ['DEFECTIVE', 'DEFECTIVE', 'Unit returned to inventory', 14], ['DAMAGED_BY_FC', 'DAMAGED', 'Reimbursed', 4],
  ['ORDERED_WRONG_ITEM', 'SELLABLE', 'Unit returned to inventory', 10], ['FOUND_BETTER_PRICE', 'SELLABLE', 'Unit returned to inventory', 8],
  ['QUALITY_UNACCEPTABLE', 'CUSTOMER_DAMAGED', 'Unit returned to inventory', 12], ['MISSING_PARTS', 'DEFECTIVE', 'Unit returned to inventory', 4],
  ['SWITCHEROO', 'CUSTOMER_DAMAGED', 'Unit returned to inventory', 2], ['APPAREL_TOO_SMALL', 'SELLABLE', 'Unit returned to inventory', 2],
];

const comments: Record<string, readonly string[]> = {
  en: ['smaller than expected', 'color is different from the picture', 'arrived broken', 'not thick enough, slides around', 'does not fit, "large" is small'],
  de: ['kleiner als erwartet', 'Farbe anders als auf dem Bild', 'kam kaputt an', 'rutscht trotzdem'],
  ja: ['思ったより小さい', '色が写真と違う', '届いた時に壊れていた'],
};

const reviewTexts: Record<string, Record<'good' | 'bad', readonly (readonly [string, string])[]>> = {
  en: {
    good: [['Great quality', 'Exactly as described, soft and sturdy. Would buy again.'], ['Love it', 'Looks great, washes well, no complaints after a month.'], ['Good value', 'Does the job, fair price, fast delivery.']],
    bad: [['Broken on arrival', 'Arrived broken, the packaging was fine though.'], ['Not as pictured', 'Color is off and it feels cheap, "premium" my foot.'], ['Stopped working', 'Fell apart after two weeks, not fit for daily use.']],
  },
  de: {
    good: [['Sehr gut', 'Gute Qualität, genau wie beschrieben.'], ['Top', 'Schnelle Lieferung, würde wieder kaufen.']],
    bad: [['Kaputt angekommen', 'Leider kaputt angekommen, schade.'], ['Enttäuscht', 'Passt nicht, Qualität mangelhaft.']],
  },
  ja: {
    good: [['満足です', '品質が良く、説明どおりでした。'], ['良い買い物', '軽くて使いやすいです。']],
    bad: [['壊れていた', '届いた時に壊れていました。'], ['期待外れ', '写真と色が違いました。']],
  },
};

function weighted<T extends readonly unknown[]>(rng: Random, rows: readonly T[], weightAt: number): T {
  const total = rows.reduce((a, r) => a + (r[weightAt] as number), 0);
  let x = rng.next() * total;
  for (const row of rows) {
    x -= row[weightAt] as number;
    if (x < 0) return row;
  }
  return rows[0] as T;
}

export function simulateFeedback(listings: readonly Listing[], orders: readonly OrderItem[], today: string, rng: Random): { returns: ReturnItem[]; reviews: Review[] } {
  const returns: ReturnItem[] = [];
  const reviews: Review[] = [];
  for (const order of orders) {
    const listing = listings[order.listing];
    if (!listing || order.status !== 'Shipped' || order.mcf) continue;
    const market = markets[listing.market];
    if (rng.chance(listing.returnRate)) {
      const date = addDays(order.date, rng.int(4, 35));
      if (date <= today) {
        const [reason, disposition, status] = weighted(rng, returnReasons, 3);
        returns.push({
          returnMs: localToUtcMs(date, rng.int(0, 86_399), market.timeZone), date, order, quantity: 1, reason, disposition, status,
          fc: rng.pick(market.code === 'US' ? ['TUS1', 'LAS2', 'ONT8', 'BWI2', 'PHX7'] : market.code === 'DE' ? ['DTM2', 'LEJ1', 'FRA7'] : ['NRT5', 'KIX4']),
          lpn: `LPN${rng.chars(2, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${rng.digits(9)}`,
          comment: rng.chance(0.35) ? rng.pick(comments[market.lang] ?? []) : '',
        });
      }
    }
    if (rng.chance(0.022)) {
      const date = addDays(order.date, rng.int(6, 30));
      if (date > today) continue;
      const rating = Math.max(1, Math.min(5, Math.round(listing.quality + (rng.next() - 0.5) * 3.2)));
      const texts = reviewTexts[market.lang];
      const [title, body] = texts ? rng.pick(rating >= 4 ? texts.good : texts.bad) : ['', ''];
      reviews.push({ listing: listing.index, date, rating, title, body, verified: rng.chance(0.92) });
    }
  }
  returns.sort((a, b) => b.returnMs - a.returnMs);
  reviews.sort((a, b) => a.date.localeCompare(b.date) || a.listing - b.listing);
  return { returns, reviews };
}
