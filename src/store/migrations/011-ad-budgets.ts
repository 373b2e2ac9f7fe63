/**
 * The Sponsored Products budget report (Ads console → Reports → Budget): per campaign and period, its daily budget,
 * Amazon's recommended budget, the share of the time the campaign was in budget and the estimated impressions,
 * clicks and sales it missed while out of budget (each a min–max range). Its spend, clicks and sales repeat the
 * campaign report's, so they are kept here only, never in `ads` (they would count twice).
 */
export const adBudgets = `
CREATE TABLE ad_budgets (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL,
  portfolio VARCHAR, campaign VARCHAR NOT NULL, status VARCHAR, targeting_type VARCHAR, bidding_strategy VARCHAR,
  budget DECIMAL(18,4), recommended_budget DECIMAL(18,4), avg_time_in_budget DECIMAL(9,6),
  impressions BIGINT, missed_impressions_min BIGINT, missed_impressions_max BIGINT,
  clicks BIGINT, missed_clicks_min BIGINT, missed_clicks_max BIGINT,
  spend DECIMAL(18,4), orders BIGINT, sales DECIMAL(18,4), missed_sales_min DECIMAL(18,4), missed_sales_max DECIMAL(18,4),
  attribution_days INTEGER, currency VARCHAR, import_id BIGINT NOT NULL
);
`;

/**
 * The Japanese transaction report's points column (`Amazonポイントの費用`, the points the seller pays for: −6,295 JPY in a
 * month of one seller) had no column, so it reached no measure. A history table of replaced rows (migration 10, on
 * its own branch) gets the column too, so rows keep moving there by name.
 */
export const transactionPoints = `
ALTER TABLE transactions ADD COLUMN points_cost DECIMAL(18,4);
ALTER TABLE IF EXISTS removed_transactions ADD COLUMN IF NOT EXISTS points_cost DECIMAL(18,4);
`;
