/** The products file may give each SKU's main image (a URL): the dashboard shows it beside the ASIN. */
export const productImages = `
ALTER TABLE sku_map ADD COLUMN image_url VARCHAR;
`;
