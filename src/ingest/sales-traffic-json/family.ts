import { say } from '../../domain/messages.ts';
import { fileProblem } from '../problems.ts';
import type { Problem } from '../../domain/errors.ts';
import { refusal, type CanonicalRow, type FamilyContext, type FamilyOutput, type JsonFamily } from '../family.ts';
import { parseDate } from '../values/date.ts';
import { parseMoney } from '../values/money.ts';
import { parseInteger, parsePercent } from '../values/number.ts';
import { jsonValueProblem } from '../problems.ts';
import type { Parsed } from '../values/parsed.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * SP-API GET_SALES_AND_TRAFFIC_REPORT (FORMATS §2). salesAndTrafficByAsin is aggregated over the
 * whole requested range (dataStartTime..dataEndTime), so each entry becomes one row for that range.
 * salesAndTrafficByDate is account totals without ASINs and is not loaded (see business-report-by-date).
 */
export const salesTrafficJson: JsonFamily = {
  type: 'sales_traffic_api',
  name: { en: 'SP-API Sales and Traffic report', zh: 'SP-API 销售与流量报告' },
  format: 'json',
  // read as a stream, entry by entry (json-stream.ts)
  rowsIn: 'salesAndTrafficByAsin',
  writes: [
    { table: 'br_sales', dateFrom: 'date_from', dateTo: 'date_to', guardKey: 'asin' },
    { table: 'traffic', dateFrom: 'date_from', dateTo: 'date_to' },
  ],
  detect(doc) {
    if (!isObject(doc)) return false;
    const spec = doc.reportSpecification;
    if (isObject(spec) && spec.reportType === 'GET_SALES_AND_TRAFFIC_REPORT') return 10;
    return Array.isArray(doc.salesAndTrafficByAsin) ? 5 : false;
  },
  read,
};

function read(doc: unknown, context: FamilyContext): FamilyOutput {
  const spec = isObject(doc) && isObject(doc.reportSpecification) ? doc.reportSpecification : {};
  const entries = isObject(doc) && Array.isArray(doc.salesAndTrafficByAsin) ? doc.salesAndTrafficByAsin : undefined;
  if (!entries) {
    return refusal(context, 'missing_field', say('missing_list', {
      path: 'salesAndTrafficByAsin', hint: { en: ': request it with asinGranularity PARENT, CHILD or SKU', zh: '：请求时请选 asinGranularity PARENT、CHILD 或 SKU' },
    }));
  }
  const problems: Problem[] = [];
  const field = new JsonFields(context.file, problems);
  const from = field.read('reportSpecification.dataStartTime', spec.dataStartTime, (v) => parseDate(dateText(v)));
  const to = field.read('reportSpecification.dataEndTime', spec.dataEndTime, (v) => parseDate(dateText(v)));
  if ((!from || !to) && problems.length === 0) {
    problems.push(fileProblem('missing_field', {
      path: 'reportSpecification.dataStartTime / dataEndTime', reason: { en: 'they are the period the report covers', zh: '它们是报表覆盖的时段' },
    }, { file: context.file }));
  }
  const dates = { date_from: from, date_to: to, source: 'sales_traffic_api' };
  const sales: CanonicalRow[] = [];
  const traffic: CanonicalRow[] = [];
  const currencies = new Set<string>();
  // an ASIN's traffic is written once in the file, whichever batch it comes in
  const state = context.batch?.state ?? {};
  const seen = (state.trafficSeen ??= new Set<string>()) as Set<string>;
  const start = context.batch?.json?.offset ?? 0;
  entries.forEach((entry: unknown, index) => {
    const i = start + index;
    const at = `salesAndTrafficByAsin[${i}]`;
    const e = isObject(entry) ? entry : {};
    const s = isObject(e.salesByAsin) ? e.salesByAsin : {};
    const t = isObject(e.trafficByAsin) ? e.trafficByAsin : {};
    const keys = { parent_asin: text(e.parentAsin), asin: text(e.childAsin) };
    const int = (name: string, obj: Json, path: string) => field.read(`${at}.${path}.${name}`, obj[name], (v) => parseInteger(num(v)));
    const money = (name: string) => field.read(`${at}.salesByAsin.${name}`, s[name], moneyOf);
    const pct = (name: string) => field.read(`${at}.trafficByAsin.${name}`, t[name], (v) => parsePercent(num(v), 'percent'));
    const amount = money('orderedProductSales');
    const amountB2b = money('orderedProductSalesB2B');
    for (const m of [amount, amountB2b]) if (m?.currency) currencies.add(m.currency);
    sales.push({
      ...dates, ...keys, sku: text(e.sku),
      units: int('unitsOrdered', s, 'salesByAsin'), units_b2b: int('unitsOrderedB2B', s, 'salesByAsin'),
      order_items: int('totalOrderItems', s, 'salesByAsin'), order_items_b2b: int('totalOrderItemsB2B', s, 'salesByAsin'),
      sales: amount?.amount ?? null, sales_b2b: amountB2b?.amount ?? null, currency: amount?.currency ?? amountB2b?.currency ?? null,
    });
    // SKU granularity repeats the ASIN's traffic on each SKU, as the Business Report does
    const key = `${keys.parent_asin ?? ''}\u0000${keys.asin ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const ti = (name: string) => int(name, t, 'trafficByAsin');
    traffic.push({
      ...dates, ...keys,
      sessions: ti('sessions'), sessions_mobile: ti('mobileAppSessions'), sessions_browser: ti('browserSessions'), sessions_b2b: ti('sessionsB2B'),
      page_views: ti('pageViews'), page_views_mobile: ti('mobileAppPageViews'), page_views_browser: ti('browserPageViews'), page_views_b2b: ti('pageViewsB2B'),
      buy_box_pct: pct('buyBoxPercentage'), buy_box_pct_b2b: pct('buyBoxPercentageB2B'),
    });
  });
  const amazonIds = Array.isArray(spec.marketplaceIds) ? spec.marketplaceIds.filter((id): id is string => typeof id === 'string') : [];
  return {
    rows: entries.length,
    tables: { br_sales: sales, traffic },
    period: from && to ? { from, to } : null,
    evidence: { amazonIds, currencies: [...currencies] },
    problems,
  };
}

/** Parses JSON values with the shared value parsers; a failure names the JSON path as its column. */
class JsonFields {
  constructor(private readonly file: string, private readonly problems: Problem[]) {}

  read<T>(path: string, value: unknown, parse: (v: unknown) => Parsed<T>): T | null {
    if (value === undefined || value === null) return null;
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    this.problems.push(jsonValueProblem(this.file, path, value, parsed.expected));
    return null;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): string | number | null => (typeof v === 'number' ? v : typeof v === 'string' ? v : Number.NaN);
const dateText = (v: unknown): string | null => (typeof v === 'string' ? v.trim().slice(0, 10) : null);

function moneyOf(v: unknown): Parsed<{ amount: string; currency: string | null }> {
  if (!isObject(v)) return { ok: false, expected: 'a money object {amount, currencyCode}' };
  const parsed = parseMoney(num(v.amount));
  if (!parsed.ok || !parsed.value) return parsed;
  return { ok: true, value: { amount: parsed.value.amount, currency: text(v.currencyCode)?.toUpperCase() ?? null } };
}
