import type { AliasTable } from '../header.ts';

/**
 * Sponsored Products budget report (Ads console → Measurement & reporting → Budget) headers. Sources (find_string ids;
 * README "SP budget report"): [P] 18781012529 PHP column map of SP console reports (`Recommended Budget`,
 * `Average Time in Budget`, `Estimated Missed … Range Min|Max`, `Budget`, `Start Date`/`End Date` or `Date`);
 * [Q] 51892553802 Python loader of `sp_budget.csv` (`Campaign Name`, the same budget columns);
 * [R] 54334278499 TypeScript budget-report parser (English and Chinese: `建议预算`, `预算范围内的平均时间`, …);
 * [S] 62392203603 Python (Japanese `キャンペーン名`, `予算`, `予算内に収まっていた平均時間`); [T] Amazon's help page
 * advertising.amazon.in/help/GMSBDCQF5ZW5P53N (columns `Average Time in Budget`, `Bidding strategy`, `Budget`, …;
 * time units summary, daily, weekly, monthly, quarterly).
 */
export const spBudgetAliases = {
  date: ['Date'], // P
  start_date: ['Start Date', '开始日期'], // P R
  end_date: ['End Date', '结束日期'], // P R
  portfolio: ['Portfolio name'], // P
  currency: ['Currency'], // P
  campaign: ['Campaign Name', '广告活动名称', 'キャンペーン名'], // P Q R S
  status: ['Status', '状态'], // P R
  targeting_type: ['Targeting Type', '定位类型'], // P R
  bidding_strategy: ['Bidding strategy', '竞价策略'], // P R T
  budget: ['Budget', '预算', '予算'], // P R S T
  recommended_budget: ['Recommended Budget', 'Suggested Budget', '建议预算'], // P Q; R
  avg_time_in_budget: ['Average Time in Budget', '预算范围内的平均时间', '予算内に収まっていた平均時間'], // P Q R S T
  impressions: ['Impressions', '展示量'], // P R
  missed_impressions_min: ['Estimated Missed Impressions Range Min', '预计错失的展示量范围（最小值）'], // P Q R
  missed_impressions_max: ['Estimated Missed Impressions Range Max', '预计错失的展示量范围（最大值）'], // P Q R
  clicks: ['Clicks', '点击量'], // P R
  missed_clicks_min: ['Estimated Missed Clicks Range Min', '预计错失的点击量范围（最小值）'], // P Q R
  missed_clicks_max: ['Estimated Missed Clicks Range Max', '预计错失的点击量范围（最大值）', '预计错失的点击量范围（最大）'], // P Q R
  spend: ['Spend', '花费'], // P R
  orders_7d: ['7 Day Total Orders (#)', '7天总订单数(#)'], // P R
  sales_7d: ['7 Day Total Sales', '7天总销售额'], // P R
  missed_sales_min: ['Estimated Missed Sales Range Min', '预计错失的销售额范围（最小值）'], // P Q R
  missed_sales_max: ['Estimated Missed Sales Range Max', '预计错失的销售额范围（最大值）'], // P Q R
} as const satisfies AliasTable;

/** Columns only the budget report has: with one of them beside a campaign and a budget, the file is this report. */
export const budgetOnlyFields = [
  'recommended_budget', 'avg_time_in_budget', 'missed_impressions_min', 'missed_impressions_max', 'missed_clicks_min',
  'missed_clicks_max', 'missed_sales_min', 'missed_sales_max',
] as const;
