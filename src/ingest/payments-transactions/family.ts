import { localDateOf } from '../../domain/local-date.ts';
import { marketplaceByCode, marketplaceBySalesChannel } from '../../domain/marketplaces.ts';
import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { detectWith } from '../fba-snapshot/snapshot.ts';
import type { RowFields } from '../row-fields.ts';
import { parsePostedTime } from './posted-time.ts';

/** Payments → Date Range Reports → Transaction (FORMATS §10): 7 preamble lines, then this header. */
export const paymentsTransactionAliases = {
  posted_at: ['date/time'],
  settlement_id: ['settlement id'],
  type: ['type'],
  order_id: ['order id'],
  sku: ['sku'],
  description: ['description'],
  quantity: ['quantity'],
  marketplace: ['marketplace'],
  fulfillment: ['fulfillment'],
  product_sales: ['product sales'],
  product_sales_tax: ['product sales tax'],
  shipping_credits: ['shipping credits'],
  gift_wrap_credits: ['gift wrap credits'],
  promotional_rebates: ['promotional rebates'],
  marketplace_withheld_tax: ['marketplace withheld tax', 'marketplace facilitator tax'],
  selling_fees: ['selling fees'],
  fba_fees: ['fba fees'],
  other_transaction_fees: ['other transaction fees'],
  other: ['other'],
  total: ['total'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(paymentsTransactionAliases);
const moneyFields = [
  'product_sales', 'product_sales_tax', 'shipping_credits', 'gift_wrap_credits', 'promotional_rebates', 'marketplace_withheld_tax',
  'selling_fees', 'fba_fees', 'other_transaction_fees', 'other', 'total',
] as const;

export const paymentsDateRangeTransactions: TableFamily = {
  type: 'payments_date_range',
  name: { en: 'Payments date range report: Transaction', zh: '付款日期范围报告：交易' },
  format: 'table',
  writes: [{ table: 'transactions', dateFrom: 'posted_date', dateTo: 'posted_date' }],
  aliases,
  required: ['posted_at', 'type', 'total'],
  detect: detectWith(aliases, ['posted_at', 'settlement_id', 'type', 'total']),
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const channels = new Set<string>();
  const out: CanonicalRow[] = [];
  const days: string[] = [];
  const optionZone = context.options.marketplace ? marketplaceByCode(context.options.marketplace)?.timeZone : undefined;
  for (const source of rows) {
    const row = fields.row(source);
    const channel = row.text('marketplace');
    if (channel && marketplaceBySalesChannel(channel)) channels.add(channel.toLowerCase());
    const posted = postedOf(row, fields.problems, context.file);
    if (!posted) continue;
    // Service fees and transfers name no marketplace: the file's (or --marketplace's) zone dates them
    const zone = (channel ? marketplaceBySalesChannel(channel)?.timeZone : undefined) ?? optionZone ?? 'America/Los_Angeles';
    const postedDate = localDateOf(posted, zone);
    days.push(postedDate);
    out.push({
      posted_at: posted.toISOString(), posted_date: postedDate,
      settlement_id: row.text('settlement_id'), type: row.text('type'), order_id: row.text('order_id'), sku: row.text('sku'),
      description: row.text('description'), quantity: row.int('quantity'), fulfillment: row.text('fulfillment'),
      ...amounts(row), source: 'payments_date_range',
    });
  }
  days.sort();
  return {
    rows: rows.length, tables: { transactions: out },
    period: days.length > 0 ? { from: days[0] ?? '', to: days[days.length - 1] ?? '' } : null,
    evidence: { salesChannels: [...channels], currencies: [...fields.currencies] },
    problems: fields.problems,
  };
}

/** Amounts exactly as written (`"1,234.56"` included); the currency is the value's own or the marketplace's. */
function amounts(row: RowFields): CanonicalRow {
  const result: CanonicalRow = {};
  let currency: string | null = null;
  for (const field of moneyFields) {
    const money = row.money(field);
    result[field] = money?.amount ?? null;
    currency ??= money?.currency ?? null;
  }
  return { ...result, currency };
}

function postedOf(row: RowFields, problems: FamilyOutput['problems'], file: string): Date | undefined {
  const text = row.text('posted_at') ?? '';
  const instant = parsePostedTime(text);
  if (!instant) {
    problems.push({
      code: 'bad_value', severity: 'error', file, line: row.line, column: 'date/time',
      message: `line ${row.line}, column "date/time": "${text}" is not a time such as "Feb 1, 2020 12:24:25 AM PST"`,
    });
  }
  return instant;
}
