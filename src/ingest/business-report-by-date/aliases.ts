import type { AliasTable } from '../header.ts';

/** Business Report "Sales and Traffic by Date" (daily, weekly, monthly) and its shipped-sales variant (FORMATS §1.5). */
export const businessReportByDateAliases = {
  date: ['Date', 'Datum', '日期', '日付'],
  sales: ['Ordered Product Sales', 'Durch bestellte Produkte erzielter Umsatz', '已订购商品销售额'],
  units: ['Units Ordered', 'Bestellte Einheiten', '已订购商品数量'],
  order_items: ['Total Order Items', 'Zahl der Bestellposten', '订单商品总数'],
  sessions: ['Sessions', 'Sessions – Total'],
  page_views: ['Page Views', 'Page Views – Total'],
  shipped_sales: ['Shipped Product Sales'],
  units_shipped: ['Units Shipped'],
  orders_shipped: ['Orders Shipped'],
  average_offer_count: ['Average Offer Count'],
} as const satisfies AliasTable;
