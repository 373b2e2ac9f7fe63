import { periodFromOptions, type CanonicalRow, type FamilyContext, type FamilyOutput, type TableFamily, type TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import type { RowFields } from '../row-fields.ts';
import { businessReportChildAliases, type BusinessReportChildField as Field } from './aliases.ts';

const aliases = new AliasIndex(businessReportChildAliases);
const measures: readonly Field[] = ['sessions', 'page_views', 'units', 'sales', 'order_items', 'buy_box_pct'];

/**
 * Business Report "Detail Page Sales and Traffic by Child Item" (CSV, every layout since 2019).
 * The file has no dates: the seller chose the range in Seller Central, so --from/--to give it.
 */
export const businessReportChild: TableFamily = {
  type: 'business_report_child',
  name: { en: 'Business Report: Detail Page Sales and Traffic by Child Item', zh: '业务报告：详情页面上的销售量与访问量（子商品）' },
  format: 'table',
  writes: [
    { table: 'br_sales', dateFrom: 'date_from', dateTo: 'date_to', guardKey: 'asin' },
    { table: 'traffic', dateFrom: 'date_from', dateTo: 'date_to' },
  ],
  aliases,
  required: ['asin', 'sessions', 'page_views', 'units', 'sales', 'order_items'],
  filled: { asin: 'refuse', sessions: 'refuse', page_views: 'refuse', units: 'refuse', sales: 'refuse', order_items: 'refuse' },
  detect(header) {
    const columns = aliases.resolve(header);
    if (!columns.has('asin') || !measures.some((m) => columns.has(m))) return false;
    return columns.size;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const period = periodFromOptions(context, { en: 'a Business Report by child item', zh: '按子商品的业务报告' });
  if (!('from' in period)) return { rows: 0, tables: {}, period: null, evidence: {}, problems: [period] };
  const dates = { date_from: period.from, date_to: period.to, source: 'business_report' };
  const sales: CanonicalRow[] = [];
  const traffic: CanonicalRow[] = [];
  // With a SKU column each (parent, child) ASIN's traffic repeats on each of its SKU rows: keep it once
  const seen = (context.batch?.state.seen as Set<string> | undefined) ?? new Set<string>();
  if (context.batch) context.batch.state.seen = seen;
  for (const source of rows) {
    const row = fields.row(source);
    const parent = row.text('parent_asin');
    const asin = row.text('asin');
    sales.push({ ...dates, parent_asin: parent, asin, ...salesOf(row) });
    const key = `${parent ?? ''}\u0000${asin ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    traffic.push({ ...dates, parent_asin: parent, asin, ...trafficOf(row) });
  }
  return {
    rows: rows.length,
    tables: { br_sales: sales, traffic },
    period,
    evidence: { currencies: [...fields.currencies] },
    problems: fields.problems,
  };
}

function salesOf(row: RowFields): CanonicalRow {
  const sales = row.money('sales');
  const salesB2b = row.money('sales_b2b');
  return {
    sku: row.text('sku'),
    units: row.int('units'), units_b2b: row.int('units_b2b'),
    order_items: row.int('order_items'), order_items_b2b: row.int('order_items_b2b'),
    sales: sales?.amount ?? null, sales_b2b: salesB2b?.amount ?? null,
    currency: sales?.currency ?? salesB2b?.currency ?? null,
  };
}

function trafficOf(row: RowFields): CanonicalRow {
  return {
    sessions: row.int('sessions'), sessions_mobile: row.int('sessions_mobile'),
    sessions_browser: row.int('sessions_browser'), sessions_b2b: row.int('sessions_b2b'),
    page_views: row.int('page_views'), page_views_mobile: row.int('page_views_mobile'),
    page_views_browser: row.int('page_views_browser'), page_views_b2b: row.int('page_views_b2b'),
    buy_box_pct: row.percent('buy_box_pct'), buy_box_pct_b2b: row.percent('buy_box_pct_b2b'),
  };
}
