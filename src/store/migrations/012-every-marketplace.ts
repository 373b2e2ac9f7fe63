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
