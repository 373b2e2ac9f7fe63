import type { StageName } from './funnel-stages.ts';

/**
 * The built-in detectors (issue 19), on by default, as data: which catalog metric each reads, over which
 * window and grain, the condition and its default threshold (a seller changes it with a rule naming the
 * detector), the least volume that makes the number worth a message, how severe it is, which role hears
 * of it when the ASIN has no owner's channel, and which diagnosis stage's actions the message carries.
 *
 * Kinds: `threshold` (the window's value against `value`), `change` (against the same window just
 * before, in points for a ratio when `points` is set, else relative), `anomaly` (the last week against
 * the scope's own trailing weeks: robust score on median and MAD), `reviews` (new reviews at low stars
 * or with a watch keyword) and `account_health`.
 */
export type AlertOp = 'gt' | 'lt';
export type ChangeKind = 'wow' | 'mom' | 'yoy';
export type Severity = 'critical' | 'warning' | 'info';

export interface Condition {
  kind: 'threshold' | 'change' | 'anomaly';
  metric: string;
  op: AlertOp;
  value: number;
  /** change: which period it compares with; `points`: a ratio's change in percentage points, not relative */
  change?: ChangeKind;
  points?: boolean;
  /** compare with another metric of the same row instead of `value` (ACoS above break-even ACoS) */
  against?: string;
  /** anomaly: also this far from the trailing median, relative (−0.4: 40% below it), so a steady series' small move is not one */
  minChange?: number;
}

export interface DetectorDefinition {
  id: string;
  zh: string;
  en: string;
  /** any condition holding raises the alert; it clears when none holds */
  conditions: readonly Condition[];
  /** days the window ends with (as-of inclusive) */
  windowDays: number;
  grain: 'asin' | 'marketplace';
  /** at least this much of `metric` in the window for the scope to be judged */
  minimum?: { metric: string; value: number };
  severity: Severity;
  role: string;
  stage: StageName | null;
  /**
   * Name the part that moved: `count` split by `dimension` (a catalog dimension), each part over the
   * scope's whole `base` in the window against the same over the trailing weeks (a return reason's
   * returns per unit ordered): the message says which part rose most.
   */
  split?: { dimension: string; count: string; base: string };
}

export const builtInDetectors: readonly DetectorDefinition[] = [
  {
    id: 'buy_box', zh: '购物车获得率下降（疑似跟卖）', en: 'Buy Box lost (hijacker suspected)',
    // Buy Box below 70% or down 20 points against the week before (event-rules.ts uses the same two numbers)
    conditions: [
      { kind: 'threshold', metric: 'buy_box_pct', op: 'lt', value: 0.7 },
      { kind: 'change', metric: 'buy_box_pct', op: 'lt', value: -0.2, change: 'wow', points: true },
    ],
    windowDays: 7, grain: 'asin', minimum: { metric: 'sessions', value: 50 }, severity: 'critical', role: 'operator', stage: 'order',
  },
  {
    id: 'stockout', zh: '断货或断货风险（可售天数低于补货周期+安全库存）', en: 'Stock-out, or stock-out risk (days of cover below lead time + safety stock)',
    // inventory snapshots come weekly: the last one of the 7 days is the stock; 14 days' lead time (FBA
    // replenishment from a warehouse) + 7 days' safety stock; a seller on sea freight raises it
    conditions: [
      { kind: 'threshold', metric: 'available_units', op: 'lt', value: 1 },
      { kind: 'threshold', metric: 'days_of_cover', op: 'lt', value: 21 },
    ],
    windowDays: 7, grain: 'asin', minimum: { metric: 'units_30d', value: 30 }, severity: 'critical', role: 'supply', stage: 'order',
  },
  {
    id: 'ctr_drop', zh: '点击率骤降', en: 'Click-through rate collapsed',
    // the last whole week against the 8 before it; a small ASIN's weekly CTR is noise, hence the impressions
    conditions: [{ kind: 'anomaly', metric: 'ctr', op: 'lt', value: -3.5, minChange: -0.4 }],
    windowDays: 7, grain: 'asin', minimum: { metric: 'impressions', value: 5000 }, severity: 'warning', role: 'operator', stage: 'click',
  },
  {
    id: 'acos_break_even', zh: 'ACoS 高于盈亏平衡 ACoS', en: 'ACoS above break-even ACoS',
    conditions: [{ kind: 'threshold', metric: 'acos', op: 'gt', value: 0, against: 'break_even_acos' }],
    windowDays: 14, grain: 'asin', minimum: { metric: 'ad_clicks', value: 100 }, severity: 'warning', role: 'ads', stage: null,
  },
  {
    id: 'return_rate_spike', zh: '退货率异常升高', en: 'Return rate spike',
    conditions: [{ kind: 'anomaly', metric: 'return_rate', op: 'gt', value: 3.5 }],
    windowDays: 7, grain: 'asin', minimum: { metric: 'returned_units', value: 5 }, severity: 'warning', role: 'operator', stage: 'review',
    // return_rate is returned_units_matched ÷ order_item_units: each reason's returns over the same units
    split: { dimension: 'return_reason', count: 'returned_units_matched', base: 'order_item_units' },
  },
  {
    id: 'account_health', zh: '账户健康超出亚马逊限值', en: 'Account health past Amazon\'s limits',
    // Amazon's targets: ODR under 1%, late shipment rate under 4%
    conditions: [
      { kind: 'threshold', metric: 'odr', op: 'gt', value: 0.01 },
      { kind: 'threshold', metric: 'late_shipment_rate', op: 'gt', value: 0.04 },
    ],
    windowDays: 1, grain: 'marketplace', severity: 'critical', role: 'manager', stage: null,
  },
  {
    id: 'hijacker', zh: '跟卖：他人报价出现在自有 Listing 上，或购物车被他人夺走', en: 'Hijacker: another seller\'s offer on your listing, or the Buy Box lost to one',
    // the day's offers (SP-API Product Pricing, issue 18): any offer not the seller's own, or a day the Buy Box was another's
    conditions: [
      { kind: 'threshold', metric: 'other_seller_offers', op: 'gt', value: 0 },
      { kind: 'threshold', metric: 'buy_box_lost_days', op: 'gt', value: 0 },
    ],
    windowDays: 1, grain: 'asin', severity: 'critical', role: 'operator', stage: 'order',
  },
];

/** Detectors that read facts outside the metric catalog (app/alert-evaluate.ts), on by default too. */
export const factDetectors = [
  { id: 'reviews', en: 'New negative reviews (1–2 stars or a watch keyword)', zh: '新差评（1–2星或含关注词）', severity: 'warning', role: 'operator' },
  { id: 'listing_inactive', en: 'Listing went inactive (suppressed?)', zh: 'Listing 变为不可售（可能被压制）', severity: 'critical', role: 'operator' },
  // Amazon's targets for seller-fulfilled orders: pre-fulfilment cancel rate under 2.5%, valid tracking rate above 95%
  { id: 'fulfilment_limits', en: 'Cancellation or valid tracking past Amazon\'s limits', zh: '取消率或有效追踪率超出亚马逊限值', severity: 'critical', role: 'manager', cancelAbove: 0.025, trackingBelow: 0.95 },
  // weekly Business Reports arrive a few days after their Saturday: later than this is late
  { id: 'data_late', en: 'Reports are late', zh: '报表未按时导入', severity: 'warning', role: 'manager', days: 10 },
  // units at Amazon whose listing is Inactive: they cannot sell and still pay storage (Amazon's "stranded inventory")
  { id: 'stranded', en: 'Stranded stock (units at Amazon, listing inactive)', zh: '滞留库存（亚马逊仓内有货，Listing 不可售）', severity: 'warning', role: 'supply' },
  // an imported file that failed, or a sync whose last run of a report ended in an error (FATAL among them), within the last days
  { id: 'data_failing', en: 'An import or a sync is failing', zh: '导入或同步失败', severity: 'warning', role: 'manager', days: 7 },
] as const;

/** Reviews: at or below this many stars, or containing a watch keyword. */
export const lowStarRating = 2;

/**
 * Watch keywords, as data, matched case-insensitively in a review's title and body; the seller adds
 * words (`alert_keywords`). English, German, French, Italian, Spanish, Japanese, Chinese.
 */
export const watchKeywords: readonly string[] = [
  'broken', 'not fit', "doesn't fit", 'does not fit', 'defective', 'damaged', 'stopped working', 'fake',
  'kaputt', 'defekt', 'passt nicht', 'cassé', 'défectueux', 'ne convient pas', 'rotto', 'difettoso', 'non va bene',
  'roto', 'defectuoso', 'no encaja', '壊れ', '不良品', 'サイズが合わない', '破损', '坏了', '质量差', '尺寸不合',
];

export const detectorById = (id: string): DetectorDefinition | undefined => builtInDetectors.find((d) => d.id === id);

/** Median and MAD score of `x` against `history` (scaled MAD: 1.4826 × median absolute deviation). */
export function robustScore(x: number, history: readonly number[]): number | null {
  if (history.length < 4) return null;
  const median = medianOf(history);
  const mad = medianOf(history.map((h) => Math.abs(h - median))) * 1.4826;
  // a flat history: any move is infinite; keep a floor of 1% of the median so noise on a steady series is not an alert
  const scale = Math.max(mad, Math.abs(median) * 0.01, 1e-9);
  return (x - median) / scale;
}

export function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
