import { feeDescriptions, typesOf } from '../domain/transaction-types.ts';

/**
 * The profit view's allocation and matching rules (SPEC §6), as data in one place. The fact sources
 * in profit-facts.ts read them; README "Profit" states them for sellers.
 */
export const profitRules = {
  /** which transaction type counts in which profit category (sales lines, reimbursements, transfers, fees),
   * every UI language's spelling with it: ONE table, src/domain/transaction-types.ts */
  transactionTypes: typesOf,
  /** account-level transaction lines that are the monthly / long-term storage charge (the payments
   * report says "FBA Inventory Storage Fee", "FBA Long-Term Storage Fee"; other languages in the same table) */
  storageCharge: { like: feeDescriptions.storage, longTermLike: feeDescriptions.longTermStorage },
  /** a storage charge posted in month P pays for the storage of month P − 1 (Amazon charges between the 7th and the 15th) */
  storageChargeLagMonths: 1,
  /** settlement "Cost of Advertising" lines (and their other languages): ads come from the ads reports, never counted twice */
  advertisingCharge: { equals: feeDescriptions.advertising },
  /** lines that only move money (disbursements, a negative balance charged to the card) and are no cost */
  transferTypes: typesOf.transfer,
  /** Amazon keeps a refund administration fee of 20 % of the referral fee; when the original order
   * line is not imported, the fee is estimated from the refunded referral: 20 % ÷ 80 % = ¼ of it */
  refundAdminShareOfRefundedReferral: '0.25',
  /** …and at most this much per unit (Amazon: the lesser of 5.00 or 20 % of the referral fee) */
  refundAdminCapPerUnit: { USD: '5.00', CAD: '5.00', GBP: '5.00', EUR: '5.00' } as Readonly<Record<string, string>>,
  /** SB spend has no child ASIN: each SB day's spend of a store × marketplace goes to its SKUs by their
   * share of ordered sales (All Orders, cancelled excluded) on the same days; no sales → unallocated */
  sbAllocation: 'ordered sales share, same store × marketplace × days',
  /** payout cost = (mid-market FX of the payout date × amount − received) + provider fee, in the received
   * currency; allocated to SKUs by their settled product sales posted since the previous payout of the
   * same store × marketplace (the first payout: since the start of its month); without a transaction
   * report for that period, by ordered sales (All Orders, cancelled excluded) */
  payoutAllocation: 'settled product sales share since the previous payout, else ordered sales share',
} as const;

/** SQL string literal of a rule value (rule values are constants of this file, never user input). */
export const lit = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** `expr IN ('a', 'b')` over rule values */
export const inList = (expr: string, values: readonly string[]): string => `${expr} IN (${values.map(lit).join(', ')})`;

/** `(expr LIKE 'a' OR expr LIKE 'b')` over rule patterns */
export const likeAny = (expr: string, patterns: readonly string[]): string => `(${patterns.map((p) => `${expr} LIKE ${lit(p)}`).join(' OR ')})`;
