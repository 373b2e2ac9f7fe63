/**
 * The market around each ASIN, daily (issue 18): Best Sellers Rank per category (Catalog Items API salesRanks) and the
 * offers on the seller's own ASINs (Product Pricing API getItemOffers: number of offers, the Buy Box price and whether
 * the seller holds it), as dated facts. One row per day and source: a second pull on the same day replaces the first.
 */
export const marketFacts = `
CREATE TABLE sales_ranks (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, asin VARCHAR NOT NULL, date DATE NOT NULL,
  kind VARCHAR NOT NULL,             -- 'classification' (a browse node) or 'display_group' (the top-level category)
  category_id VARCHAR NOT NULL, category VARCHAR, rank INTEGER NOT NULL,
  source VARCHAR NOT NULL,           -- 'sp_api' (or 'keepa')
  fetched_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (store, marketplace, asin, date, kind, category_id, source)
);
CREATE TABLE offer_snapshots (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, asin VARCHAR NOT NULL, date DATE NOT NULL,
  offers INTEGER,                    -- TotalOfferCount (new condition); null when Amazon did not say
  buy_box_price DECIMAL(18,4), currency VARCHAR,
  seller_has_buy_box BOOLEAN,        -- the seller's own offer (MyOffer) is the Buy Box winner
  seller_offers INTEGER,             -- how many of the offers are the seller's own
  source VARCHAR NOT NULL,
  fetched_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (store, marketplace, asin, date, source)
);
`;
