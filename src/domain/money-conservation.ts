import { Decimal } from 'decimal.js';
import { currencyDigits } from './marketplaces.ts';
import { feeDescriptions, otherFeeDescriptions, typesOf } from './transaction-types.ts';

/**
 * Money is conserved (issue 26): every transaction line lands in exactly one profit category, or in
 * `unclassified` (which the profit counts in other fees), and the categories sum to the file's total. A sales
 * line is split by its columns, as the profit measures split it (src/metrics/measures.ts); any other line counts
 * whole. The order of the tests is the profit view's (src/metrics/profit-facts.ts): storage and advertising by
 * description first, then transfers, sales, reimbursements, fees. Amounts keep the file's sign (money to the seller
 * positive), so a difference is money the categories miss: a column not read, or a line whose parts do not add up.
 */
export type ConservationCategory =
  | 'revenue' | 'refunds' | 'promotions' | 'referral_fees' | 'fba_fees' | 'other_fees' | 'tax'
  | 'reimbursements' | 'storage_charges' | 'advertising_charges' | 'transfers' | 'unclassified';

/** One transaction line as the importer reads it: amounts as exact decimal strings, null where the cell is empty. */
export interface TransactionLine {
  type?: unknown;
  description?: unknown;
  currency?: unknown;
  product_sales?: unknown;
  product_sales_tax?: unknown;
  shipping_credits?: unknown;
  gift_wrap_credits?: unknown;
  promotional_rebates?: unknown;
  points_cost?: unknown;
  marketplace_withheld_tax?: unknown;
  shipping_credits_tax?: unknown;
  gift_wrap_credits_tax?: unknown;
  promotional_rebates_tax?: unknown;
  selling_fees?: unknown;
  fba_fees?: unknown;
  other_transaction_fees?: unknown;
  other?: unknown;
  total?: unknown;
}

/** One currency's check: the file's total, what each category holds, and what they miss. */
export interface Conservation {
  total: string;
  categories: Partial<Record<ConservationCategory, string>>;
  /** total − Σ categories; zero when money is conserved */
  difference: string;
  /** the difference is zero in the currency's minor unit (to the cent; to the yen) */
  conserved: boolean;
  /** lines no rule classifies: counted in other fees by the profit, listed by `asterism profit --explain` */
  unclassified_lines: number;
}

/** A sales line's columns, per category (the measures' split: shipping and gift-wrap credits net in other fees). */
const salesSplit: Readonly<Record<string, readonly (keyof TransactionLine)[]>> = {
  promotions: ['promotional_rebates', 'points_cost'],
  referral_fees: ['selling_fees'],
  fba_fees: ['fba_fees'],
  other_fees: ['other_transaction_fees', 'other', 'shipping_credits', 'gift_wrap_credits'],
  // collected and passed on (marketplace facilitator): no profit, but money of the line
  tax: ['product_sales_tax', 'shipping_credits_tax', 'gift_wrap_credits_tax', 'promotional_rebates_tax', 'marketplace_withheld_tax'],
};

const likePattern = (pattern: string): RegExp =>
  new RegExp(`^${pattern.split('%').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/_/g, '.')).join('.*')}$`, 's');
const storageLike = feeDescriptions.storage.map(likePattern);
const otherFeeLike = otherFeeDescriptions.map(likePattern);
const advertising = new Set<string>(feeDescriptions.advertising);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const amount = (value: unknown): Decimal => (value === null || value === undefined || value === '' ? new Decimal(0) : new Decimal(String(value)));

/** The category of a whole line that is no sales line; undefined for a sales line (split by column). */
export function lineCategory(line: TransactionLine): ConservationCategory | undefined {
  const type = text(line.type).trim();
  const description = text(line.description).toLowerCase();
  if (storageLike.some((p) => p.test(description))) return 'storage_charges';
  if (advertising.has(description.trim())) return 'advertising_charges';
  if (typesOf.transfer.includes(type)) return 'transfers';
  if (typesOf.sales.includes(type)) return undefined;
  if (typesOf.reimbursement.includes(type)) return 'reimbursements';
  if (typesOf.fee.includes(type) || otherFeeLike.some((p) => p.test(description.trim()))) return 'other_fees';
  return 'unclassified';
}

/** The check per currency; a line naming no currency is in `fallbackCurrency` (the marketplace's). */
export function conservationOf(lines: readonly TransactionLine[], fallbackCurrency: string | null): Record<string, Conservation> {
  const sums = new Map<string, { total: Decimal; categories: Map<ConservationCategory, Decimal>; unclassified: number }>();
  for (const line of lines) {
    const currency = text(line.currency) || fallbackCurrency || '?';
    let sum = sums.get(currency);
    if (!sum) sums.set(currency, sum = { total: new Decimal(0), categories: new Map(), unclassified: 0 });
    const { categories } = sum;
    const add = (category: ConservationCategory, value: Decimal) => categories.set(category, (categories.get(category) ?? new Decimal(0)).add(value));
    sum.total = sum.total.add(amount(line.total));
    const whole = lineCategory(line);
    if (whole) {
      add(whole, amount(line.total));
      if (whole === 'unclassified') sum.unclassified += 1;
      continue;
    }
    add(text(line.type).trim() === 'Refund' ? 'refunds' : 'revenue', amount(line.product_sales));
    for (const [category, columns] of Object.entries(salesSplit)) {
      add(category as ConservationCategory, columns.reduce((s, column) => s.add(amount(line[column])), new Decimal(0)));
    }
  }
  const result: Record<string, Conservation> = {};
  for (const [currency, { total, categories, unclassified }] of sums) {
    const digits = currencyDigits(currency);
    const show = (d: Decimal) => d.toFixed(Math.max(d.decimalPlaces(), digits));
    const difference = [...categories.values()].reduce((d, v) => d.sub(v), total);
    result[currency] = {
      total: show(total),
      categories: Object.fromEntries([...categories].map(([c, v]) => [c, show(v)])),
      difference: show(difference),
      conserved: difference.toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN).isZero(),
      unclassified_lines: unclassified,
    };
  }
  return result;
}

/** Two checks of one file's parts (its batches) as one: per currency, totals and categories added, the difference worked out again. */
export function addConservation(a: Record<string, Conservation> | undefined, b: Record<string, Conservation>): Record<string, Conservation> {
  const result: Record<string, Conservation> = { ...(a ?? {}) };
  for (const [currency, next] of Object.entries(b)) {
    const before = result[currency];
    if (!before) {
      result[currency] = next;
      continue;
    }
    const digits = currencyDigits(currency);
    const show = (d: Decimal) => d.toFixed(Math.max(d.decimalPlaces(), digits));
    const total = new Decimal(before.total).add(next.total);
    const categories: Partial<Record<ConservationCategory, Decimal>> = {};
    for (const part of [before.categories, next.categories]) {
      for (const [category, value] of Object.entries(part) as [ConservationCategory, string][]) {
        categories[category] = (categories[category] ?? new Decimal(0)).add(value);
      }
    }
    const difference = Object.values(categories).reduce((d: Decimal, v) => d.sub(v ?? 0), total);
    result[currency] = {
      total: show(total),
      categories: Object.fromEntries(Object.entries(categories).map(([c, v]) => [c, show(v ?? new Decimal(0))])),
      difference: show(difference),
      conserved: difference.toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN).isZero(),
      unclassified_lines: before.unclassified_lines + next.unclassified_lines,
    };
  }
  return result;
}
