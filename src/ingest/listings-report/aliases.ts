import type { AliasTable } from '../header.ts';

/**
 * All Listings / Active Listings report header spellings (SP-API GET_MERCHANT_LISTINGS_ALL_DATA,
 * GET_MERCHANT_LISTINGS_DATA; Seller Central → Inventory → Inventory Reports). Sources, in
 * src/ingest/README.md "All Listings report":
 * - en, 27–29 columns in this order: item-name, item-description, listing-id, seller-sku, price, quantity,
 *   open-date, image-url, item-is-marketplace, product-id-type, zshop-shipping-fee, item-note, item-condition,
 *   zshop-category1, zshop-browse-path, zshop-storefront-feature, asin1, asin2, asin3, will-ship-internationally,
 *   expedited-shipping, zshop-boldface, product-id, bid-for-featured-placement, add-delete, pending-quantity,
 *   fulfillment-channel, merchant-shipping-group, status (sample output with rows:
 *   zynksoftware/Zynk-Workflow _docs/Amazon-Marketplace-Connector/Exporting-Reports-from-Amazon-Marketplace.md;
 *   the 28-column header: caponica/AmazonMwsComplete src/CaponicaAmazonMwsComplete/Domain/Report/ReportListingActiveListings.php).
 * - ja (current SP-API layout, 出品者SKU first, no image column at all): find_string id 49080860235;
 *   an older mixed ja/en layout keeps `image-url` and `asin1` in English (id 21632200651).
 * - zh, de, fr, it, es: two connectors' localized-header tables (ids 53524583964, 51765821086) and a
 *   zh/ja column picker (id 40092014649). From code only: no localized real file was found.
 * No localized spelling of image-url was found anywhere, so only the English one is listed.
 */
export const listingsReportAliases = {
  item_name: ['item-name', '商品名', '商品名称', 'Artikelbezeichnung', 'nom-produit', "Nome dell'articolo", 'Título del producto'],
  listing_id: ['listing-id', '出品ID', 'Angebotsnummer', 'id-offre', 'Numero offerta', 'Identificador del listing'],
  sku: ['seller-sku', '出品者SKU', '卖家 SKU', 'Händler-SKU', 'sku-vendeur', 'SKU venditore', 'SKU del vendedor'],
  price: ['price', '価格', '价格', 'Preis', 'prix', 'Prezzo', 'Precio'],
  quantity: ['quantity', '数量', 'Menge', 'quantité', 'Quantità', 'Cantidad'],
  open_date: ['open-date', '出品日', '开售日期', 'Erstellungsdatum', 'Data di creazione', 'Fecha de creación'],
  image_url: ['image-url'],
  asin: ['asin1', 'ASIN 1', 'ASIN1'],
  product_id: ['product-id', '商品ID', '商品编码', 'Produkt-ID', 'id-produit', 'Identificativo del prodotto', 'Identificador del producto'],
  fulfillment_channel: ['fulfillment-channel', 'fulfilment-channel', 'フルフィルメント・チャンネル', '配送渠道', 'Versender', 'canal-traitement',
    'Canale di gestione', 'Canal de gestión logística'],
  status: ['status', 'ステータス', '状态', 'stato', 'état'],
} as const satisfies AliasTable;
