import { fileProblem } from '../problems.ts';
import type { Problem } from '../../domain/errors.ts';
import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import type { RowFields } from '../row-fields.ts';
import { budgetOnlyFields, spBudgetAliases } from './aliases.ts';

const aliases = new AliasIndex(spBudgetAliases);

/** It repeats the campaign report's columns, so it must outscore the campaign report whenever its own columns are there. */
const outscoresCampaignReport = 100;

/**
 * Sponsored Products budget report: per campaign and period, the daily budget, Amazon's recommended budget, the share
 * of time in budget and the estimated missed impressions, clicks and sales. Stored in `ad_budgets` only: its spend,
 * clicks and sales are the campaign report's again and must not count twice in `ads`.
 */
export const spBudgetReport: TableFamily = {
  type: 'sp_budget_report',
  name: { en: 'Sponsored Products budget report', zh: '商品推广预算报告' },
  format: 'table',
  writes: [{ table: 'ad_budgets', dateFrom: 'date_from', dateTo: 'date_to' }],
  aliases,
  required: ['campaign', 'budget'],
  detect(header) {
    const columns = aliases.resolve(header);
    const budgetColumns = budgetOnlyFields.some((f) => columns.has(f));
    return columns.has('campaign') && columns.has('budget') && budgetColumns ? columns.size + outscoresCampaignReport : false;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const problems = fields.problems;
  const daily = fields.has('date');
  if (!daily && !(fields.has('start_date') && fields.has('end_date'))) {
    problems.push(fileProblem('missing_date_columns', { report: { en: 'Budget report', zh: '预算报告' } }, { code: 'missing_column', file: context.file, column: 'Date' }));
    return { rows: rows.length, tables: {}, period: null, evidence: {}, problems };
  }
  const out: CanonicalRow[] = [];
  const days: string[] = [];
  const currencies = new Set<string>();
  for (const source of rows) {
    const row = fields.row(source);
    const from = daily ? row.date('date') : row.date('start_date');
    const to = daily ? from : row.date('end_date');
    if (!from || !to) missingDate(problems, context, row, daily ? 'date' : from ? 'end_date' : 'start_date', fields);
    if (from) days.push(from);
    if (to) days.push(to);
    const money = moneyOf(row, ['budget', 'recommended_budget', 'spend', 'sales_7d', 'missed_sales_min', 'missed_sales_max']);
    const currency = row.text('currency')?.toUpperCase() ?? money.currency;
    if (currency) currencies.add(currency);
    out.push({
      date_from: from, date_to: to, portfolio: row.text('portfolio'), campaign: row.text('campaign'), status: row.text('status'),
      targeting_type: row.text('targeting_type'), bidding_strategy: row.text('bidding_strategy'),
      budget: money.amounts.budget ?? null, recommended_budget: money.amounts.recommended_budget ?? null,
      avg_time_in_budget: row.percent('avg_time_in_budget'),
      impressions: row.int('impressions'), missed_impressions_min: row.int('missed_impressions_min'), missed_impressions_max: row.int('missed_impressions_max'),
      clicks: row.int('clicks'), missed_clicks_min: row.int('missed_clicks_min'), missed_clicks_max: row.int('missed_clicks_max'),
      spend: money.amounts.spend ?? null, orders: row.int('orders_7d'), sales: money.amounts.sales_7d ?? null,
      missed_sales_min: money.amounts.missed_sales_min ?? null, missed_sales_max: money.amounts.missed_sales_max ?? null,
      attribution_days: fields.has('orders_7d') || fields.has('sales_7d') ? 7 : null, currency,
    });
  }
  for (const c of fields.currencies) currencies.add(c);
  days.sort();
  return {
    rows: rows.length, tables: { ad_budgets: out },
    period: days.length > 0 ? { from: days[0] ?? '', to: days[days.length - 1] ?? '' } : null,
    evidence: { currencies: [...currencies] }, problems,
  };
}

function moneyOf(row: RowFields, names: readonly string[]): { amounts: Record<string, string | null>; currency: string | null } {
  const amounts: Record<string, string | null> = {};
  let currency: string | null = null;
  for (const name of names) {
    const money = row.money(name);
    amounts[name] = money?.amount ?? null;
    currency ??= money?.currency ?? null;
  }
  return { amounts, currency };
}

/** An empty date cell, named by its own column (a bad value was already reported by `row.date`). */
function missingDate(problems: Problem[], context: FamilyContext, row: RowFields, field: string, fields: TableInput['fields']): void {
  if (problems.some((p) => p.line === row.line)) return;
  const column = fields.columns.get(field)?.original ?? field;
  problems.push(fileProblem('row_without_date', { line: row.line, column }, { code: 'missing_value', file: context.file, line: row.line, column }));
}
