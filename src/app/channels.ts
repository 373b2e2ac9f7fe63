import { channelShares, type ChannelFigures, type ChannelShares } from '../analysis/channel-share.ts';
import type { Problem } from '../domain/errors.ts';
import type { ColumnDescription } from '../metrics/compiler.ts';
import type { QueryRow } from '../metrics/query.ts';
import type { Database } from '../store/database.ts';
import { answerPeriod, type AnswerPeriod } from './answer-period.ts';
import { answerQuery } from './answer-query.ts';
import { emptyAnswerProblem, isEmptyAnswer } from './empty-answer.ts';

/** The channels overview (`asterism channels`, GET /api/channels, the dashboard's Channels page): what is asked per channel. */
export const channelMetrics = ['sales', 'units', 'orders', 'revenue', 'refunds', 'referral_fees', 'fba_fees', 'promotions', 'cogs', 'ad_cost', 'net_profit', 'net_margin'] as const;

export interface ChannelsRequest {
  from?: string | undefined;
  to?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  currency?: string | undefined;
}

export interface ChannelsAnswer {
  rows: (QueryRow & ChannelShares)[];
  columns: ColumnDescription[];
  problems: Problem[];
  period: AnswerPeriod;
}

/**
 * Amazon, Walmart and Shopify side by side (issue 23): sales, fees and net profit per channel (order basis: a channel
 * without settlement data has its fees unknown, named in `missing`), and each channel's share of sales and of profit
 * (平台占比) among the channels of its currency.
 */
export async function channelsOverview(db: Database, request: ChannelsRequest): Promise<ChannelsAnswer> {
  const defined = Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined));
  const result = await answerQuery(db, { ...defined, metrics: [...channelMetrics], by: ['channel'], basis: 'order' });
  const figures = result.rows.map((r): QueryRow & ChannelFigures => ({
    ...r, channel: String(r.channel), currency: typeof r.currency === 'string' ? r.currency : null,
    sales: typeof r.sales === 'number' ? r.sales : null, net_profit: typeof r.net_profit === 'number' ? r.net_profit : null,
  }));
  const rows = channelShares(figures).sort((a, b) => (a.currency ?? '').localeCompare(b.currency ?? '') || (b.sales ?? 0) - (a.sales ?? 0));
  const shareColumns: ColumnDescription[] = [
    { id: 'sales_share', role: 'metric', unit: 'ratio', format: 'pct1', name_en: 'Share of sales', name_zh: '销售额占比' },
    { id: 'profit_share', role: 'metric', unit: 'ratio', format: 'pct1', name_en: 'Share of profit', name_zh: '利润占比' },
  ];
  const problems = [...result.problems];
  if (isEmptyAnswer(rows, channelMetrics)) problems.push(await emptyAnswerProblem(db, request));
  return { rows, columns: [...result.columns, ...shareColumns], problems, period: await answerPeriod(db, channelMetrics, { ...request, basis: 'order' }) };
}
