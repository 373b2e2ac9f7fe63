import type { CanonicalRow, FamilyContext, FamilyOutput, JsonFamily } from '../family.ts';
import { isObject, JsonFields, objectAt, text, type Json } from '../report-helpers/json-fields.ts';
import { periodOf } from '../report-helpers/row-values.ts';
import { fulfillmentOf, odrParts, rateMetrics } from './metrics.ts';

interface Window {
  date_from: string;
  date_to: string;
}

/**
 * Account health (SP-API GET_V2_SELLER_PERFORMANCE_REPORT): one row per metric, fulfilment and
 * window. Rates are fractions as Amazon writes them; counts Amazon does not give stay null.
 * Rows replace earlier ones by their window's last day (a snapshot): replacing whole overlapping
 * 60-day windows would delete every earlier snapshot at each import.
 */
export const accountHealth: JsonFamily = {
  type: 'account_health',
  name: { en: 'Account health (seller performance report)', zh: '账户状况（卖家绩效报告）' },
  format: 'json',
  writes: [{ table: 'account_health', dateFrom: 'date_to', dateTo: 'date_to', guardKey: 'metric' }],
  detect(doc) {
    if (!isObject(doc) || !Array.isArray(doc.performanceMetrics)) return false;
    return Array.isArray(doc.accountStatuses) ? 10 : 5;
  },
  read,
};

function read(doc: unknown, context: FamilyContext): FamilyOutput {
  const d = isObject(doc) ? doc : {};
  const fields = new JsonFields(context.file);
  const rows: CanonicalRow[] = [];
  const ids = new Set<string>();
  const metrics = Array.isArray(d.performanceMetrics) ? d.performanceMetrics : [];
  metrics.forEach((entry: unknown, i) => {
    const m = isObject(entry) ? entry : {};
    const id = text(m.marketplaceId);
    if (id) ids.add(id);
    rows.push(...metricsOf(m, `performanceMetrics[${i}]`, fields));
  });
  // the Airbyte sample names its marketplace only in accountStatuses
  const statuses = Array.isArray(d.accountStatuses) ? d.accountStatuses.filter(isObject) : [];
  if (ids.size === 0 && statuses.length === 1) ids.add(text(statuses[0]?.marketplaceId) ?? '');
  ids.delete('');
  if (rows.length === 0 && fields.problems.length === 0) fields.missing('performanceMetrics', 'the report holds no metric with a reporting date range');
  return {
    rows: rows.length,
    tables: { account_health: rows },
    period: periodOf(rows, 'date_to'),
    evidence: { amazonIds: [...ids] },
    problems: fields.problems,
  };
}

function metricsOf(m: Json, at: string, fields: JsonFields): CanonicalRow[] {
  const rating = objectAt(m, 'accountHealthRating');
  // ODR entries in Airbyte's sample carry no range of their own: they share the rating's window
  const fallback = windowOf(rating, `${at}.accountHealthRating`, fields, null);
  const rows: CanonicalRow[] = [];
  if (fallback && text(rating.ahrStatus)) {
    rows.push({ ...fallback, metric: 'account_health_rating', fulfillment: null, rate: null, defects: null, orders: null, status: text(rating.ahrStatus) });
  }
  for (const [channel, fulfillment] of Object.entries(fulfillmentOf)) {
    const odr = objectAt(objectAt(m, 'orderDefectRate'), channel);
    const path = `${at}.orderDefectRate.${channel}`;
    if (Object.keys(odr).length === 0) continue;
    const window = windowOf(odr, path, fields, fallback);
    if (!window) continue;
    const orders = fields.int(odr, 'orderCount', path);
    for (const part of odrParts) {
      const count = objectAt(odr, part.count);
      if (!part.hasRate && Object.keys(count).length === 0) continue;
      rows.push({
        ...window, metric: part.metric, fulfillment, orders,
        rate: part.hasRate ? fields.fraction(odr, 'rate', path) : null,
        defects: fields.int(count, 'count', `${path}.${part.count}`),
        status: text(part.hasRate ? odr.status : count.status),
      });
    }
  }
  for (const spec of rateMetrics) {
    const key = spec.keys.find((k) => isObject(m[k]));
    if (!key) continue;
    const obj = objectAt(m, key);
    const path = `${at}.${key}`;
    const window = windowOf(obj, path, fields, fallback);
    if (!window) continue;
    const defects = spec.defects.map((p) => countAt(obj, p, path)).find((c) => c !== undefined);
    rows.push({
      ...window, metric: spec.metric, fulfillment: null,
      rate: fields.fraction(obj, 'rate', path),
      defects: defects ? fields.int(defects.parent, defects.key, defects.at) : null,
      orders: fields.int(obj, spec.orders, path),
      status: text(obj.status),
    });
  }
  return rows;
}

/** `invoiceDefect.count` → the object holding the count and its key, when the count is there */
function countAt(obj: Json, path: string, at: string): { parent: Json; key: string; at: string } | undefined {
  const keys = path.split('.');
  const key = keys.pop() ?? '';
  const parent = keys.reduce<Json>((o, k) => objectAt(o, k), obj);
  return parent[key] === undefined ? undefined : { parent, key, at: [at, ...keys].join('.') };
}

function windowOf(obj: Json, at: string, fields: JsonFields, fallback: Window | null): Window | null {
  const range = objectAt(obj, 'reportingDateRange');
  if (Object.keys(range).length === 0) return fallback;
  const from = fields.date(range, 'reportingDateFrom', `${at}.reportingDateRange`);
  const to = fields.date(range, 'reportingDateTo', `${at}.reportingDateRange`);
  return from && to ? { date_from: from, date_to: to } : null;
}
