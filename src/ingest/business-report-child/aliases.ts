import type { AliasTable } from '../header.ts';

/**
 * "Detail Page Sales and Traffic by Child Item" header spellings (FORMATS §1). Compared after
 * normalizeHeader: case, `-`/`–`, spacing and full-width brackets are already folded, so
 * `Sessions – Total`, `Sessions - Total` and `sessions - total` are one spelling.
 * en: 2019 / 2021–24 / 2025+ layouts; de, zh, ja: from code (§1.4), no real file seen.
 * es, older layout: one project that reads Spanish-UI files (find_string ids 45721880724, 23763657446:
 * `Ventas de productos pedidos`, `Total de artículos del pedido`, `… -B2B`, `Sesiones - Total`,
 * `Vistas de página - Total`; it also renames English files to these names, id 23185611135).
 * es, current layout (`ASIN (parent)`, `ASIN (child)`, `Título`, `Sesiones: total`, …): a script summing an
 * amazon.es report with `1.234,56 €` money, id 62118574661 (parent/child/title, sessions, Buy Box, units and
 * sales with their B2B columns), and a Mexican seller's reader, ids 23870840486 / 12982782786 / 23153444890
 * (parent/child/title, `Sesiones: total`, `Vistas de página: total`). Order items in this layout were not
 * found. fr, it: nothing found (README "Not found").
 * ja, the layout Seller Central JP serves (`(親) ASIN`, `(子) ASIN`, `タイトル`, `セッション - 合計`, `セッション-合計-B2B`, …,
 * money `"￥74,020"`): a real download in brussliu/smartinfo2
 * `OTHERS/CSVテンプレート/10.ASIN別_詳細ページ 売上トラフィック/BusinessReport-30-10-22 (1).csv` (README "Japan").
 * ja, the later layout (full-width brackets with no space, `セッション数 - 合計`, `注文商品の売上額`): `（親）ASIN,（子）ASIN,タイトル,
 * セッション数 - 合計,注文された商品点数,ユニットセッション率,注文商品の売上額,注文品目総数` (a test file of a JP dashboard builder,
 * find_string 54102125890; the same names read by 54029411819, 62722182482, 70417419536, 21287378033); `ページビュー - 合計` beside
 * `注文商品の売上額` 53491099155; `注文商品の売上額 - B2B`, `注文点数 - B2B` 28211498667. `（子）ASIN` is the zh spelling already here.
 */
export const businessReportChildAliases = {
  parent_asin: ['(Parent) ASIN', '(Übergeordnete) ASIN', '（父）ASIN', 'ASIN (parent)', '(親) ASIN', '（親）ASIN'],
  asin: ['(Child) ASIN', '(Untergeordnete) ASIN', '（子）ASIN', 'ASIN (child)', '(子) ASIN'],
  title: ['Title', 'Titel', '标题', 'Título', 'タイトル'],
  sku: ['SKU'],
  sessions: ['Sessions – Total', 'Sessions', 'Sitzungen – Summe', '会话数 - 总计', '会话次数 – 总计', 'セッション数 - 合計', 'Sesiones - Total', 'Sesiones: total', 'セッション - 合計'],
  sessions_b2b: ['Sessions – Total – B2B', 'Sessions - B2B', 'Sitzungen – Summe – B2B', '会话 - 总计 - B2B', '会话数 - 总计 - B2B', '会话次数 – 总计 – B2B', 'セッション-合計-B2B'],
  sessions_mobile: ['Sessions – Mobile App', 'Sitzungen – mobile App'],
  sessions_browser: ['Sessions – Browser', 'Sitzungen – Browser'],
  page_views: ['Page Views – Total', 'Page Views', 'Seitenaufrufe – Summe', '页面浏览量 - 总计', 'Vistas de página - Total', 'Vistas de página: total', 'ページビュー - 合計'],
  page_views_b2b: ['Page Views – Total – B2B', 'Page Views - B2B', 'Seitenaufrufe – Summe – B2B', '页面浏览量 - 总计 - B2B', 'ページビュー数-合計-B2B'],
  page_views_mobile: ['Page Views – Mobile App'],
  page_views_browser: ['Page Views – Browser'],
  buy_box_pct: ['Featured Offer (Buy Box) Percentage', 'Buy Box Percentage', '推荐报价（推荐报价展示位）百分比', 'おすすめ出品（おすすめ商品）の獲得率', 'Porcentaje de ofertas destacadas (Buy Box)',
    'おすすめ商品(ショッピングカートボックス)の割合'],
  buy_box_pct_b2b: ['Featured Offer (Buy Box) Percentage – B2B', 'Buy Box Percentage - B2B', '推荐报价（推荐报价展示位）百分比 - B2B',
    'おすすめ商品(ショッピングカートボックス)の割合 - B2B'],
  units: ['Units Ordered', 'Bestellte Einheiten', '已订购商品数量', '注文された商品点数', 'Unidades encargadas'],
  units_b2b: ['Units Ordered – B2B', 'Bestellte Einheiten – B2B', '已订购商品数量 - B2B', 'Unidades encargadas - B2B', '注文された商品点数 - B2B', '注文点数 - B2B'],
  sales: ['Ordered Product Sales', 'Gross Product Sales', 'Durch bestellte Produkte erzielter Umsatz', '已订购商品销售额', '注文商品売上', 'Ventas de productos pedidos', 'Ventas de productos encargados',
    '注文商品の売上額'],
  sales_b2b: ['Ordered Product Sales – B2B', 'Bestellsumme – B2B', '已订购商品销售额 - B2B', 'Ventas de productos pedidos – B2B', 'Ventas de productos encargados: B2B', '注文商品売上-B2B', '注文商品の売上額 - B2B'],
  order_items: ['Total Order Items', 'Orders Placed', 'Zahl der Bestellposten', '订单商品总数', 'Total de artículos del pedido', '注文品目総数'],
  order_items_b2b: ['Total Order Items – B2B', 'Zahl der Bestellposten – B2B', '订单商品总数 - B2B', 'Total de artículos del pedido – B2B', '注文品目総数 - B2B'],
} as const satisfies AliasTable;

export type BusinessReportChildField = keyof typeof businessReportChildAliases;
