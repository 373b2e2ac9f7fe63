/**
 * Every channel a seller sells on (issue 23). Order items already carry `channel` (amazon, walmart, shopify) and a
 * `customer_key` (a keyed hash, never an e-mail). Refunds a channel's order export writes per order (Shopify's
 * `Refunded Amount`, no refund date given: dated by the order) are kept beside the orders, per channel.
 */
export const channels = `
CREATE TABLE channel_refunds (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, channel VARCHAR NOT NULL,
  order_id VARCHAR NOT NULL, order_date DATE NOT NULL, refunded_amount DECIMAL(18,4), currency VARCHAR, financial_status VARCHAR,
  import_id BIGINT NOT NULL
);
-- a channel's settlement lines (Walmart's reconciliation report) beside Amazon's; NULL is Amazon (its importers name none)
ALTER TABLE transactions ADD COLUMN channel VARCHAR;
ALTER TABLE IF EXISTS removed_transactions ADD COLUMN IF NOT EXISTS channel VARCHAR;
-- a channel's own listing of a SKU (Shopify's product export: the handle and options its product CSV matches by, its price)
CREATE TABLE channel_listings (
  store VARCHAR NOT NULL, channel VARCHAR NOT NULL, sku VARCHAR NOT NULL, handle VARCHAR,
  option1_value VARCHAR, option2_value VARCHAR, option3_value VARCHAR, price DECIMAL(18,4), currency VARCHAR, import_id BIGINT
);
-- an approved price exported to a channel's price file (Walmart, Shopify); Amazon's file keeps price_suggestions.exported_at
CREATE TABLE channel_price_exports (
  suggestion_id BIGINT NOT NULL, channel VARCHAR NOT NULL, exported_at TIMESTAMP NOT NULL DEFAULT current_timestamp, user_name VARCHAR
);
`;
