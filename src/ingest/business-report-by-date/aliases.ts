import type { AliasTable } from '../header.ts';

/**
 * Business Report "Sales and Traffic by Date" (daily, weekly, monthly) and its shipped-sales variant (FORMATS §1.5).
 * ja (`日付,注文商品売上,注文商品売上-B2B,注文された商品点数,…,セッション - 合計,…`): a real Seller Central JP download,
 * brussliu/smartinfo2 `OTHERS/CSVテンプレート/07.日付別_売上およびトラフィック/07BusinessReport-30-10-22.csv`.
 * ja, the later layout: `日付`, `注文商品の売上額`, `注文された商品点数`, `注文品目総数`, `セッション数 - 合計` (a monthly-summary reader,
 * find_string 53810700089).
 */
export const businessReportByDateAliases = {
  date: ['Date', 'Datum', '日期', '日付'],
  sales: ['Ordered Product Sales', 'Durch bestellte Produkte erzielter Umsatz', '已订购商品销售额', '注文商品売上', '注文商品の売上額'],
  units: ['Units Ordered', 'Bestellte Einheiten', '已订购商品数量', '注文された商品点数'],
  order_items: ['Total Order Items', 'Zahl der Bestellposten', '订单商品总数', '注文品目総数'],
  sessions: ['Sessions', 'Sessions – Total', 'セッション - 合計', 'セッション数 - 合計'],
  page_views: ['Page Views', 'Page Views – Total'],
  shipped_sales: ['Shipped Product Sales'],
  units_shipped: ['Units Shipped'],
  orders_shipped: ['Orders Shipped'],
  average_offer_count: ['Average Offer Count'],
} as const satisfies AliasTable;
