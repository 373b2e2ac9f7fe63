import { fileProblem } from '../problems.ts';
import type { Problem } from '../../domain/errors.ts';
import { cleanText, emptyAdsRow, periodOfRows, upperOrNull } from '../ads-common/ads-row.ts';
import type { FamilyContext, FamilyOutput } from '../family.ts';
import type { Cell } from '../table.ts';
import { parseDate } from '../values/date.ts';
import { parseMoney } from '../values/money.ts';
import { parseInteger } from '../values/number.ts';
import { jsonValueProblem } from '../problems.ts';
import type { Parsed } from '../values/parsed.ts';
import { dimensionColumns, measureColumns } from './columns.ts';
import type { ApiShape } from './report-shape.ts';

type Json = Record<string, unknown>;
const idColumns = ['campaignId', 'adGroupId', 'keywordId', 'targetingId', 'adId', 'portfolioId'];

/** v3 report rows → canonical `ads` rows; a problem names the entry (`[12].cost`) as line and column. */
export function readApiRows(shape: ApiShape & { adType: NonNullable<ApiShape['adType']> }, context: FamilyContext): FamilyOutput {
  const problems: Problem[] = [];
  const measures = measureColumns(shape.adType, shape.attributionDays);
  const currencies = new Set<string>();
  // a streamed batch's entries are numbered in the whole file
  const start = context.batch?.json?.offset ?? 0;
  const out = shape.rows.map((entry, index) => {
    const i = start + index;
    const value = <T>(name: string, parse: (cell: Cell) => Parsed<T>): T | null => {
      const raw = entry[name];
      const parsed = parse(typeof raw === 'number' || typeof raw === 'string' ? raw : raw === undefined ? null : JSON.stringify(raw));
      if (parsed.ok) return parsed.value;
      problems.push(jsonValueProblem(context.file, `entry ${i + 1} ("${name}")`, raw, parsed.expected, { line: i + 1, column: name }));
      return null;
    };
    const first = (names: readonly string[]) => names.find((n) => entry[n] !== undefined && entry[n] !== null);
    const int = (names: readonly string[]) => { const n = first(names); return n ? value(n, parseInteger) : null; };
    const money = (names: readonly string[]) => { const n = first(names); return n ? (value(n, parseMoney)?.amount ?? null) : null; };
    const text = (names: readonly string[]) => { const n = first(names); return n ? textOf(entry, n, i, problems, context) : null; };

    const ads = emptyAdsRow({ ad_type: shape.adType, level: shape.level, attribution_days: shape.attributionDays });
    ads.date_from = value(first(['date', 'startDate']) ?? 'date', parseDate);
    ads.date_to = value(first(['date', 'endDate']) ?? 'date', parseDate);
    if (!ads.date_from || !ads.date_to) {
      problems.push(fileProblem('entry_without_date', { line: i + 1 }, { code: 'missing_value', file: context.file, line: i + 1, column: 'date' }));
    }
    for (const id of idColumns) textOf(entry, id, i, problems, context); // refuses ids that lost digits
    // v3 reports name campaigns and ad groups by id unless the names were requested
    for (const [field, names] of Object.entries(dimensionColumns)) ads[field] = cleanText(text(names));
    ads.advertised_asin = upperOrNull(ads.advertised_asin);
    ads.purchased_asin = upperOrNull(ads.purchased_asin);
    ads.impressions = int(viewBilled(entry) ? ['impressionsViews', 'impressions'] : ['impressions']);
    ads.clicks = int(['clicks']);
    ads.spend = money(measures.spend);
    ads.sales = money(measures.sales);
    ads.orders = int(measures.orders);
    ads.units = int(measures.units);
    ads.sales_same_sku = money(measures.sales_same_sku);
    ads.units_same_sku = int(measures.units_same_sku);
    ads.sales_other_sku = money(measures.sales_other_sku);
    ads.units_other_sku = int(measures.units_other_sku);
    // SP purchased product: its orders are the other-SKU purchases (purchasesOtherSku7d), as the console report's
    if (shape.level === 'purchased_product' && shape.adType === 'SP') ads.orders = int([`purchasesOtherSku${shape.attributionDays}d`]);
    ads.currency = upperOrNull(text(['campaignBudgetCurrencyCode']));
    if (ads.currency) currencies.add(ads.currency);
    return ads;
  });
  return { rows: out.length, tables: { ads: out }, period: periodOfRows(out), evidence: { currencies: [...currencies] }, problems };
}

/** SD vCPM campaigns are billed per viewable impression, which is then their impression count. */
function viewBilled(entry: Json): boolean {
  return typeof entry.costType === 'string' && /vcpm/i.test(entry.costType);
}

/** Text of a dimension; a numeric id beyond 2^53 has already lost digits in JSON.parse, so it is refused, not stored wrong. */
function textOf(entry: Json, name: string, i: number, problems: Problem[], context: FamilyContext): string | null {
  const raw = entry[name];
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'string') return raw.trim() || null;
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return String(raw);
  if (typeof raw === 'number' && Number.isInteger(raw)) {
    if (problems.some((p) => p.line === i + 1 && p.column === name)) return null;
    problems.push(fileProblem('id_too_long', { line: i + 1, column: name, value: String(raw) }, { code: 'bad_value', file: context.file, line: i + 1, column: name }));
    return null;
  }
  return typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : JSON.stringify(raw);
}
