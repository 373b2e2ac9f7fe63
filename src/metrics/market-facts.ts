import type { FactContext } from './facts.ts';

/**
 * The market around each ASIN as fact sources (issue 18): Best Sellers Rank per day and the offers on the seller's own
 * ASINs (store/market-facts.ts writes them; the SP-API sync and Keepa exports fill them).
 *
 * One rank row per store × marketplace × ASIN × day: the top-level category's rank (`bsr`, Catalog Items
 * displayGroupRanks, Keepa's "Sales Rank") and the best of its browse-node ranks (`bsr_category`, classificationRanks).
 * Where the SP-API and Keepa both have the day, the SP-API's counts. `has_*` say which ranks the row has, so a
 * snapshot can count the ASINs it averages over.
 */
const sourceRank = `CASE source WHEN 'sp_api' THEN 1 ELSE 2 END`;

export const salesRanksDaily = (ctx: FactContext) => `(
  SELECT store, marketplace, asin, date, source, bsr, bsr_category,
         CASE WHEN bsr IS NULL THEN 0 ELSE 1 END AS has_bsr, CASE WHEN bsr_category IS NULL THEN 0 ELSE 1 END AS has_bsr_category
  FROM (
    SELECT store, marketplace, asin, date, source,
           min(CASE WHEN kind = 'display_group' THEN rank END) AS bsr,
           min(CASE WHEN kind = 'classification' THEN rank END) AS bsr_category,
           ${sourceRank} AS source_rank,
           min(${sourceRank}) OVER (PARTITION BY store, marketplace, asin, date) AS best_rank
    FROM sales_ranks s WHERE ${ctx.overlaps('s', 'date', 'date')}
    GROUP BY store, marketplace, asin, date, source
  ) ranked WHERE source_rank = best_rank
)`;

/**
 * One offers row per store × marketplace × ASIN × day (SP-API first). `other_offers`: offers that are not the seller's
 * own (TotalOfferCount − the seller's), the hijacker (跟卖) count on a brand's own listing; null when Amazon listed no
 * offer to tell them apart. `lost_buy_box`: 1 when someone else's offer holds the Buy Box that day.
 */
export const offersDaily = (ctx: FactContext) => `(
  SELECT store, marketplace, asin, date, source, offers,
         CASE WHEN offers IS NOT NULL AND seller_offers IS NOT NULL THEN greatest(offers - seller_offers, 0) END AS other_offers,
         CASE WHEN seller_has_buy_box = false THEN 1 ELSE 0 END AS lost_buy_box,
         CASE WHEN seller_has_buy_box IS NULL THEN 0 ELSE 1 END AS buy_box_known
  FROM (
    SELECT o.*, ${sourceRank} AS source_rank, min(${sourceRank}) OVER (PARTITION BY store, marketplace, asin, date) AS best_rank
    FROM offer_snapshots o WHERE ${ctx.overlaps('o', 'date', 'date')}
  ) ranked WHERE source_rank = best_rank
)`;
