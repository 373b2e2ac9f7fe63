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
 *   [H] 11986732742 Python, the numeric columns per region (nl, mx, es, jp …)   [J] 67284277152 Python
 *       LANGUAGE_TRANSLATE (nl, sv, pl)   [L] 51825627281 / 51917790531 TS tests of a pt-BR reader (amazon.com.br)
 *   [C] also holds the es-MX header. nl, sv, pl, tr from [B] (with [H]/[J] where they agree); where [B] and [J]
 *   give one spelling to two fields (sv `Inkasserad moms`, pl `pobrany podatek od sprzedaży`) it is left out.
 * fr (BE) spellings are from [B] only. The ja column `Amazonポイントの費用` (points cost) has no canonical
 * field yet: it still counts in `合計` (total), it is just not kept on its own.
 */
export const paymentsTransactionAliases = {
  posted_at: [
    'date/time', 'Datum/Uhrzeit', 'date/heure', 'Data/Ora:', 'fecha y hora', '日付/時間',
    'fecha/hora', 'data/hora', 'datum/tijd', 'datum/tid', 'data/godzina', 'tarih/saat',
  ], // A B C D F G; mx A C H B; pt L B; nl H B J; sv, pl B J; tr B
  settlement_id: [
    'settlement id', 'Abrechnungsnummer', 'numéro de versement', 'Numero pagamento', 'identificador de pago', '決済番号',
    'Id. de liquidación', 'id de liquidação', 'schikkings-ID', 'reglerings-id', 'identyfikator rozliczenia', 'hesap kesim no',
  ], // A F G E; mx H; pt L; nl H; sv, pl 60529370511 (a reader's required headers per marketplace); tr 56958579700
  type: ['type', 'Typ', 'Tipo', 'トランザクションの種類', 'tip'], // A B C E; fr, nl keep "type"; sv, pl "typ" J; tr "tip" B
  order_id: [
    'order id', 'Bestellnummer', 'numéro de la commande', 'Numero ordine', 'número de pedido', '注文番号',
    'Id. del pedido', 'id do pedido', 'bestelnummer', 'identyfikator zamówienia', 'beställnings-id', 'sipariş no.',
  ], // A C F; mx C B; pt L B; nl J; pl, sv B J; tr B
  sku: ['sku'],
  description: [
    'description', 'Beschreibung', 'Descrizione', 'descripción', '説明', 'descrição', 'beschrijving', 'opis', 'beskrivning', 'açıklama',
  ], // A B C; fr keeps "description"; pt L; nl, pl, sv, tr B
  quantity: ['quantity', 'Menge', 'quantité', 'Quantità', 'cantidad', '数量', 'quantidade', 'aantal', 'ilość', 'antal', 'adet'], // A B C F; pt L; nl J; pl, sv B J; tr B
  marketplace: [
    'marketplace', 'web de Amazon', 'Amazon 出品サービス', 'site de vente', 'mercado', 'rynek', 'marknadsplats', 'pazar yeri',
  ], // A B C E; de, fr, it, mx "Marketplace"; fr (BE) [B]; pt L; pl, sv B J; tr B
  fulfillment: [
    'fulfillment', 'fulfilment', 'Versand', 'traitement', 'Gestione', 'gestión logística', 'フルフィルメント', 'expédition',
    'atendimento', 'realizacja', 'leverans', 'gönderim', 'cumplimiento',
  ], // A B F; uk "fulfilment" [A]; pt L; pl, sv B J; tr, mx B
  product_sales: [
    'product sales', 'Umsätze', 'ventes de produits', 'Vendite', 'ventas de productos', '商品売上',
    'vendas do produto', 'verkoop van producten', 'sprzedaż produktów', 'försäljning av produkter', 'ürün satışları',
  ], // A B C F G; mx C H; pt L; nl H B J; pl B; sv B J; tr B
  product_sales_tax: [
    'product sales tax', 'Produktumsatzsteuer', 'Taxes sur la vente des produits', 'imposta sulle vendite dei prodotti', '商品の売上税',
    'impuesto de ventas de productos', 'imposto de vendas coletados', 'geïnde omzetbelasting',
  ], // A B F; es, mx H B; pt L; nl H J
  shipping_credits: [
    'shipping credits', 'postage credits', 'Gutschrift für Versandkosten', "crédits d'expédition", 'crédits d’expédition',
    'Accrediti per le spedizioni', 'abonos de envío', '配送料',
    'créditos de envío', 'créditos de remessa', 'Verzendtegoeden', 'noty kredytowe za wysyłkę', 'fraktkrediter', 'kargo kredileri',
  ], // A B C F; uk "postage credits" [A C]; mx C H B; pt L; nl H J; pl, sv B J; tr B
  gift_wrap_credits: [
    'gift wrap credits', 'Gutschrift für Geschenkverpackung', "crédits sur l'emballage cadeau", 'Accrediti per confezioni regalo',
    'abonos de envoltorio para regalo', 'ギフト包装手数料',
    'créditos por envoltorio de regalo', 'créditos de embalagem de presente', 'kredietpunten cadeauverpakking', 'krediter för presentinslagning',
  ], // A B F; mx H B; pt L; nl H; sv B
  promotional_rebates: [
    'promotional rebates', 'Rabatte aus Werbeaktionen', 'Rabais promotionnels', 'Sconti promozionali', 'devoluciones promocionales', 'プロモーション割引額',
    'descuentos promocionales', 'descontos promocionais', 'promotiekortingen', 'rabaty promocyjne', 'kampanjrabatter', 'promosyon indirimleri',
  ], // A B C F; mx C H B; pt L; nl H J; pl, sv B J; tr B
  // the tax on shipping, gift wrap and promotions (money of the line: a line's parts sum to its total only with them):
  // en the real US file, ja the real JP file (../shared/fixtures/data/payments-date-range-transactions)
  shipping_credits_tax: ['shipping credits tax', '配送料の税金'],
  gift_wrap_credits_tax: ['giftwrap credits tax', 'ギフト包装クレジットの税金'],
  promotional_rebates_tax: ['promotional rebates tax', 'プロモーション割引の税金'],
  // ja only: the Amazon points the seller pays for (FORMATS §15.3, the real JP file; [H]; [A] shifted by one key)
  points_cost: ['Amazonポイントの費用'],
  marketplace_withheld_tax: [
    'marketplace withheld tax', 'marketplace facilitator tax', 'Einbehaltene Steuer auf Marketplace', 'Taxes retenues sur le site de vente',
    'trattenuta IVA del marketplace', 'impuesto retenido en el sitio web', '源泉徴収税を伴うマーケットプレイス',
    'impuesto de retenciones en la plataforma', 'Belasting voor marketplace-facilitator',
  ], // A B F; mx H B; nl H
  selling_fees: [
    'selling fees', 'Verkaufsgebühren', 'frais de vente', 'Commissioni di vendita', 'tarifas de venta', '手数料',
    'tarifas de venda', 'opłaty za sprzedaż', 'försäljningsavgifter', 'verkoopkosten', 'satış ücretleri',
  ], // A B F; mx "tarifas de venta" A H; pt L B; pl, sv, tr B; nl H B
  fba_fees: [
    'fba fees', 'Gebühren zu Versand durch Amazon', 'Frais Expédié par Amazon', 'Frais pour le service Expédié par Amazon',
    'Costi del servizio Logistica di Amazon', 'tarifas de Logística de Amazon', 'FBA 手数料',
    'tarifas fba', 'taxas fba', 'opłaty za fba', 'fba-avgifter', 'fba-vergoedingen', 'Amazon Lojistik ücretleri',
  ], // A B F; fr (BE) "Frais pour le service…" [B]; mx H B; pt L; pl, sv, tr B; nl H B
  other_transaction_fees: [
    'other transaction fees', 'Andere Transaktionsgebühren', 'autres frais de transaction', 'Altri costi relativi alle transazioni',
    'tarifas de otras transacciones', 'トランザクションに関するその他の手数料',
    'tarifas de otra transacción', 'taxas de outras transações', 'inne opłaty transakcyjne', 'övriga transaktionsavgifter',
    'overige transactiekosten', 'diğer işlem ücretleri',
  ], // A B F; mx H B; pt L; pl, sv, tr B; nl H B
  other: ['other', 'Andere', 'autre', 'autres', 'Altro', 'otro', 'その他', 'outro', 'inne', 'Övrigt', 'overige', 'diğer'], // A B F; fr (BE) "autres" [B]; pt L; pl, sv, tr B; nl H B
  total: ['total', 'Gesamt', 'totale', '合計', 'suma', 'totalt', 'totaal', 'toplam'], // A B C F; fr, es, mx, pt keep "total"; pl, sv B J; nl H B J; tr B
} as const satisfies AliasTable;
