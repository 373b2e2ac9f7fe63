import { fileProblem } from '../problems.ts';
import type { Problem } from '../../domain/errors.ts';
import type { AdLevel, AdType } from '../ads-common/ad-levels.ts';
import { cleanText, emptyAdsRow, periodOfRows, upperOrNull, type AdsRow } from '../ads-common/ads-row.ts';
import type { FamilyContext, FamilyOutput, TableInput } from '../family.ts';
import type { RowFields } from '../row-fields.ts';
import { attributionDaysOf } from './report-shape.ts';

/** Console report rows → canonical `ads` rows. Derived columns (CTR, CPC, ACoS, RoAS, rates) are not stored: the metric layer recomputes them. */
export function readConsoleRows(adType: AdType, level: AdLevel, { rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const problems = fields.problems;
  const daily = fields.has('date');
  if (!daily && !(fields.has('start_date') && fields.has('end_date'))) {
    problems.push(fileProblem('missing_date_columns', { report: { en: 'Sponsored ads report', zh: '广告报告' } }, { code: 'missing_column', file: context.file, column: 'Date' }));
    return { rows: rows.length, tables: {}, period: null, evidence: {}, problems };
  }
  const keys = { ad_type: adType, level, attribution_days: attributionDaysOf(fields.columns, adType) };
  const currencies = new Set<string>();
  const out: AdsRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const ads = emptyAdsRow(keys);
    // In the campaign report `Start Date` is the campaign's start; `Date` is the day the row counts
    ads.date_from = daily ? row.date('date') : row.date('start_date');
    ads.date_to = daily ? ads.date_from : row.date('end_date');
    if (!ads.date_from || !ads.date_to) missingDate(problems, context, row, daily);
    readDimensions(row, ads);
    readMeasures(row, ads);
    ads.currency = upperOrNull(row.text('currency')) ?? ads.currency;
    if (ads.currency) currencies.add(ads.currency);
    out.push(ads);
  }
  for (const c of fields.currencies) currencies.add(c);
  return { rows: rows.length, tables: { ads: out }, period: periodOfRows(out), evidence: { currencies: [...currencies] }, problems };
}

function missingDate(problems: Problem[], context: FamilyContext, row: RowFields, daily: boolean): void {
  if (problems.some((p) => p.line === row.line)) return; // already reported as a bad value
  const column = daily ? 'Date' : 'Start Date';
  problems.push(fileProblem('row_without_date', { line: row.line, column }, { code: 'missing_value', file: context.file, line: row.line, column }));
}

function readDimensions(row: RowFields, ads: AdsRow): void {
  ads.portfolio = cleanText(row.text('portfolio'));
  ads.campaign = cleanText(row.text('campaign'));
  ads.ad_group = cleanText(row.text('ad_group'));
  ads.targeting = cleanText(row.text('targeting'));
  ads.match_type = row.text('match_type');
  ads.search_term = cleanText(row.text('search_term'));
  ads.advertised_sku = row.text('advertised_sku');
  ads.advertised_asin = upperOrNull(row.text('advertised_asin'));
  ads.placement = row.text('placement');
  ads.purchased_asin = upperOrNull(row.text('purchased_asin'));
}

function readMeasures(row: RowFields, ads: AdsRow): void {
  ads.impressions = row.int('impressions');
  // vCPM campaigns are billed per viewable impression, which is their impression count (FORMATS §4)
  const viewable = row.int('viewable_impressions');
  if (viewable !== null && /vcpm/i.test(row.text('cost_type') ?? '')) ads.impressions = viewable;
  ads.clicks = row.int('clicks');
  const money = (field: string): string | null => {
    const m = row.money(field);
    if (m?.currency) ads.currency ??= m.currency;
    return m?.amount ?? null;
  };
  ads.spend = money('spend');
  // Totals, not the SD `- (Click)` copies: Amazon's own ACoS/RoAS in the same report divide by these
  ads.sales = money('sales');
  ads.orders = row.int('orders');
  ads.units = row.int('units');
  ads.sales_same_sku = money('sales_same_sku');
  ads.units_same_sku = row.int('units_same_sku');
  ads.sales_other_sku = money('sales_other_sku');
  ads.units_other_sku = row.int('units_other_sku');
  // the purchased-product report counts only other-SKU orders: they are its orders
  if (ads.level === 'purchased_product') ads.orders = row.int('orders_other_sku');
}
