import type { Problem } from '../domain/errors.ts';
import { fxStaleCheck } from './fx-stale.ts';
import { dataSpan } from '../store/data-span.ts';
import type { Database } from '../store/database.ts';

/**
 * Costs, first-leg freight and payouts are entered in the purchase currency (CNY mostly) and converted
 * into each marketplace's currency on the day they count: a stale rate there is `fx_stale` too
 * (issue 15.8), named with its date, wherever profit is answered.
 */
export async function costFxStale(db: Database, scope: { from?: string | undefined; to?: string | undefined; marketplace?: string | undefined }): Promise<Problem | undefined> {
  const bases = (await db.all(`SELECT DISTINCT currency FROM (SELECT currency FROM costs UNION ALL SELECT currency FROM shipments
    UNION ALL SELECT received_currency FROM payouts) c WHERE currency IS NOT NULL`)).map((r) => String(r.currency));
  if (!bases.length) return undefined;
  const quotes = (await db.all(
    `SELECT DISTINCT currency FROM marketplaces WHERE code IN (SELECT marketplace FROM transactions UNION SELECT marketplace FROM order_items)
     ${scope.marketplace ? 'AND code = $1' : ''}`, scope.marketplace ? [scope.marketplace] : [],
  )).map((r) => String(r.currency));
  const span = scope.from && scope.to ? null : await dataSpan(db);
  return fxStaleCheck(db, { from: scope.from ?? span?.first, to: scope.to ?? span?.last, bases, quotes });
}
