/**
 * The detection rules of SPEC §4 / issue 4 as data: thresholds, the minimum ad spend that counts
 * as a base, and the note each detected event carries in English and Chinese. Detection code
 * (event-detection.ts) reads these; nobody re-types a threshold or a sentence.
 */
export const detectionRules = {
  /** average selling price (sales ÷ units) moving this much from the previous day with units */
  priceChange: 0.05,
  /** Buy Box below this where it was at or above it ... */
  buyBoxFloor: 0.7,
  /** ... or down this many points (0.20 = 20 percentage points) */
  buyBoxDrop: 0.2,
  /** unit session % (units ÷ sessions) moving this much week over week (0.25 = a quarter of itself) ... */
  conversionChange: 0.25,
  /** ... with at least this many sessions in each week ... */
  conversionMinimumSessions: 100,
  /** ... and further than chance: the two-proportion z score at least this (3 ≈ 99.7%), so a few units more or less
   * on a small ASIN are not an event (on the demo's ~5,000 ASIN-weeks, z ≥ 2 flagged 113 changes, about what
   * chance alone gives at 5%; z ≥ 3 flagged 10) */
  conversionMinimumZ: 3,
  /** ad spend up or down this much week over week */
  adSpendJump: 0.5,
  /** new reviews in a day at least this many times the trailing daily average ... */
  reviewSpikeFactor: 3,
  /** ... and at least this many */
  reviewSpikeMinimum: 3,
  reviewTrailingDays: 28,
} as const;

/** About USD 25 a week in each marketplace currency: below it on both weeks, an ad spend change is noise
 * (at USD 5 the demo's 54 ASINs gave 848 "jumps" in 13 months, flooding every finding's confounders). */
export const adSpendMinimum: Readonly<Record<string, number>> = {
  USD: 25, CAD: 35, MXN: 500, BRL: 125, GBP: 20, EUR: 25, SEK: 250, PLN: 100, TRY: 750,
  AED: 100, SAR: 100, INR: 2000, JPY: 3750, AUD: 40, SGD: 35,
};
export const adSpendMinimumDefault = 25;

/** What each note says, already formatted (money to its currency's digits, signed percentages). */
export interface NoteData {
  price_change: { from: string; to: string; change: string };
  stockout: { days: number; availableZero: boolean; buyBoxZero: boolean };
  buy_box_drop: { from: string; to: string; points: string };
  coupon: { orders: number; promotions: string };
  ad_spend_jump: { from: string; to: string; change: string | null };
  conversion_change: { from: string; to: string; change: string };
  review_spike: { reviews: number; average: string; days: number };
}

export type DetectedType = keyof NoteData;

type Note<T> = { en: (d: T) => string; zh: (d: T) => string };

export const eventNotes: { [K in DetectedType]: Note<NoteData[K]> } = {
  price_change: {
    en: (d) => `ASP ${d.from} → ${d.to} (${d.change})`,
    zh: (d) => `均价 ${d.from} → ${d.to}（${d.change}）`,
  },
  stockout: {
    en: (d) => `Stock-out ${d.days} day${d.days === 1 ? '' : 's'}: ${[d.availableZero && 'available units 0', d.buyBoxZero && 'sessions with Buy Box 0'].filter(Boolean).join(', ')}`,
    zh: (d) => `断货 ${d.days} 天：${[d.availableZero && '可售库存为 0', d.buyBoxZero && '有会话但购物车为 0'].filter(Boolean).join('，')}`,
  },
  buy_box_drop: {
    en: (d) => `Buy Box ${d.from} → ${d.to} (${d.points} pts)`,
    zh: (d) => `购物车获得率 ${d.from} → ${d.to}（${d.points} 个百分点）`,
  },
  coupon: {
    en: (d) => `${d.orders} order${d.orders === 1 ? '' : 's'} with promotions (${d.promotions})`,
    zh: (d) => `${d.orders} 笔订单使用促销（${d.promotions}）`,
  },
  conversion_change: {
    en: (d) => `Unit session % ${d.from} → ${d.to} week over week (${d.change})`,
    zh: (d) => `单位会话转化率环比 ${d.from} → ${d.to}（${d.change}）`,
  },
  ad_spend_jump: {
    en: (d) => `Ad spend ${d.from} → ${d.to} week over week (${d.change ?? 'new'})`,
    zh: (d) => `广告花费环比 ${d.from} → ${d.to}（${d.change ?? '新增'}）`,
  },
  review_spike: {
    en: (d) => `${d.reviews} new reviews (trailing ${d.days}-day average ${d.average} a day)`,
    zh: (d) => `新增评论 ${d.reviews} 条（近${d.days}天日均 ${d.average} 条）`,
  },
};

export function noteOf<K extends DetectedType>(type: K, data: NoteData[K]): { en: string; zh: string } {
  const note = eventNotes[type] as Note<NoteData[K]>;
  return { en: note.en(data), zh: note.zh(data) };
}
