import { say } from '../../domain/messages.ts';
import { refusal, type TableFamily } from '../family.ts';
import { AliasIndex } from '../header.ts';

/**
 * Ads files Asterism recognises and refuses as a whole, so the seller learns why and what to
 * download instead rather than reading "unknown report".
 */
const overTimeAliases = new AliasIndex({
  date: ['Date'], clicks: ['Clicks'], cpc: ['Cost Per Click (CPC)'], spend: ['Spend'],
  campaign: ['Campaign Name'], impressions: ['Impressions'],
});

/** `Date | Clicks | Cost Per Click (CPC) | Spend`: account-wide daily clicks and spend, nothing else. */
export const performanceOverTime: TableFamily = {
  type: 'sp_performance_over_time',
  name: { en: 'Sponsored Products performance over time report (refused)', zh: '商品推广长期业绩报告（不导入）' },
  format: 'table',
  writes: [],
  aliases: overTimeAliases,
  required: [],
  detect(header) {
    const c = overTimeAliases.resolve(header);
    return c.has('date') && c.has('clicks') && c.has('spend') && !c.has('campaign') && !c.has('impressions') ? c.size : false;
  },
  read: (_input, context) => refusal(context, 'unsupported_report', say('performance_over_time')),
};

const bulkAliases = new AliasIndex({
  record_id: ['Record ID'], record_type: ['Record Type'], entity: ['Entity'], operation: ['Operation'],
});

/** Bulk sheets (v1 `Record ID | Record Type …`, 2.0 `Entity | Operation …`): campaign settings for editing. */
export const bulkSheet: TableFamily = {
  type: 'ads_bulk_sheet',
  name: { en: 'Sponsored ads bulk sheet (refused)', zh: '广告批量操作表格（不导入）' },
  format: 'table',
  writes: [],
  aliases: bulkAliases,
  required: [],
  detect(header) {
    const c = bulkAliases.resolve(header);
    return (c.has('record_id') && c.has('record_type')) || (c.has('entity') && c.has('operation')) ? c.size : false;
  },
  read: (_input, context) => refusal(context, 'unsupported_report', say('bulk_sheet')),
};
