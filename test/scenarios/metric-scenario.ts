import type { Database } from '../../src/store/database.ts';

/**
 * A small hand-made dataset in the canonical tables, for testing the metric layer against numbers
 * worked out by hand. Store `default`, marketplaces US (USD) and DE (EUR), October 2026 mostly.
 *  A1, A2 (parent P1, US), A3 (parent P3, DE) are in the Business Report; A4 (US) only in orders.
 */
export async function loadMetricScenario(db: Database): Promise<void> {
  await db.run(`
INSERT INTO sku_map (store, sku, fnsku, asin, parent_asin, product_code, product_name) VALUES
  ('default', 'S1', 'X1', 'A1', 'P1', 'MAT', 'Yoga mat'), ('default', 'S2', 'X2', 'A2', 'P1', 'MAT', 'Yoga mat XL'),
  ('default', 'S3', 'X3', 'A3', 'P3', 'BAG', 'Gym bag'), ('default', 'S4', 'X4', 'A4', NULL, 'BAND', 'Resistance band');
INSERT INTO product_assignments (store, sku, effective_from, owner, tier) VALUES
  ('default', 'S1', '2026-01-01', 'li', 'mature'), ('default', 'S1', '2026-10-02', 'wang', 'mature'),
  ('default', 'S2', '2026-01-01', 'li', 'mature'), ('default', 'S3', '2026-01-01', 'zhao', 'new'), ('default', 'S4', '2026-01-01', 'wang', 'new');

INSERT INTO traffic (store, marketplace, date_from, date_to, parent_asin, asin, sessions, sessions_mobile, sessions_browser, page_views, buy_box_pct, source, import_id) VALUES
  ('default', 'US', '2026-10-01', '2026-10-01', 'P1', 'A1', 100, 60, 40, 150, 0.90, 'business_report', 1),
  ('default', 'US', '2026-10-02', '2026-10-02', 'P1', 'A1', 50, 30, 20, 50, 0.50, 'business_report', 1),
  ('default', 'US', '2026-10-01', '2026-10-01', 'P1', 'A2', 200, NULL, NULL, 300, 1.00, 'business_report', 1),
  ('default', 'DE', '2026-10-01', '2026-10-01', 'P3', 'A3', 80, NULL, NULL, 100, 0.80, 'business_report', 2),
  ('default', 'US', '2026-09-01', '2026-09-30', 'P1', 'A1', 3000, NULL, NULL, 4000, 0.95, 'business_report', 3);
INSERT INTO br_sales (store, marketplace, date_from, date_to, parent_asin, asin, sku, units, order_items, sales, currency, source, import_id) VALUES
  ('default', 'US', '2026-10-01', '2026-10-01', 'P1', 'A1', 'S1', 5, 4, 100.10, 'USD', 'business_report', 1),
  ('default', 'US', '2026-10-02', '2026-10-02', 'P1', 'A1', 'S1', 3, 3, 60.03, 'USD', 'business_report', 1),
  ('default', 'US', '2026-10-01', '2026-10-01', 'P1', 'A2', 'S2', 10, 8, 250.00, 'USD', 'business_report', 1),
  ('default', 'DE', '2026-10-01', '2026-10-01', 'P3', 'A3', 'S3', 4, 4, 79.96, 'EUR', 'business_report', 2),
  ('default', 'US', '2026-09-01', '2026-09-30', 'P1', 'A1', 'S1', 90, 80, 1800.00, 'USD', 'business_report', 3);

INSERT INTO order_items (store, marketplace, channel, order_id, order_date, order_status, fulfillment, sku, asin, quantity, currency, item_price, item_promotion_discount, import_id) VALUES
  ('default', 'US', 'amazon', 'O1', '2026-10-01', 'Shipped', 'FBA', 'S1', 'A1', 2, 'USD', 40.00, NULL, 4),
  ('default', 'US', 'amazon', 'O2', '2026-10-01', 'Shipped', 'FBA', 'S4', 'A4', 1, 'USD', 19.99, NULL, 4),
  ('default', 'US', 'amazon', 'O3', '2026-10-01', 'Shipped', 'FBM', 'S4', 'A4', 2, 'USD', 39.98, 5.00, 4),
  ('default', 'US', 'amazon', 'O4', '2026-10-01', 'Cancelled', 'FBA', 'S4', 'A4', 1, 'USD', 19.99, NULL, 4),
  ('default', 'US', 'amazon', 'O5', '2026-10-02', 'Pending', 'FBA', 'S4', 'A4', 1, 'USD', 19.99, NULL, 4),
  ('default', 'US', 'amazon', 'O6', '2026-09-20', 'Shipped', 'FBA', 'S1', 'A1', 1, 'USD', 20.00, NULL, 4);

INSERT INTO search_funnel (store, marketplace, date_from, date_to, source, asin, search_query, impressions, clicks, cart_adds, purchases, market_impressions, market_clicks, import_id) VALUES
  ('default', 'US', '2026-09-27', '2026-10-03', 'scp', 'A1', NULL, 10000, 120, 30, 10, NULL, NULL, 5),
  ('default', 'US', '2026-09-27', '2026-10-03', 'sqp', 'A1', 'mat', 5000, 60, 15, 5, 90000, 1000, 6),
  ('default', 'US', '2026-09-27', '2026-10-03', 'sqp', 'A2', 'mat', 4000, 40, 10, 4, 90000, 1000, 6),
  ('default', 'US', '2026-09-27', '2026-10-03', 'sqp', 'A2', 'xl mat', 1000, 10, 2, 1, 20000, 300, 6);

INSERT INTO ads (store, marketplace, date_from, date_to, ad_type, level, attribution_days, campaign, search_term, advertised_sku, advertised_asin, impressions, clicks, spend, sales, orders, units, sales_same_sku, currency, import_id) VALUES
  ('default', 'US', '2026-10-01', '2026-10-01', 'SP', 'campaign', 7, 'C1', NULL, NULL, NULL, 1000, 20, 15.00, 60.00, 3, 3, NULL, 'USD', 7),
  ('default', 'US', '2026-10-02', '2026-10-02', 'SP', 'campaign', 7, 'C1', NULL, NULL, NULL, 800, 10, 9.00, 0.00, 0, 0, NULL, 'USD', 7),
  ('default', 'US', '2026-10-01', '2026-10-01', 'SP', 'advertised_product', 7, 'C1', NULL, 'S1', 'A1', 600, 12, 9.00, 40.00, 2, 2, 30.00, 'USD', 8),
  ('default', 'US', '2026-10-01', '2026-10-01', 'SP', 'advertised_product', 7, 'C1', NULL, 'S2', 'A2', 400, 8, 6.00, 20.00, 1, 1, 20.00, 'USD', 8),
  ('default', 'US', '2026-10-02', '2026-10-02', 'SP', 'advertised_product', 7, 'C1', NULL, 'S1', 'A1', 800, 10, 9.00, 0.00, 0, 0, 0.00, 'USD', 8),
  ('default', 'US', '2026-10-01', '2026-10-01', 'SP', 'search_term', 7, 'C1', 'yoga mat', NULL, NULL, 700, 15, 12.00, 60.00, 3, 3, NULL, 'USD', 9);

INSERT INTO repeat_purchase (store, marketplace, date_from, date_to, asin, orders, unique_customers, repeat_customers_pct, repeat_customers, currency, import_id) VALUES
  ('default', 'US', '2026-10-01', '2026-10-31', 'A1', 55, 50, 0.10, 5, 'USD', 10),
  ('default', 'US', '2026-10-01', '2026-10-31', 'A2', 33, 30, 0.10, 3, 'USD', 10);

INSERT INTO inventory_snapshots (store, marketplace, snapshot_date, source, sku, asin, available, inbound_working, inbound_shipped, inbound_receiving, import_id) VALUES
  ('default', 'US', '2026-10-01', 'fba_manage_inventory', 'S1', 'A1', 40, 10, 5, 0, 11),
  ('default', 'US', '2026-10-02', 'fba_manage_inventory', 'S1', 'A1', 35, 10, 5, 0, 12),
  ('default', 'US', '2026-10-03', 'fba_manage_inventory', 'S1', 'A1', 0, 0, 15, 0, 13),
  ('default', 'US', '2026-10-01', 'fba_manage_inventory', 'S2', 'A2', 100, NULL, NULL, NULL, 11),
  ('default', 'US', '2026-10-03', 'fba_manage_inventory', 'S2', 'A2', 90, 0, 0, 20, 13),
  ('default', 'US', '2026-10-03', 'fba_inventory_health', 'S2', 'A2', 999, NULL, NULL, NULL, 14);

INSERT INTO account_health (store, marketplace, date_from, date_to, metric, fulfillment, rate, defects, orders, import_id) VALUES
  ('default', 'US', '2026-07-06', '2026-09-03', 'odr', 'AFN', 0.01, 4, 400, 15),
  ('default', 'US', '2026-08-05', '2026-10-03', 'odr', 'AFN', 0.005, 2, 400, 16),
  ('default', 'US', '2026-08-05', '2026-10-03', 'a_to_z', 'AFN', 0.0025, 1, 400, 16);

INSERT INTO reviews (store, marketplace, asin, review_date, rating, review_key, import_id) VALUES
  ('default', 'US', 'A1', '2026-10-01', 5, 'r1', 17), ('default', 'US', 'A1', '2026-10-02', 3, 'r2', 17),
  ('default', 'US', 'A4', '2026-10-02', 1, 'r3', 17);

INSERT INTO returns (store, marketplace, return_date, channel, order_id, sku, asin, quantity, reason, import_id) VALUES
  ('default', 'US', '2026-10-05', 'FBA', 'O3', 'S4', 'A4', 1, 'DEFECTIVE', 18),
  ('default', 'US', '2026-10-04', 'FBA', 'O1', 'S1', 'A1', 1, 'NOT_AS_DESCRIBED', 18);

INSERT INTO transactions (store, marketplace, posted_date, type, order_id, sku, quantity, product_sales, selling_fees, fba_fees, total, currency, source, import_id) VALUES
  ('default', 'US', '2026-10-03', 'Order', 'O2', 'S4', 1, 19.99, -3.00, -5.00, 11.99, 'USD', 'payments_date_range', 19),
  ('default', 'US', '2026-10-06', 'Refund', 'O3', 'S4', 1, -19.99, 2.40, 0.00, -17.59, 'USD', 'payments_date_range', 19),
  ('default', 'DE', '2026-10-02', 'Order', 'O9', 'S3', 2, 47.60, -7.14, -6.00, 34.46, 'EUR', 'payments_date_range', 20);

INSERT INTO costs (store, sku, effective_from, currency, unit_cost, freight_per_unit, duty_rate) VALUES
  ('default', 'S4', '2026-01-01', 'CNY', 20.00, 5.00, 0.10),
  ('default', 'BAG', '2026-01-01', 'CNY', 35.00, 7.00, 0.05);

INSERT INTO fx_rates (date, base, quote, rate) VALUES
  ('2026-09-30', 'USD', 'CNY', 8.00), ('2026-09-30', 'EUR', 'CNY', 10.00), ('2026-10-02', 'USD', 'CNY', 7.00);
`);
}
