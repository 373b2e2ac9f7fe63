import type { StageName } from './funnel-stages.ts';

/**
 * What to try when a stage is low (SPEC §4, the seeds' step 5), as data: one rule per stage, the
 * actions in Chinese and English, and the evidence to show beside the finding. The stage's own count
 * and base, the market's and the trailing 8 weeks' rates are always shown; `evidence` adds
 * Business Report numbers (buy_box_pct, unit_session_pct, sessions_mobile …) or facts the caller
 * passes in (rating_avg, ratings, ad_impressions, available_units, stockout_days …).
 */
export interface DiagnosisRule {
  stage: StageName;
  evidence: readonly string[];
  actions: { zh: readonly string[]; en: readonly string[] };
  /**
   * The sales the leak costs in the period (`at_stake`, src/analysis/at-stake.ts). Every rule starts from the
   * shortfall against the benchmark's low bound, in the stage's own units: base × low − count for a rate
   * (= base × (low − rate)), low − count for a count. `carry` takes it to purchases: `to_order` multiplies by the
   * scope's own purchases per unit of this stage (order-stage count ÷ this stage's count), `is_order` means the
   * shortfall already is purchases (one unit each), `none` means it is not sales. Purchases are priced at the
   * scope's average selling price (sales ÷ units) in the period. `formula` says it to the seller.
   */
  atStake: { carry: 'to_order' | 'is_order' | 'none'; formula: { zh: string; en: string } };
}

export const diagnosisRules: Record<StageName, DiagnosisRule> = {
  exposure: {
    stage: 'exposure',
    atStake: { carry: 'to_order', formula: { zh: '(曝光基准下限 − 曝光量) × (购买数 ÷ 曝光量) × 平均售价', en: '(low bound − impressions) × (purchases ÷ impressions) × average selling price' } },
    evidence: ['impression_share', 'ad_impressions'],
    actions: {
      zh: ['检查关键词覆盖：核心词和长尾词是否写进标题、五点和描述', '补充并清洗后台搜索词（Search Terms）', '提高广告覆盖：为没覆盖到的关键词开自动和手动SP广告'],
      en: ['Check keyword coverage: are the main and long-tail search terms in the title, bullets and description?', 'Fill in and clean up the backend search terms', 'Raise ad coverage: add automatic and manual Sponsored Products campaigns for keywords you do not reach'],
    },
  },
  click: {
    stage: 'click',
    atStake: { carry: 'to_order', formula: { zh: '曝光量 × (点击率下限 − 点击率) × (购买数 ÷ 点击数) × 平均售价', en: 'impressions × (CTR low bound − CTR) × (purchases ÷ clicks) × average selling price' } },
    evidence: ['sessions_mobile', 'sessions_browser'],
    actions: {
      zh: ['A/B测试主图（管理实验），注意手机端显示效果', 'A/B测试标题：核心词靠前，卖点一眼能看到', '检查价格呈现：划线价、优惠券标识、与竞品的价差'],
      en: ['A/B test the main image (Manage Your Experiments), checking how it looks on a phone', 'A/B test the title: main keyword first, the benefit visible at a glance', 'Check how the price shows: list price, coupon badge, gap to competing offers'],
    },
  },
  cart: {
    stage: 'cart',
    atStake: { carry: 'to_order', formula: { zh: '点击数 × (加购率下限 − 加购率) × (购买数 ÷ 加购数) × 平均售价', en: 'clicks × (cart-add rate low bound − cart-add rate) × (purchases ÷ cart adds) × average selling price' } },
    evidence: ['rating_avg', 'ratings', 'unit_session_pct'],
    actions: {
      zh: ['对比同类竞品价格', '查看评分和近期差评：评分低会直接拖累加购', '检查配送时效承诺（Prime标识、预计送达日期）', '完善A+内容', '补充Q&A，回答买家最常见的顾虑'],
      en: ['Compare the price with similar competing products', 'Look at the rating and recent negative reviews: a low rating holds back cart adds', 'Check the delivery promise (Prime badge, delivery date)', 'Improve the A+ content', 'Add Q&A answering buyers\' most common doubts'],
    },
  },
  order: {
    stage: 'order',
    atStake: { carry: 'is_order', formula: { zh: '点击数 × (下单率下限 − 下单率) × 平均售价', en: 'clicks × (order rate low bound − order rate) × average selling price' } },
    evidence: ['buy_box_pct', 'buy_box_benchmark_low', 'unit_session_pct', 'order_item_session_pct', 'available_units', 'stockout_days'],
    actions: {
      zh: ['确认Buy Box是否稳定（见Buy Box占比）：跟卖、价格或配送问题都会丢掉购物车', '排查支付或库存问题：断货、可售库存不足、配送选项', '用促销促成下单：优惠券、Prime专享折扣、Promotions'],
      en: ['Make sure you hold the Buy Box (see Buy Box %): hijackers, price or delivery problems lose it', 'Look for payment or stock problems: stock-outs, low available stock, delivery options', 'Close the sale with promotions: coupons, Prime exclusive discounts, Promotions'],
    },
  },
  review: {
    stage: 'review',
    atStake: { carry: 'none', formula: { zh: '新增评论不是本期销售额，不计金额', en: 'new reviews are not sales of the period: nothing to price' } },
    evidence: ['rating_avg'],
    actions: {
      zh: ['在订单送达后5–30天内使用"请求评论"（Request a Review）按钮', '新品报名Vine计划（只用合规方式，绝不索要好评）'],
      en: ['Use the Request a Review button 5–30 days after delivery', 'Enrol new products in Vine (compliant only: never ask for a positive review)'],
    },
  },
  repeat: {
    stage: 'repeat',
    atStake: { carry: 'is_order', formula: { zh: '顾客数 × (复购率下限 − 复购率) × 平均售价（每位流失的复购顾客至少买一件）', en: 'customers × (repeat rate low bound − repeat rate) × average selling price (each lost repeat buyer buys one unit at least)' } },
    evidence: [],
    actions: {
      zh: ['向老客户发送合规的个性化跟进（客户互动管理、品牌关注者邮件）', '符合条件的商品开通"订购省"（Subscribe & Save）'],
      en: ['Send compliant, personal follow-ups to past buyers (Manage Customer Engagement, brand follower emails)', 'Turn on Subscribe & Save where the product is eligible'],
    },
  },
};
