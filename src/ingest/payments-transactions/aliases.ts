import type { AliasTable } from '../header.ts';

/**
 * Payments → Date Range Reports → Transaction header spellings (FORMATS §10). The file follows the
 * Seller Central UI language. en: the real US file in ../shared. de, fr, it, es, ja: SPEC, from code
 * that reads such files; no real localized file was found. Sources (find_string ids; see
 * src/ingest/README.md "Localized headers"):
 *   [A] 12312532400 Python COUNTRY_ALL_COLUMNS, one full header per country (its ja entry is shifted
 *       by one key, so only the order of its names is used)   [B] 59134456858 TS "amazon-multilingual-v1"
 *       mapping, test 59382677801   [C] 27428931061 / 27813265808 C# TransactionsReader per culture
 *   [D] 32346328953 Java: first header cell per site   [E] 63088814960 / 1564560529 / 55924180793 ja header
 *   [F] 54756762714 Python CANONICAL_ALIASES   [G] 60345167902 Java header keywords en/de/fr/it/es
 * fr (BE) spellings are from [B] only. The ja column `Amazonポイントの費用` (points cost) has no canonical
 * field yet: it still counts in `合計` (total), it is just not kept on its own.
 */
export const paymentsTransactionAliases = {
  posted_at: ['date/time', 'Datum/Uhrzeit', 'date/heure', 'Data/Ora:', 'fecha y hora', '日付/時間'], // A B C D F G
  settlement_id: ['settlement id', 'Abrechnungsnummer', 'numéro de versement', 'Numero pagamento', 'identificador de pago', '決済番号'], // A F G E
  type: ['type', 'Typ', 'Tipo', 'トランザクションの種類'], // A B C E; fr keeps "type"
  order_id: ['order id', 'Bestellnummer', 'numéro de la commande', 'Numero ordine', 'número de pedido', '注文番号'], // A C F
  sku: ['sku'],
  description: ['description', 'Beschreibung', 'Descrizione', 'descripción', '説明'], // A B C; fr keeps "description"
  quantity: ['quantity', 'Menge', 'quantité', 'Quantità', 'cantidad', '数量'], // A B C F
  marketplace: ['marketplace', 'web de Amazon', 'Amazon 出品サービス', 'site de vente'], // A B C E; de, fr, it "Marketplace"; fr (BE) [B]
  fulfillment: ['fulfillment', 'fulfilment', 'Versand', 'traitement', 'Gestione', 'gestión logística', 'フルフィルメント', 'expédition'], // A B F; uk "fulfilment" [A]
  product_sales: ['product sales', 'Umsätze', 'ventes de produits', 'Vendite', 'ventas de productos', '商品売上'], // A B C F G
  product_sales_tax: ['product sales tax', 'Produktumsatzsteuer', 'Taxes sur la vente des produits', 'imposta sulle vendite dei prodotti', '商品の売上税'], // A B F
  shipping_credits: [
    'shipping credits', 'postage credits', 'Gutschrift für Versandkosten', "crédits d'expédition", 'crédits d’expédition',
    'Accrediti per le spedizioni', 'abonos de envío', '配送料',
  ], // A B C F; uk "postage credits" [A C]
  gift_wrap_credits: [
    'gift wrap credits', 'Gutschrift für Geschenkverpackung', "crédits sur l'emballage cadeau", 'Accrediti per confezioni regalo',
    'abonos de envoltorio para regalo', 'ギフト包装手数料',
  ], // A B F
  promotional_rebates: ['promotional rebates', 'Rabatte aus Werbeaktionen', 'Rabais promotionnels', 'Sconti promozionali', 'devoluciones promocionales', 'プロモーション割引額'], // A B C F
  marketplace_withheld_tax: [
    'marketplace withheld tax', 'marketplace facilitator tax', 'Einbehaltene Steuer auf Marketplace', 'Taxes retenues sur le site de vente',
    'trattenuta IVA del marketplace', 'impuesto retenido en el sitio web', '源泉徴収税を伴うマーケットプレイス',
  ], // A B F
  selling_fees: ['selling fees', 'Verkaufsgebühren', 'frais de vente', 'Commissioni di vendita', 'tarifas de venta', '手数料'], // A B F
  fba_fees: [
    'fba fees', 'Gebühren zu Versand durch Amazon', 'Frais Expédié par Amazon', 'Frais pour le service Expédié par Amazon',
    'Costi del servizio Logistica di Amazon', 'tarifas de Logística de Amazon', 'FBA 手数料',
  ], // A B F; fr (BE) "Frais pour le service…" [B]
  other_transaction_fees: [
    'other transaction fees', 'Andere Transaktionsgebühren', 'autres frais de transaction', 'Altri costi relativi alle transazioni',
    'tarifas de otras transacciones', 'トランザクションに関するその他の手数料',
  ], // A B F
  other: ['other', 'Andere', 'autre', 'autres', 'Altro', 'otro', 'その他'], // A B F; fr (BE) "autres" [B]
  total: ['total', 'Gesamt', 'totale', '合計'], // A B C F; fr, es keep "total"
} as const satisfies AliasTable;
