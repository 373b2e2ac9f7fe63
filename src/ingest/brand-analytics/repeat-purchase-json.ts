import { Decimal } from 'decimal.js';
import type { JsonFamily } from '../family.ts';
import { byAsinRows, detectByAsinReport, readByAsin } from './report-document.ts';

/**
 * Brand Analytics Repeat Purchase Behavior (GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT): distinct
 * customer counts per period and ASIN, never summed across rows by the metric layer.
 */
export const repeatPurchaseJson: JsonFamily = {
  type: 'brand_analytics_repeat_purchase',
  name: { en: 'Brand Analytics Repeat Purchase Behavior (SP-API)', zh: '品牌分析 重复购买行为（SP-API）' },
  format: 'json',
  rowsIn: byAsinRows,
  writes: [{ table: 'repeat_purchase', dateFrom: 'date_from', dateTo: 'date_to', sameKey: 'asin' }],
  detect: (doc) => detectByAsinReport(doc, 'GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT', (e) => 'uniqueCustomers' in e),
  read: (doc, context) => readByAsin(doc, context, 'repeat_purchase', (e, at, f) => {
    const customers = f.int(e, 'uniqueCustomers', at);
    const repeatPct = f.fraction(e, 'repeatCustomersPctTotal', at);
    const revenue = f.money(e, 'repeatPurchaseRevenue', at);
    return {
      orders: f.int(e, 'orders', at),
      unique_customers: customers,
      repeat_customers_pct: repeatPct,
      // Amazon gives the share only; the count is the share of this row's customers, rounded half up
      repeat_customers: customers !== null && repeatPct !== null
        ? BigInt(new Decimal(customers.toString()).mul(repeatPct).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed())
        : null,
      repeat_revenue: revenue?.amount ?? null,
      repeat_revenue_pct: f.fraction(e, 'repeatPurchaseRevenuePctTotal', at),
      currency: revenue?.currency ?? null,
    };
  }),
};
