import { Decimal } from 'decimal.js';
import { localDateOf } from '../../domain/local-date.ts';
import { shownValue } from '../../domain/messages.ts';
import { currencyDigits, marketplaceBySalesChannel, marketplaceByUniqueCurrency } from '../../domain/marketplaces.ts';
import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import { fileProblem } from '../problems.ts';
import type { RowFields } from '../row-fields.ts';
import { amountColumns, flatFilePairs, otherTransactionTypes, settlementTypes, settlementV2Aliases } from './aliases.ts';

const aliases = new AliasIndex(settlementV2Aliases);
const moneyColumns = [
  'product_sales', 'product_sales_tax', 'shipping_credits', 'shipping_credits_tax', 'gift_wrap_credits', 'gift_wrap_credits_tax',
  'promotional_rebates', 'marketplace_withheld_tax', 'selling_fees', 'fba_fees', 'other_transaction_fees', 'other',
] as const;

/**
 * Settlement report V2 (flat file V2): each amount line becomes one `transactions` line (source `settlement_v2`) with
 * its amount in the column the Payments report would give it (aliases.ts `amountColumns`) and as its total, so the
 * same profit categories and the same conservation check apply. The settlement's summary line (no transaction type)
 * is not a line: its `total-amount` is checked against the lines' sum (a warning naming both when they differ).
 * A line names its marketplace (`marketplace-name`), so a unified account's settlement imports split; the summary's
 * currency is every line's.
 */
export const settlementV2: TableFamily = {
  type: 'settlement_v2',
  name: { en: 'Settlement report V2 (flat file)', zh: '结算报告 V2' },
  format: 'table',
  writes: [{ table: 'transactions', dateFrom: 'posted_date', dateTo: 'posted_date', guardKey: 'order_id' }],
  splitsByMarketplace: true,
  aliases,
  required: ['settlement_id', 'transaction_type', 'posted_date'],
  filled: { settlement_id: 'refuse', posted_date: 'refuse' },
  detect(header) {
    const columns = aliases.resolve(header);
    if (!columns.has('settlement_id') || !columns.has('transaction_type')) return false;
    // V2 (amount-type, amount) or the older flat file (price-type, price-amount …)
    if (!(columns.has('amount_type') && columns.has('amount')) && !(columns.has('price_type') && columns.has('price_amount'))) return false;
    return columns.size;
  },
  read,
};

interface SettlementState {
  /** per settlement id: its total-amount and currency from the summary line, and the sum of its lines */
  settlements: Map<string, { total: string | null; currency: string | null; lines: Decimal }>;
}

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const state = (context.batch?.state.settlement as SettlementState | undefined) ?? { settlements: new Map() };
  if (context.batch) context.batch.state.settlement = state;
  const out: CanonicalRow[] = [];
  const channels = new Set<string>();
  const currencies = new Set<string>();
  const days: string[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const id = row.text('settlement_id') ?? '';
    const settlement = state.settlements.get(id) ?? { total: null, currency: null, lines: new Decimal(0) };
    state.settlements.set(id, settlement);
    const currency = row.text('currency')?.toUpperCase() ?? null;
    if (currency) {
      settlement.currency ??= currency;
      currencies.add(currency);
    }
    const type = row.text('transaction_type');
    if (!type) {
      // the summary line: the settlement's total, and nothing else
      settlement.total ??= row.decimal('total_amount');
      continue;
    }
    const channel = row.text('marketplace');
    const named = channel ? marketplaceBySalesChannel(channel) : undefined;
    if (named && channel) channels.add(channel);
    const amounts = amountsOf(row, fields.has('amount'));
    if (amounts.length === 0) continue;
    const posted = postedOf(row, fields, context.file);
    if (!posted) continue;
    // a line naming no marketplace (service fees, reserves) is dated in the zone of the one its currency alone names
    const zone = named?.timeZone ?? marketplaceByUniqueCurrency(currency ?? settlement.currency ?? '')?.timeZone ?? 'UTC';
    const postedDate = posted.date ?? localDateOf(posted.at ?? new Date(0), zone);
    days.push(postedDate);
    for (const { amount, amountType, description } of amounts) {
      settlement.lines = settlement.lines.plus(amount);
      const column = columnOf(amountType, description);
      const money: CanonicalRow = Object.fromEntries(moneyColumns.map((c) => [c, c === column ? amount : null]));
      out.push({
        posted_at: posted.at ? posted.at.toISOString() : null, posted_date: postedDate,
        settlement_id: id || null, type: typeOf(type, amountType), order_id: row.text('order_id'), sku: row.text('sku'),
        description: description ?? amountType, quantity: row.int('quantity'), fulfillment: row.text('fulfillment'),
        ...money, total: amount, currency: currency ?? settlement.currency, source: 'settlement_v2', marketplace: named?.code ?? null,
      });
    }
  }
  const problems = [...fields.problems];
  if (!context.batch || context.batch.last) {
    for (const [id, s] of state.settlements) {
      if (s.total === null || s.lines.equals(s.total)) continue;
      const digits = currencyDigits(s.currency ?? '');
      const [lines, total] = [s.lines.toFixed(digits), new Decimal(s.total).toFixed(digits)];
      problems.push(fileProblem('settlement_total', { id, lines, currency: s.currency ?? '', total }, { severity: 'warning', file: context.file }));
    }
  }
  days.sort();
  return {
    rows: rows.length, tables: { transactions: out },
    period: days.length > 0 ? { from: days[0] ?? '', to: days.at(-1) ?? '' } : null,
    evidence: { salesChannels: [...channels], currencies: [...currencies] },
    problems,
  };
}

/** A line's amounts: V2's one (amount-type, amount-description, amount), or each filled amount column of the older layout. */
function amountsOf(row: RowFields, v2: boolean): { amount: string; amountType: string; description: string | null }[] {
  if (v2) {
    const amount = row.decimal('amount');
    return amount === null ? [] : [{ amount, amountType: row.text('amount_type') ?? '', description: row.text('amount_description') }];
  }
  const amounts: { amount: string; amountType: string; description: string | null }[] = [];
  for (const pair of flatFilePairs) {
    const amount = row.decimal(pair.amount);
    if (amount === null) continue;
    amounts.push({ amount, amountType: pair.amountType, description: pair.kind ? row.text(pair.kind) : null });
  }
  return amounts;
}

function columnOf(amountType: string, description: string | null): string {
  const columns = amountColumns[amountType];
  if (!columns) return 'other';
  return (description ? columns[description] : undefined) ?? columns['*'] ?? 'other';
}

function typeOf(type: string, amountType: string): string {
  if (type === 'other-transaction') return otherTransactionTypes[amountType] ?? type;
  return settlementTypes[type] ?? type;
}

/** `2023-01-03 10:00:00 UTC`, `2025-06-09T05:23:19+00:00`: an instant; `2026-02-03` or `03.01.2023`: a day as written. */
const instant = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})$/;
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const dottedDay = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function postedOf(row: RowFields, fields: TableInput['fields'], file: string): { at: Date | null; date: string | null } | undefined {
  for (const field of ['posted_at', 'posted_date'] as const) {
    const text = row.text(field);
    if (!text) continue;
    const m = instant.exec(text);
    if (m) {
      const zone = m[3] === 'UTC' || m[3] === 'Z' ? 'Z' : (m[3] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
      const at = new Date(`${m[1]}T${m[2]}${zone}`);
      if (!Number.isNaN(at.getTime())) return { at, date: null };
    }
    const day = isoDay.exec(text);
    if (day) return { at: null, date: text };
    const dotted = dottedDay.exec(text);
    if (dotted) return { at: null, date: `${dotted[3]}-${dotted[2]}-${dotted[1]}` };
    if (field === 'posted_date' || !row.text('posted_date')) {
      const column = fields.columns.get(field)?.original ?? field;
      fields.problems.push(fileProblem('settlement_bad_date', { line: row.line, column, value: shownValue(text) }, { code: 'bad_value', file, line: row.line, column }));
      return undefined;
    }
  }
  const column = fields.columns.get('posted_date')?.original ?? 'posted-date';
  fields.problems.push(fileProblem('line_has_no_date', { line: row.line, column }, { code: 'bad_value', file, line: row.line, column }));
  return undefined;
}
