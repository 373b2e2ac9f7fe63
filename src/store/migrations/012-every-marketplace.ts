/**
 * Every Amazon marketplace (issue 26): migration 1 seeds the marketplaces known when a database is created,
 * so a database created before IE, EG and ZA joined the table gets them here. Existing rows are left as they
 * are; the values come from the one table, src/domain/marketplaces.ts.
 */
export const insertMissingMarketplace = `
INSERT INTO marketplaces (code, amazon_id, sales_channel, currency, time_zone, vat_rate, region)
SELECT $1::VARCHAR, $2::VARCHAR, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::DECIMAL(6,4), $7::VARCHAR
WHERE NOT EXISTS (SELECT 1 FROM marketplaces WHERE code = $1::VARCHAR)
`;

/**
 * Money is conserved (issue 26): the tax on shipping credits, gift wrap and promotions is money of a transaction
 * line (the real JP file's lines sum to their total only with it: 18 JPY in Sep 2023), so it is kept. The history
 * table of replaced rows (migration 10) gets the columns too, so rows keep moving there by name.
 */
export const transactionTaxColumns = `
ALTER TABLE transactions ADD COLUMN shipping_credits_tax DECIMAL(18,4);
ALTER TABLE transactions ADD COLUMN gift_wrap_credits_tax DECIMAL(18,4);
ALTER TABLE transactions ADD COLUMN promotional_rebates_tax DECIMAL(18,4);
ALTER TABLE IF EXISTS removed_transactions ADD COLUMN IF NOT EXISTS shipping_credits_tax DECIMAL(18,4);
ALTER TABLE IF EXISTS removed_transactions ADD COLUMN IF NOT EXISTS gift_wrap_credits_tax DECIMAL(18,4);
ALTER TABLE IF EXISTS removed_transactions ADD COLUMN IF NOT EXISTS promotional_rebates_tax DECIMAL(18,4);
`;
