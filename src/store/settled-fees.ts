import { Decimal } from 'decimal.js';
import { addDays } from '../domain/calendar.ts';
import { countedTransactions } from './counted-transactions.ts';
import type { Database } from './database.ts';
import { currencyExponent, inMinorUnit } from '../domain/currencies.ts';

/** How far back a SKU's own settled orders speak for its fees. */
export const settledFeeDays = 90;

/**
 * A SKU's own fees as Amazon charged them on its settled orders of the last 90 days (the payments
 * report's Order lines posted in (date − 90, date]): referral rate = selling fees ÷ product sales
 * (both as charged, VAT included where prices include it), FBA fee per unit = FBA fees ÷ units.
 * Null parts where the lines cannot say (no sales, no FBA fee charged).
 */
export interface SettledFees {
  from: string;
  to: string;
  orders: number;
  units: number;
  productSales: string;
  sellingFees: string;
  fbaFees: string;
  currency: string | null;
  referralRate: Decimal | null;
  fbaPerUnit: Decimal | null;
}

export async function settledFees(db: Database, q: { store: string; marketplace: string; sku: string; date: string }): Promise<SettledFees | null> {
  const from = addDays(q.date, -(settledFeeDays - 1));
  const [row] = await db.all(
    `SELECT count(DISTINCT order_id) AS orders, CAST(sum(quantity) AS BIGINT) AS units,
            CAST(sum(product_sales) AS VARCHAR) AS sales, CAST(-sum(selling_fees) AS VARCHAR) AS selling,
            CAST(-sum(fba_fees) AS VARCHAR) AS fba, min(currency) AS currency
     FROM ${countedTransactions} t
     WHERE store = $1 AND marketplace = $2 AND sku = $3 AND type = 'Order'
       AND posted_date BETWEEN $4::DATE AND $5::DATE`,
    [q.store, q.marketplace, q.sku, from, q.date],
  );
  const orders = Number(row?.orders ?? 0);
  if (!row || orders === 0) return null;
  const sales = new Decimal(String(row.sales ?? 0));
  const selling = new Decimal(String(row.selling ?? 0));
  const fba = new Decimal(String(row.fba ?? 0));
  const units = Number(row.units ?? 0);
  const currency = row.currency === null ? null : String(row.currency);
  const digits = currencyExponent(currency);
  return {
    from, to: q.date, orders, units, productSales: sales.toFixed(digits), sellingFees: selling.toFixed(digits), fbaFees: fba.toFixed(digits),
    currency,
    referralRate: sales.gt(0) && selling.gt(0) ? selling.div(sales).toDecimalPlaces(4) : null,
    fbaPerUnit: units > 0 && fba.gt(0) ? inMinorUnit(fba.div(units), currency) : null,
  };
}
