import type { Text } from './benchmark-table.ts';

/** The six stages of the operations funnel (运营漏斗, SPEC §4), in order. */
export const stageNames = ['exposure', 'click', 'cart', 'order', 'review', 'repeat'] as const;
export type StageName = (typeof stageNames)[number];

export const stageLabels: Record<StageName, Text> = {
  exposure: { zh: '曝光', en: 'Exposure' },
  click: { zh: '点击', en: 'Click' },
  cart: { zh: '加购', en: 'Add to cart' },
  order: { zh: '下单', en: 'Order' },
  review: { zh: '留评', en: 'Review' },
  repeat: { zh: '复购', en: 'Repeat' },
};

/** Where a funnel's stages 1–4 come from: Brand Analytics SCP, else SQP, else ad reports alone. */
export type FunnelSource = 'scp' | 'sqp' | 'ads_only';

/**
 * The catalog metrics behind each stage: `count` is the stage's number, `rate` = count / `base`
 * (the status is judged on the rate; on the count where there is no rate). One source per rate.
 */
export interface StageMetrics {
  count: string;
  base: string | null;
  rate: string | null;
}

const tail = {
  review: { count: 'reviews_new', base: 'orders', rate: 'review_rate' },
  repeat: { count: 'repeat_customers', base: 'customers', rate: 'repeat_rate' },
} as const;

export const searchStages: Record<StageName, StageMetrics> = {
  exposure: { count: 'impressions', base: null, rate: null },
  click: { count: 'clicks', base: 'impressions', rate: 'ctr' },
  cart: { count: 'cart_adds', base: 'clicks', rate: 'cart_add_rate' },
  order: { count: 'purchases', base: 'clicks', rate: 'order_rate' },
  ...tail,
};

/** Without Brand Analytics: ad impressions, clicks and orders; ad reports have no cart adds. */
export const adsOnlyStages: Record<StageName, StageMetrics | null> = {
  exposure: { count: 'ad_impressions', base: null, rate: null },
  click: { count: 'ad_clicks', base: 'ad_impressions', rate: 'ad_ctr' },
  cart: null,
  order: { count: 'ad_orders', base: 'ad_clicks', rate: 'ad_conversion_rate' },
  ...tail,
};

export function stageMetrics(source: FunnelSource, stage: StageName): StageMetrics | null {
  return source === 'ads_only' ? adsOnlyStages[stage] : searchStages[stage];
}
