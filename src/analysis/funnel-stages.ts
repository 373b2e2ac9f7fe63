import { metricById } from '../metrics/catalog.ts';
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
 * A rate's count and base are its catalog ratio's numerator and denominator, so a stage rate is the
 * catalog's rate by construction (CTR is clicks / impressions in one place).
 */
export interface StageMetrics {
  count: string;
  base: string | null;
  rate: string | null;
}

function rateStage(rate: string): StageMetrics {
  const aggregation = metricById.get(rate)?.aggregation;
  if (aggregation?.kind !== 'ratio' || aggregation.scale !== undefined) throw new Error(`funnel stage rate ${rate}: not a plain ratio in the metric catalog`);
  return { count: aggregation.numerator, base: aggregation.denominator, rate };
}

const countStage = (count: string): StageMetrics => ({ count, base: null, rate: null });

const tail = { review: rateStage('review_rate'), repeat: rateStage('repeat_rate') };

export const searchStages: Record<StageName, StageMetrics> = {
  exposure: countStage('impressions'),
  click: rateStage('ctr'),
  cart: rateStage('cart_add_rate'),
  order: rateStage('order_rate'),
  ...tail,
};

/** Without Brand Analytics: ad impressions, clicks and orders; ad reports have no cart adds. */
export const adsOnlyStages: Record<StageName, StageMetrics | null> = {
  exposure: countStage('ad_impressions'),
  click: rateStage('ad_ctr'),
  cart: null,
  order: rateStage('ad_conversion_rate'),
  ...tail,
};

export function stageMetrics(source: FunnelSource, stage: StageName): StageMetrics | null {
  return source === 'ads_only' ? adsOnlyStages[stage] : searchStages[stage];
}
