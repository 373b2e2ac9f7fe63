import type { Text } from './benchmark-table.ts';

/**
 * Why a KPI row has no actual, in Chinese and English, in one place (`no_data_reason` of a row).
 * Only reasons the tool can name for certain; a row without data for another cause says nothing.
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
} as const satisfies Record<string, Text>;

export type NoDataCode = keyof typeof noDataReasons;
export type NoDataReason = Text & { code: NoDataCode };

export const noDataReason = (code: NoDataCode): NoDataReason => ({ code, ...noDataReasons[code] });
