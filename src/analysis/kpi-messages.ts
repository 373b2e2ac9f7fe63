import type { Text } from './benchmark-table.ts';

/**
 * Why a KPI row has no actual (or no attainment), in Chinese and English, in one place
 * (`no_data_reason` of a row): every `no_data` row carries one.
 */
export const noDataReasons = {
  amazon_weeks: {
    zh: '品牌分析（SCP/SQP）按亚马逊周（周日至周六）、月、季度出数，无法回答ISO周（周一至周日）：请按月设置此KPI，或用周日至周六的特殊周期（asterism kpi periods set）',
    en: 'Brand Analytics weeks run Sunday–Saturday: it cannot answer an ISO week (Monday–Sunday). Set this KPI per month, or use a Sunday–Saturday special period (asterism kpi periods set)',
  },
  mixed_currency: {
    zh: '该范围的销售涉及多种货币：请指定 --currency 换算',
    en: 'The scope sells in several currencies: give --currency to convert',
  },
  unknown_metric: {
    zh: '指标目录中没有这个KPI（asterism metrics 列出全部指标）',
    en: 'This KPI is not a metric of the catalog (asterism metrics lists them)',
  },
  not_started: {
    zh: '考核期尚未开始',
    en: 'The period has not started yet',
  },
  no_rows: {
    zh: '本期该范围没有此KPI的数据（来源：{sources}）：请导入覆盖本期的报告',
    en: 'No rows for this scope in the period in the reports this KPI reads ({sources}): import them for the period',
  },
  grain: {
    zh: '此KPI的报告（{sources}）的日期范围比本期长（例如整月的业务报告），无法回答本期：请导入按天或覆盖本期的报告',
    en: 'The reports this KPI reads ({sources}) cover longer ranges than this period (a whole month\'s Business Report for a week): import them by day, or for this period',
  },
  owner_no_products: {
    zh: '产品表中该负责人本期名下没有产品：请在产品表中填写负责人，或为目标指定范围（店铺、站点、ASIN、产品线……）',
    en: 'The owner owns no products in the period (products file): name them as an owner there, or give the target a scope (store, marketplace, ASIN, product line …)',
  },
  zero_base: {
    zh: '本期该范围此KPI的分母为0（{sources}），比率无从计算',
    en: 'This KPI\'s base is 0 for this scope in the period ({sources}): the rate has no value',
  },
  zero_target: {
    zh: '目标为0（或负数）：无法计算达成率',
    en: 'The target is 0 (or below): attainment cannot be computed',
  },
} as const satisfies Record<string, Text>;

export type NoDataCode = keyof typeof noDataReasons;
export type NoDataReason = Text & { code: NoDataCode };

/** The reason in both languages; `sources` fills `{sources}` (the reports a KPI reads). */
export const noDataReason = (code: NoDataCode, sources?: { zh: readonly string[]; en: readonly string[] }): NoDataReason => {
  const fill = (text: string, names: readonly string[] | undefined, sep: string) => text.replace('{sources}', names?.join(sep) ?? '—');
  const r = noDataReasons[code];
  return { code, zh: fill(r.zh, sources?.zh, '、'), en: fill(r.en, sources?.en, ', ') };
};
