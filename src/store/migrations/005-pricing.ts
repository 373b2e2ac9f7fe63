/**
 * Migration 5 (SPEC §6 pricing). Product attributes for fee estimates (fee category, package
 * dimensions and weight, the rival ASINs it is priced against), effective-dated per seller SKU like the product assignments; a view gives
 * each ASIN's current category (the funnel's benchmark overrides by category can read it). Competitor
 * prices by date. Pricing rules per SKU and marketplace ('*' = any, the store default). Suggestions
 * wait for a person; every decision (approve, reject, export) is one row of the log.
 */
export const pricing = `
CREATE TABLE product_attributes (
  store VARCHAR NOT NULL, sku VARCHAR NOT NULL, effective_from DATE NOT NULL,
  category VARCHAR, length DECIMAL(12,4), width DECIMAL(12,4), height DECIMAL(12,4), dimension_unit VARCHAR,
  weight DECIMAL(14,4), weight_unit VARCHAR, competitor_asins VARCHAR, import_id BIGINT,
  PRIMARY KEY (store, sku, effective_from)
);
CREATE VIEW asin_categories AS
  SELECT store, asin, category FROM (
    SELECT m.store, m.asin, a.category,
           row_number() OVER (PARTITION BY m.store, m.asin ORDER BY a.effective_from DESC, a.sku) AS n
    FROM product_attributes a JOIN sku_map m ON m.store = a.store AND m.sku = a.sku
    WHERE a.category IS NOT NULL AND m.asin IS NOT NULL AND a.effective_from <= current_date
  ) WHERE n = 1;

CREATE TABLE competitor_prices (
  store VARCHAR NOT NULL, marketplace VARCHAR, asin VARCHAR NOT NULL, date DATE NOT NULL,
  competitor VARCHAR NOT NULL DEFAULT '', price DECIMAL(18,4) NOT NULL, currency VARCHAR, import_id BIGINT
);

CREATE TABLE pricing_rules (
  store VARCHAR NOT NULL, sku VARCHAR NOT NULL, marketplace VARCHAR NOT NULL,
  min_margin DECIMAL(9,6), target_margin DECIMAL(9,6), ceiling DECIMAL(18,4), map DECIMAL(18,4),
  max_step DECIMAL(9,6), fx_buffer DECIMAL(9,6), competitor_step DECIMAL(18,4),
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (store, sku, marketplace)
);

CREATE SEQUENCE price_suggestion_ids START 1;
CREATE TABLE price_suggestions (
  id BIGINT PRIMARY KEY DEFAULT nextval('price_suggestion_ids'),
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, sku VARCHAR NOT NULL, asin VARCHAR, currency VARCHAR NOT NULL,
  current_price DECIMAL(18,4), break_even_price DECIMAL(18,4), target_margin_price DECIMAL(18,4),
  competitor_price DECIMAL(18,4), suggested_price DECIMAL(18,4), rules_applied VARCHAR NOT NULL,
  details VARCHAR NOT NULL, status VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp, created_by VARCHAR,
  decided_at TIMESTAMP, decided_by VARCHAR, note VARCHAR, exported_at TIMESTAMP
);
CREATE SEQUENCE price_decision_ids START 1;
CREATE TABLE price_decisions (
  id BIGINT PRIMARY KEY DEFAULT nextval('price_decision_ids'), suggestion_id BIGINT NOT NULL,
  action VARCHAR NOT NULL, user_name VARCHAR NOT NULL, decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp, note VARCHAR
);
`;
