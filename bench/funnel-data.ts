import type { Database } from '../src/store/database.ts';

/**
 * Synthetic canonical rows at the scale of issue 4's benchmark: ASINs × days of Business Report
 * traffic and sales, weekly Search Catalog Performance, daily advertised-product ads, reviews.
 * Written with SQL straight into the canonical tables (the importers are measured elsewhere).
 */
export async function writeFunnelData(db: Database, asins: number, days: number): Promise<void> {
  const start = '2025-10-20';
  const a = `'B0' || lpad(CAST(i AS VARCHAR), 8, '0')`;
  await db.transaction(async () => {
    // one import log entry per report family, as the importers would leave (the rollup refreshes by import)
    const logged = await db.all(`INSERT INTO import_log (file, file_hash, report_type, store, marketplace, date_from, date_to, rows)
      SELECT 'generated-' || kind || '.csv', 'generated-' || kind, kind, 'default', 'US', DATE '${start}', CAST(DATE '${start}' + INTERVAL (${days - 1}) DAY AS DATE), 0
      FROM (VALUES (1, 'business_report_child'), (2, 'brand_analytics_scp'), (3, 'sp_advertised_product'), (4, 'reviews')) k(n, kind) ORDER BY n RETURNING id`);
    const [br, scp, ads, reviews] = logged.map((r) => Number(r.id));
    await db.run(`INSERT INTO traffic (store, marketplace, date_from, date_to, parent_asin, asin, sessions, sessions_mobile, sessions_browser, page_views, buy_box_pct, source, import_id)
      SELECT 'default', 'US', d, d, 'P' || (i // 4), ${a}, s, s * 6 // 10, s - s * 6 // 10, s + s // 3, 0.90 + (i % 10) / 100.0, 'business_report', ${br}
      FROM (SELECT i, CAST(DATE '${start}' + INTERVAL (j) DAY AS DATE) AS d, 20 + (i * 7 + j * 3) % 80 AS s
            FROM range(${asins}) r(i), range(${days}) q(j))`);
    await db.run(`INSERT INTO br_sales (store, marketplace, date_from, date_to, parent_asin, asin, sku, units, order_items, sales, currency, source, import_id)
      SELECT 'default', 'US', date_from, date_to, parent_asin, asin, 'SKU-' || asin, sessions // 9, sessions // 10, CAST(sessions // 9 AS DECIMAL(18,4)) * 24.99, 'USD', 'business_report', ${br}
      FROM traffic`);
    await db.run(`INSERT INTO search_funnel (store, marketplace, date_from, date_to, source, asin, impressions, clicks, cart_adds, purchases, market_impressions, market_clicks, market_cart_adds, market_purchases, import_id)
      SELECT 'default', 'US', w, CAST(w + INTERVAL 6 DAY AS DATE), 'scp', ${a}, imp, imp * (3 + i % 12) // 1000, imp * (3 + i % 12) // 4000, imp * (3 + i % 12) // 10000,
             imp * 20, imp * 20 // 100, imp * 20 // 400, imp * 20 // 1000, ${scp}
      FROM (SELECT i, CAST(DATE '${start}' - INTERVAL 1 DAY + INTERVAL (7 * k) DAY AS DATE) AS w, 5000 + (i * 13 + k * 17) % 20000 AS imp
            FROM range(${asins}) r(i), range(${Math.floor(days / 7)}) q(k))`);
    await db.run(`INSERT INTO ads (store, marketplace, date_from, date_to, ad_type, level, attribution_days, campaign, advertised_sku, advertised_asin, impressions, clicks, spend, sales, orders, units, sales_same_sku, currency, import_id)
      SELECT store, marketplace, date_from, date_to, 'SP', 'advertised_product', 7, 'Campaign ' || (length(asin) % 50), 'SKU-' || asin, asin,
             sessions * 10, sessions // 5, CAST(sessions // 5 AS DECIMAL(18,4)) * 0.85, CAST(sessions // 30 AS DECIMAL(18,4)) * 24.99, sessions // 30, sessions // 30,
             CAST(sessions // 30 AS DECIMAL(18,4)) * 20.00, 'USD', ${ads}
      FROM traffic`);
    await db.run(`INSERT INTO reviews (store, marketplace, asin, review_date, rating, review_key, import_id)
      SELECT store, marketplace, asin, date_from, 3 + length(asin) % 3, asin || CAST(date_from AS VARCHAR), ${reviews} FROM traffic WHERE sessions % 17 = 0`);
  });
}
