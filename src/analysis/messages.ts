import type { Text } from './benchmark-table.ts';

/** Every note the analysis layer attaches to an answer, in Chinese and English, in one place. */
export const notes = {
  sqp_top_queries: {
    zh: '搜索漏斗来自搜索查询表现（SQP），只含该ASIN的头部搜索词，不是全部搜索流量',
    en: 'Search funnel from Search Query Performance (SQP): it covers the ASIN\'s top queries only, not all search traffic',
  },
  ads_only: {
    zh: '没有品牌分析数据：曝光、点击和下单只来自广告报告（仅广告），加购未知；详情页转化率（业务报告）列在旁边',
    en: 'No Brand Analytics: exposure, clicks and orders come from ad reports only (ads only), cart adds are unknown; detail-page conversion from the Business Report stands beside',
  },
  ads_benchmark: {
    zh: '仅广告漏斗的点击率按广告自身的基准判断（按广告类型 SP/SB/SD 的曝光占比加权），而非搜索点击率基准',
    en: 'The ads-only click stage is judged against the ads benchmark (per ad type SP/SB/SD, weighted by their impressions), not the search CTR',
  },
  first_30_days: {
    zh: '上架首30天：先看点击率和加购率，下单、留评、复购暂不诊断',
    en: 'First 30 days of sales: judged on CTR and cart-add rate first; order, review and repeat are not diagnosed yet',
  },
  sales_change_missing: {
    zh: '缺少会话数、销量或销售额，无法拆解销售额变化',
    en: 'Sessions, units or sales are missing: the sales change cannot be decomposed',
  },
  sales_change_inconsistent: {
    zh: '数据不一致（有销量无会话，或有销售额无销量），无法按流量×转化×客单价拆解',
    en: 'Inconsistent data (units without sessions, or sales without units): cannot split into traffic × conversion × price',
  },
  ad_sales_missing: {
    zh: '没有广告SKU销售额数据，按0计算：自然销售额可能偏高',
    en: 'No advertised-SKU ad sales: counted as 0, so organic sales may be overstated',
  },
} as const satisfies Record<string, Text>;

export type NoteCode = keyof typeof notes;

export interface Note extends Text {
  code: NoteCode;
}

/** A note, shared and frozen: the same few notes stand on thousands of funnel rows. */
export function note(code: NoteCode): Note {
  let found = shared.get(code);
  if (!found) shared.set(code, (found = Object.freeze({ code, ...notes[code] })));
  return found;
}
const shared = new Map<NoteCode, Note>();
