/**
 * Events that may explain a change in the numbers (SPEC §4 confounders): the one table of their
 * types and names. Imported files, the user (`events add`) and detection all write these types.
 */
export const eventTypes = [
  'coupon', 'deal', 'price_change', 'image_change', 'title_change', 'stockout', 'competitor',
  'buy_box_drop', 'conversion_change', 'ad_spend_jump', 'review_spike', 'other',
] as const;

export type EventType = (typeof eventTypes)[number];

export const eventTypeNames: Record<EventType, { en: string; zh: string }> = {
  coupon: { en: 'Coupon or promotion', zh: '优惠券/促销' },
  deal: { en: 'Deal', zh: '秒杀/促销活动' },
  price_change: { en: 'Price change', zh: '价格变动' },
  image_change: { en: 'Image change', zh: '图片变更' },
  title_change: { en: 'Title change', zh: '标题变更' },
  stockout: { en: 'Stock-out', zh: '断货' },
  competitor: { en: 'Competitor move', zh: '竞品变动' },
  buy_box_drop: { en: 'Buy Box drop', zh: '购物车丢失' },
  conversion_change: { en: 'Conversion change', zh: '转化率突变' },
  ad_spend_jump: { en: 'Ad spend jump', zh: '广告花费突变' },
  review_spike: { en: 'Review spike', zh: '评论激增' },
  other: { en: 'Other', zh: '其他' },
};

/** Where an event came from: a master-data file, `events add`, or detection from the data. */
export const eventOrigins = ['imported', 'entered', 'detected'] as const;
export type EventOrigin = (typeof eventOrigins)[number];

export function isEventType(text: string): text is EventType {
  return (eventTypes as readonly string[]).includes(text);
}

export function isEventOrigin(text: string): text is EventOrigin {
  return (eventOrigins as readonly string[]).includes(text);
}
