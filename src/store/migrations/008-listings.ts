/**
 * Amazon's All Listings / Active Listings report (GET_MERCHANT_LISTINGS_ALL_DATA / _DATA): one row per
 * seller SKU offered in a marketplace on the day the report was downloaded. It is the only Amazon
 * report that names every listed SKU's title and (in English-layout files) its image, so the products
 * list falls back on it where the seller's products file gives no name or image (store/products.ts).
 */
export const listings = `
CREATE TABLE listings (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, snapshot_date DATE NOT NULL,
  sku VARCHAR NOT NULL, asin VARCHAR, listing_id VARCHAR, item_name VARCHAR, image_url VARCHAR,
  price DECIMAL(18,4), currency VARCHAR, quantity BIGINT, status VARCHAR, fulfillment_channel VARCHAR, open_date DATE,
  import_id BIGINT NOT NULL
);
`;
