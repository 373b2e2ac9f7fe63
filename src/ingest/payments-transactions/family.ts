import { shownValue } from '../../domain/messages.ts';
import { fileProblem } from '../problems.ts';
import { localDateOf } from '../../domain/local-date.ts';
import { marketplaceByCode, marketplaceBySalesChannel } from '../../domain/marketplaces.ts';
import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import { detectWith } from '../fba-snapshot/snapshot.ts';
import type { RowFields } from '../row-fields.ts';
import type { SourceRow } from '../table.ts';
import { paymentsTransactionAliases } from './aliases.ts';
import { canonicalType, transactionLocale } from './locale.ts';
import { parsePostedTime, type LocaleDateShape } from './posted-time.ts';

const aliases = new AliasIndex(paymentsTransactionAliases);
const moneyFields = [
  'product_sales', 'product_sales_tax', 'shipping_credits', 'gift_wrap_credits', 'promotional_rebates', 'points_cost', 'marketplace_withheld_tax',
  'shipping_credits_tax', 'gift_wrap_credits_tax', 'promotional_rebates_tax',
  'selling_fees', 'fba_fees', 'other_transaction_fees', 'other', 'total',
] as const;

/** Payments → Date Range Reports → Transaction (FORMATS §10): a few preamble lines, then the header, in the UI language. */
export const paymentsDateRangeTransactions: TableFamily = {
  type: 'payments_date_range',
  name: { en: 'Payments date range report: Transaction', zh: '付款日期范围报告：交易' },
  format: 'table',
  writes: [{ table: 'transactions', dateFrom: 'posted_date', dateTo: 'posted_date', guardKey: 'order_id' }],
  // a unified account's lines name their marketplace (amazon.co.uk, amazon.de …): imported split per marketplace
  splitsByMarketplace: true,
  aliases,
  required: ['posted_at', 'type', 'product_sales', 'total'],
  filled: { posted_at: 'refuse', type: 'refuse', product_sales: 'refuse', selling_fees: 'refuse', total: 'refuse' },
  detect: detectTransactions,
  read,
};

/** The date, type and total columns and a settlement or order id column: the nl, sv, pl and tr headers in the
 * sources name no settlement id column (README "Localized headers"), the others have both. */
function detectTransactions(header: Parameters<TableFamily['detect']>[0]): number | false {
  return detectWith(aliases, ['posted_at', 'type', 'total', 'settlement_id'])(header)
    || detectWith(aliases, ['posted_at', 'type', 'total', 'order_id', 'product_sales'])(header);
}

function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const { fields } = input;
  const locale = transactionLocale(fields.columns.get('posted_at')?.key);
  fields.decimalHint = locale.decimal;
  const channels = salesChannels(input.rows, fields, context);
  const rows = rowsToDate(input, context, channels.length > 0);
  if (!rows) return { rows: input.rows.length, tables: { transactions: [] }, period: null, evidence: {}, problems: [] };
  const out: CanonicalRow[] = [];
  const days: string[] = [];
  // Service fees and transfers name no marketplace: the file's own (or --marketplace's) zone dates them
  const fileZone = (channels.length === 1 ? marketplaceBySalesChannel(channels[0] ?? '')?.timeZone : undefined)
    ?? (context.options.marketplace ? marketplaceByCode(context.options.marketplace)?.timeZone : undefined) ?? 'America/Los_Angeles';
  for (const source of rows) {
    const row = fields.row(source);
    const posted = postedOf(row, fields, context.file, locale.dates);
    if (!posted) continue;
    const channel = row.text('marketplace');
    const named = channel ? marketplaceBySalesChannel(channel) : undefined;
    const money = amounts(row);
    const postedDate = localDateOf(posted, named?.timeZone ?? zoneOfCurrency(money.currency, channels) ?? fileZone);
    days.push(postedDate);
    out.push({
      posted_at: posted.toISOString(), posted_date: postedDate,
      settlement_id: row.text('settlement_id'), type: canonicalType(row.text('type')), order_id: row.text('order_id'), sku: row.text('sku'),
      description: row.text('description'), quantity: row.int('quantity'), fulfillment: row.text('fulfillment'),
      ...money, source: 'payments_date_range', marketplace: named?.code ?? null,
    });
  }
  days.sort();
  return {
    rows: input.rows.length, tables: { transactions: out },
    period: days.length > 0 ? { from: days[0] ?? '', to: days[days.length - 1] ?? '' } : null,
    evidence: { salesChannels: channels, currencies: [...fields.currencies] },
    problems: fields.problems,
  };
}

/** A line naming no marketplace in a file naming several (a unified account): the zone of the one of them its currency is. */
function zoneOfCurrency(currency: unknown, channels: readonly string[]): string | undefined {
  if (channels.length < 2 || typeof currency !== 'string') return undefined;
  const zones = new Set(channels.map((c) => marketplaceBySalesChannel(c)).filter((m) => m?.currency === currency).map((m) => m?.timeZone));
  return zones.size === 1 ? [...zones][0] : undefined;
}

/** Lines held while a file read in batches has named no marketplace: the first that does dates them. */
const waitRows = 100_000;

/**
 * The lines to date now: a line naming no marketplace is dated in the file's zone, which a later
 * line may name, so a file read in batches holds them (up to `waitRows`) until one does or it ends.
 */
function rowsToDate(input: TableInput, context: FamilyContext, zoneKnown: boolean): readonly SourceRow[] | undefined {
  const { batch } = context;
  if (!batch) return input.rows;
  const waiting = (batch.state.waiting as SourceRow[] | undefined) ?? [];
  for (const row of input.rows) waiting.push(row);
  if (!zoneKnown && !batch.last && waiting.length < waitRows) {
    batch.state.waiting = waiting;
    return undefined;
  }
  batch.state.waiting = [];
  return waiting;
}

/** The marketplaces the lines name (`amazon.de`), lower-cased; read in batches, those of the batches so far too. */
function salesChannels(rows: TableInput['rows'], fields: TableInput['fields'], context: FamilyContext): string[] {
  const channels = (context.batch?.state.channels as Set<string> | undefined) ?? new Set<string>();
  if (context.batch) context.batch.state.channels = channels;
  for (const source of rows) {
    const channel = fields.row(source).text('marketplace');
    if (channel && marketplaceBySalesChannel(channel)) channels.add(channel.toLowerCase());
  }
  return [...channels];
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

function postedOf(row: RowFields, fields: TableInput['fields'], file: string, shapes: readonly LocaleDateShape[]): Date | undefined {
  const text = row.text('posted_at') ?? '';
  const instant = parsePostedTime(text, shapes);
  if (!instant) {
    const column = fields.columns.get('posted_at')?.original ?? 'date/time';
    fields.problems.push(fileProblem('bad_posted_time', { line: row.line, column, value: shownValue(text) }, { code: 'bad_value', file, line: row.line, column }));
  }
  return instant;
}
