/**
 * The canonical schema: master data (SPEC §3) and one fact table per source family (SPEC §2).
 * Money is DECIMAL(18,4) with its currency beside it; dates are marketplace-local DATEs.
 * Every fact row carries the import that wrote it, so a newer file can replace what an older one loaded.
 * Facts that cover a range (a Business Report for a month) keep date_from/date_to; daily facts have them equal.
 */
export const canonicalSchema = `
CREATE TABLE marketplaces (
  code VARCHAR PRIMARY KEY, amazon_id VARCHAR NOT NULL, sales_channel VARCHAR NOT NULL,
  currency VARCHAR NOT NULL, time_zone VARCHAR NOT NULL, vat_rate DECIMAL(6,4) NOT NULL, region VARCHAR NOT NULL
);
CREATE TABLE stores (name VARCHAR PRIMARY KEY, created_at TIMESTAMP NOT NULL DEFAULT current_timestamp);

CREATE SEQUENCE import_ids START 1;
CREATE TABLE import_log (
  id BIGINT PRIMARY KEY DEFAULT nextval('import_ids'),
  file VARCHAR NOT NULL, file_hash VARCHAR NOT NULL, report_type VARCHAR NOT NULL,
  store VARCHAR NOT NULL, marketplace VARCHAR, date_from DATE, date_to DATE,
  rows BIGINT NOT NULL, replaced BIGINT NOT NULL DEFAULT 0,
  imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- SPEC §3: seller SKU (MSKU) <-> FNSKU <-> ASIN <-> parent ASIN <-> the seller's own product code (本地SKU, 品名)
CREATE TABLE sku_map (
  store VARCHAR NOT NULL, sku VARCHAR NOT NULL, fnsku VARCHAR, asin VARCHAR, parent_asin VARCHAR,
  product_code VARCHAR, product_name VARCHAR, import_id BIGINT,
  PRIMARY KEY (store, sku)
);
-- effective-dated owner (运营负责人), developer (开发), product line, tags and lifecycle tier
CREATE TABLE product_assignments (
  store VARCHAR NOT NULL, sku VARCHAR NOT NULL, effective_from DATE NOT NULL,
  owner VARCHAR, developer VARCHAR, product_line VARCHAR, tags VARCHAR, tier VARCHAR, import_id BIGINT,
  PRIMARY KEY (store, sku, effective_from)
);

-- Business Report / Sales and Traffic: traffic belongs to the (parent, child) ASIN ...
CREATE TABLE traffic (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL,
  parent_asin VARCHAR, asin VARCHAR,
  sessions BIGINT, sessions_mobile BIGINT, sessions_browser BIGINT, sessions_b2b BIGINT,
  page_views BIGINT, page_views_mobile BIGINT, page_views_browser BIGINT, page_views_b2b BIGINT,
  buy_box_pct DECIMAL(9,6), buy_box_pct_b2b DECIMAL(9,6),
  source VARCHAR NOT NULL, import_id BIGINT NOT NULL
);
-- ... while units, sales and order items belong to the SKU row (SPEC §8: sessions count once per ASIN).
CREATE TABLE br_sales (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL,
  parent_asin VARCHAR, asin VARCHAR, sku VARCHAR,
  units BIGINT, units_b2b BIGINT, order_items BIGINT, order_items_b2b BIGINT,
  sales DECIMAL(18,4), sales_b2b DECIMAL(18,4), currency VARCHAR,
  source VARCHAR NOT NULL, import_id BIGINT NOT NULL
);

-- Sponsored Products / Brands / Display, every report level, one row per (level, keys, day or range)
CREATE TABLE ads (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL,
  ad_type VARCHAR NOT NULL, level VARCHAR NOT NULL, attribution_days INTEGER,
  portfolio VARCHAR, campaign VARCHAR, ad_group VARCHAR, targeting VARCHAR, match_type VARCHAR,
  search_term VARCHAR, advertised_sku VARCHAR, advertised_asin VARCHAR, placement VARCHAR, purchased_asin VARCHAR,
  impressions BIGINT, clicks BIGINT, spend DECIMAL(18,4), sales DECIMAL(18,4), orders BIGINT, units BIGINT,
  sales_same_sku DECIMAL(18,4), units_same_sku BIGINT, sales_other_sku DECIMAL(18,4), units_other_sku BIGINT,
  currency VARCHAR, import_id BIGINT NOT NULL
);

-- Brand Analytics search funnel: SCP (search_query NULL) and SQP (one row per query), own and market counts
CREATE TABLE search_funnel (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL,
  source VARCHAR NOT NULL, asin VARCHAR NOT NULL, search_query VARCHAR, search_query_score BIGINT, search_query_volume BIGINT,
  impressions BIGINT, clicks BIGINT, cart_adds BIGINT, purchases BIGINT,
  market_impressions BIGINT, market_clicks BIGINT, market_cart_adds BIGINT, market_purchases BIGINT,
  search_sales DECIMAL(18,4), click_median_price DECIMAL(18,4), purchase_median_price DECIMAL(18,4), currency VARCHAR,
  import_id BIGINT NOT NULL
);

-- Brand Analytics Repeat Purchase Behavior: distinct counts, native grain only
CREATE TABLE repeat_purchase (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL, asin VARCHAR NOT NULL,
  orders BIGINT, unique_customers BIGINT, repeat_customers_pct DECIMAL(9,6), repeat_customers BIGINT,
  repeat_revenue DECIMAL(18,4), repeat_revenue_pct DECIMAL(9,6), currency VARCHAR, import_id BIGINT NOT NULL
);

-- All Orders, Walmart and Shopify: one row per order item; purchase_at in UTC, order_date marketplace-local
CREATE TABLE order_items (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, channel VARCHAR NOT NULL,
  order_id VARCHAR NOT NULL, purchase_at TIMESTAMPTZ, order_date DATE NOT NULL, order_status VARCHAR, item_status VARCHAR,
  fulfillment VARCHAR, sales_channel VARCHAR, sku VARCHAR, asin VARCHAR, quantity BIGINT,
  currency VARCHAR, item_price DECIMAL(18,4), item_tax DECIMAL(18,4), shipping_price DECIMAL(18,4), shipping_tax DECIMAL(18,4),
  item_promotion_discount DECIMAL(18,4), ship_promotion_discount DECIMAL(18,4), promotion_ids VARCHAR,
  is_business BOOLEAN, ship_country VARCHAR, customer_key VARCHAR, import_id BIGINT NOT NULL
);

-- FBA customer returns and seller-fulfilled returns
CREATE TABLE returns (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, return_date DATE NOT NULL, channel VARCHAR NOT NULL,
  order_id VARCHAR, sku VARCHAR, asin VARCHAR, fnsku VARCHAR, quantity BIGINT,
  reason VARCHAR, disposition VARCHAR, status VARCHAR, customer_comment VARCHAR,
  refunded_amount DECIMAL(18,4), currency VARCHAR, import_id BIGINT NOT NULL
);

-- FBA inventory snapshots (Manage FBA Inventory, AFN, inventory health / age, restock)
CREATE TABLE inventory_snapshots (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, snapshot_date DATE NOT NULL, source VARCHAR NOT NULL,
  sku VARCHAR, fnsku VARCHAR, asin VARCHAR, condition VARCHAR,
  available BIGINT, inbound_working BIGINT, inbound_shipped BIGINT, inbound_receiving BIGINT,
  reserved BIGINT, unfulfillable BIGINT, total BIGINT,
  age_0_90 BIGINT, age_91_180 BIGINT, age_181_270 BIGINT, age_271_365 BIGINT, age_365_plus BIGINT,
  units_shipped_30d BIGINT, days_of_supply DECIMAL(12,2), recommended_order_qty BIGINT,
  your_price DECIMAL(18,4), currency VARCHAR, import_id BIGINT NOT NULL
);

-- Monthly and long-term storage fees per SKU (allocates the account-level storage charge)
CREATE TABLE storage_fees (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, month DATE NOT NULL, kind VARCHAR NOT NULL,
  sku VARCHAR, fnsku VARCHAR, asin VARCHAR, fee DECIMAL(18,4), currency VARCHAR, import_id BIGINT NOT NULL
);

-- Payments date-range transactions and settlement lines (posted date basis)
CREATE TABLE transactions (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, posted_at TIMESTAMPTZ, posted_date DATE NOT NULL,
  settlement_id VARCHAR, type VARCHAR, order_id VARCHAR, sku VARCHAR, description VARCHAR, quantity BIGINT,
  fulfillment VARCHAR, product_sales DECIMAL(18,4), product_sales_tax DECIMAL(18,4), shipping_credits DECIMAL(18,4),
  gift_wrap_credits DECIMAL(18,4), promotional_rebates DECIMAL(18,4), marketplace_withheld_tax DECIMAL(18,4),
  selling_fees DECIMAL(18,4), fba_fees DECIMAL(18,4), other_transaction_fees DECIMAL(18,4), other DECIMAL(18,4),
  total DECIMAL(18,4), currency VARCHAR, source VARCHAR NOT NULL, import_id BIGINT NOT NULL
);

-- FBA fee preview: expected fees per unit per SKU
CREATE TABLE fee_estimates (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, snapshot_date DATE NOT NULL, sku VARCHAR, asin VARCHAR,
  price DECIMAL(18,4), size_tier VARCHAR, referral_fee DECIMAL(18,4), fulfillment_fee DECIMAL(18,4),
  total_fee DECIMAL(18,4), currency VARCHAR, import_id BIGINT NOT NULL
);

-- Account health: one row per metric, fulfilment channel and 60-day window
CREATE TABLE account_health (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL,
  metric VARCHAR NOT NULL, fulfillment VARCHAR, rate DECIMAL(12,6), defects BIGINT, orders BIGINT, status VARCHAR,
  import_id BIGINT NOT NULL
);

CREATE TABLE reviews (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, asin VARCHAR NOT NULL, review_date DATE NOT NULL, rating DECIMAL(3,1),
  title VARCHAR, body VARCHAR, verified BOOLEAN, variation VARCHAR, review_key VARCHAR NOT NULL, import_id BIGINT NOT NULL
);

-- Costs per seller SKU or product code, effective-dated, in the purchase currency
CREATE TABLE costs (
  store VARCHAR NOT NULL, sku VARCHAR NOT NULL, marketplace VARCHAR, effective_from DATE NOT NULL, currency VARCHAR NOT NULL,
  unit_cost DECIMAL(18,4) NOT NULL, freight_per_unit DECIMAL(18,4), duty_rate DECIMAL(9,6), import_id BIGINT
);

CREATE SEQUENCE event_ids START 1;
CREATE TABLE events (
  id BIGINT PRIMARY KEY DEFAULT nextval('event_ids'), store VARCHAR, marketplace VARCHAR,
  date_from DATE NOT NULL, date_to DATE, type VARCHAR NOT NULL, asin VARCHAR, note VARCHAR,
  origin VARCHAR NOT NULL, import_id BIGINT
);

-- 1 base = rate quote, valid from its date until the next one
CREATE TABLE fx_rates (
  date DATE NOT NULL, base VARCHAR NOT NULL, quote VARCHAR NOT NULL, rate DECIMAL(18,8) NOT NULL,
  PRIMARY KEY (date, base, quote)
);
-- both directions, so a CNY->USD table also converts USD into CNY (the inverse kept as an exact DECIMAL,
-- so converted money is still summed in decimal arithmetic)
CREATE VIEW fx_pairs AS
  SELECT date, base, quote, CAST(rate AS DECIMAL(18,10)) AS rate FROM fx_rates
  UNION ALL
  SELECT date, quote AS base, base AS quote, CAST(1 / rate AS DECIMAL(18,10)) AS rate FROM fx_rates
    WHERE NOT EXISTS (SELECT 1 FROM fx_rates r WHERE r.date = fx_rates.date AND r.base = fx_rates.quote AND r.quote = fx_rates.base);

CREATE TABLE kpi_targets (
  kpi VARCHAR NOT NULL, period VARCHAR NOT NULL, target DECIMAL(18,6) NOT NULL,
  store VARCHAR, marketplace VARCHAR, asin VARCHAR, parent_asin VARCHAR, product_line VARCHAR, tier VARCHAR,
  owner VARCHAR, role VARCHAR, weight DECIMAL(9,4), priority INTEGER, import_id BIGINT
);
`;
