/**
 * The default benchmark table (SPEC §4), as data: one row per marketplace group × lifecycle tier ×
 * metric (× variant). The seeds give Amazon US figures; EU and JP rows are ours, reasoned below.
 * Users change any of it with overrides (benchmarks.ts), never by editing code.
 */

export const tiers = ['new', 'mature', 'clearance'] as const;
export type Tier = (typeof tiers)[number];

/** US stands for North America and for every marketplace without a row of its own (AU, SG, BR …). */
export const marketplaceGroups = ['US', 'EU', 'JP'] as const;
export type MarketplaceGroup = (typeof marketplaceGroups)[number];

export interface Text {
  zh: string;
  en: string;
}

export interface BenchmarkRow {
  group: MarketplaceGroup;
  tier: Tier;
  metric: string;
  /** null: the row used unless the user picks another; e.g. `invited` for review rate */
  variant: string | null;
  /** null where the benchmark is one-sided */
  low: number | null;
  high: number | null;
  note: Text;
}

interface Range {
  metric: string;
  variant?: string;
  /** all groups / tiers when absent */
  groups?: readonly MarketplaceGroup[];
  tiers?: readonly Tier[];
  low: number | null;
  high: number | null;
  zh: string;
  en: string;
}

const settled = ['mature', 'clearance'] as const;
const usJp = ['US', 'JP'] as const;

/*
 * Conversion (cart-add and order rate):
 * - US from the seeds (cart-add 20–35%, click → order 8–15%).
 * - EU: the seeds say only that EU conversion is "generally lower than the US". We take both bounds
 *   four fifths of the US ones (order 6.4–12%, cart-add 16–28%): a starting point, tune by override.
 * - JP: no figure in the seeds and no evidence that JP converts differently, so the US bounds.
 * - new: the seeds warn against expecting mature conversion from a new listing (few reviews, no
 *   history): the low bound is three quarters of the mature one; the high bound stays.
 * - clearance: price cuts should convert at least as well as normal, so the mature bounds: a low
 *   order rate while clearing means the cut is not deep enough.
 */
const conversion: Range[] = [
  { metric: 'cart_add_rate', groups: usJp, tiers: settled, low: 0.2, high: 0.35, zh: '加购率 20%–35%', en: 'Cart-add rate 20–35%' },
  { metric: 'cart_add_rate', groups: usJp, tiers: ['new'], low: 0.15, high: 0.35, zh: '新品加购率 15%–35%', en: 'New listing cart-add rate 15–35%' },
  { metric: 'cart_add_rate', groups: ['EU'], tiers: settled, low: 0.16, high: 0.28, zh: '欧洲站加购率 16%–28%（低于美国站）', en: 'EU cart-add rate 16–28% (lower than US)' },
  { metric: 'cart_add_rate', groups: ['EU'], tiers: ['new'], low: 0.12, high: 0.28, zh: '欧洲站新品加购率 12%–28%', en: 'EU new listing cart-add rate 12–28%' },
  { metric: 'order_rate', groups: usJp, tiers: settled, low: 0.08, high: 0.15, zh: '下单率（点击→下单）8%–15%', en: 'Order rate (click → order) 8–15%' },
  { metric: 'order_rate', groups: usJp, tiers: ['new'], low: 0.06, high: 0.15, zh: '新品下单率 6%–15%', en: 'New listing order rate 6–15%' },
  { metric: 'order_rate', groups: ['EU'], tiers: settled, low: 0.064, high: 0.12, zh: '欧洲站下单率 6.4%–12%（低于美国站）', en: 'EU order rate 6.4–12% (lower than US)' },
  { metric: 'order_rate', groups: ['EU'], tiers: ['new'], low: 0.048, high: 0.12, zh: '欧洲站新品下单率 4.8%–12%', en: 'EU new listing order rate 4.8–12%' },
];

/*
 * Reviews: written reviews are 1–3% of orders (SPEC §4); the seeds' 10–30% counts invited reviews
 * and star ratings, a second row the user can pick. JP shoppers write fewer reviews than US ones
 * (sellers' common experience, no figure in the seeds): 0.5–2%.
 */
const reviews: Range[] = [
  { metric: 'review_rate', groups: ['US', 'EU'], low: 0.01, high: 0.03, zh: '留评率（文字评论）1%–3%', en: 'Review rate (written reviews) 1–3%' },
  { metric: 'review_rate', groups: ['JP'], low: 0.005, high: 0.02, zh: '日本站留评率（文字评论）0.5%–2%', en: 'JP review rate (written reviews) 0.5–2%' },
  { metric: 'review_rate', variant: 'invited', low: 0.1, high: 0.3, zh: '留评率（含邀评与星级评分）10%–30%', en: 'Review rate (invited reviews and star ratings) 10–30%' },
];

/** The same in every group and tier: the seeds give one figure and Amazon's policies are global. */
const everywhere: Range[] = [
  { metric: 'ctr', low: 0.004, high: 0.012, zh: '点击率 0.4%–1.2%（类目差异大）', en: 'CTR 0.4–1.2% (varies by category)' },
  { metric: 'ctr', variant: 'first_30_days', tiers: ['new'], low: 0.008, high: null, zh: '新品首月点击率 ≥ 0.8%', en: 'New listing first-month CTR ≥ 0.8%' },
  // most Brand Analytics users are brand owners (private label); resellers pick their row
  { metric: 'buy_box_pct', low: 0.95, high: null, zh: 'Buy Box占比 ≥ 95%（自有品牌）', en: 'Buy Box ≥ 95% (private label)' },
  { metric: 'buy_box_pct', variant: 'reseller', low: 0.7, high: null, zh: 'Buy Box占比 > 70%（经销商）', en: 'Buy Box > 70% (reseller)' },
  { metric: 'acos', low: 0.25, high: 0.35, zh: 'ACoS 行业平均 25%–35%', en: 'ACoS 25–35% (average)' },
  { metric: 'acos', variant: 'efficient', low: null, high: 0.18, zh: 'ACoS < 18%（高效账户）', en: 'ACoS < 18% (efficient accounts)' },
  { metric: 'roas', low: 2, high: null, zh: 'ROAS 低于 2.0 需警惕', en: 'ROAS below 2.0 is a warning' },
  { metric: 'odr', low: null, high: 0.01, zh: '订单缺陷率 < 1%（亚马逊政策）', en: 'ODR < 1% (Amazon policy)' },
  { metric: 'a_to_z_rate', low: null, high: 0.015, zh: 'A-to-z 索赔率 ≤ 1.5%（ODR 的一部分）', en: 'A-to-z claim rate ≤ 1.5% (part of ODR)' },
  { metric: 'negative_review_rate', low: null, high: 0.03, zh: '差评率超过 3% 需警惕', en: 'Negative review rate above 3% is a warning' },
  { metric: 'response_24h_rate', low: 0.9, high: null, zh: '买家消息 24 小时回复率 ≥ 90%', en: 'Buyer messages answered within 24 h ≥ 90%' },
  { metric: 'ipi', low: 400, high: null, zh: 'IPI ≥ 400 为佳', en: 'IPI ≥ 400 is good' },
  { metric: 'ipi', variant: 'warning', low: 350, high: null, zh: 'IPI 低于 350 需警惕', en: 'IPI below 350 is a warning' },
  { metric: 'days_of_cover', low: 42, high: 56, zh: '安全库存 6–8 周销量', en: 'Safety stock: 6–8 weeks of sales' },
];

/*
 * Ad CTR per ad type (an ads-only funnel's click stage is judged by its own source, never by the
 * search CTR above): the variant is the ad type.
 * - SP 0.3–0.7%: Sponsored Products category average (https://www.edata4you.com/ecommerce-glossary/ctr).
 * - SB 0.1–0.4%: Sponsored Brands, the same table (ibid.).
 * - SD 0.05–0.15%: Sponsored Display is display advertising; display banners run 0.05–0.15%
 *   (https://cwire.com/glossary/ctr; 0.05–0.10% desktop, 0.10–0.15% mobile at https://701digital.com/terms/ctr-click-through-rate).
 * The row without a variant (an ad type unknown) is SP's, the type most sellers run. Tune by override
 * (`benchmarks set --metric ad_ctr --variant SD …`).
 */
const adCtr: Range[] = [
  { metric: 'ad_ctr', low: 0.003, high: 0.007, zh: '广告点击率（商品推广）0.3%–0.7%', en: 'Ad CTR (Sponsored Products) 0.3–0.7%' },
  { metric: 'ad_ctr', variant: 'SP', low: 0.003, high: 0.007, zh: '商品推广（SP）点击率 0.3%–0.7%', en: 'Sponsored Products CTR 0.3–0.7%' },
  { metric: 'ad_ctr', variant: 'SB', low: 0.001, high: 0.004, zh: '品牌推广（SB）点击率 0.1%–0.4%', en: 'Sponsored Brands CTR 0.1–0.4%' },
  { metric: 'ad_ctr', variant: 'SD', low: 0.0005, high: 0.0015, zh: '展示型推广（SD）点击率 0.05%–0.15%', en: 'Sponsored Display CTR 0.05–0.15%' },
];

/** The seeds' click → order figure is read from ad reports too: the ads-only funnel uses it. */
const sameAs: Record<string, string> = { ad_conversion_rate: 'order_rate' };

function expand(range: Range, metric: string): BenchmarkRow[] {
  return (range.groups ?? marketplaceGroups).flatMap((group) =>
    (range.tiers ?? tiers).map((tier) => ({
      group, tier, metric, variant: range.variant ?? null, low: range.low, high: range.high,
      note: { zh: range.zh, en: range.en },
    })));
}

const ranges = [...conversion, ...reviews, ...everywhere, ...adCtr];

export const defaultBenchmarks: readonly BenchmarkRow[] = [
  ...ranges.flatMap((r) => expand(r, r.metric)),
  ...Object.entries(sameAs).flatMap(([alias, metric]) => ranges.filter((r) => r.metric === metric).flatMap((r) => expand(r, alias))),
];
