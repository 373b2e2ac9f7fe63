import { duckdb } from './dialect.ts';

/**
 * One source per money event (issue 26). The payments (date range) report and the settlement report hold the same
 * money events: both land in `transactions`, and profit reads each event once, by this rule (declared here only):
 *
 * 1. A settlement's lines win over the payments lines of that settlement: a payments line naming a settlement id
 *    (its `settlement id` column) is not counted where that settlement is imported with lines of the same store and
 *    marketplace (a settlement file holding some marketplaces only leaves the others' payments lines counted).
 * 2. A payments line naming no settlement id is not counted where an imported settlement covers it: same store, a
 *    marketplace the settlement has lines for, and its posted instant (the payments report always gives one) between
 *    the settlement's first and last line's (a settlement line with a posted day only spans that whole local day).
 *    Where two windows of one marketplace overlap, the one starting last decides.
 * 3. Every other line counts: every settlement line, payments lines no imported settlement covers, and payments
 *    lines naming a settlement that is not imported (that settlement's money is in no other line).
 *
 * Written as joins on store and marketplace (a hash anti join, an ASOF join): a correlated EXISTS with a range scanned
 * every pair of line and window, seconds on a million lines.
 */
export const moneySources = { settlement: 'settlement_v2', payments: 'payments_date_range' } as const;

const settlementLines = `source = '${moneySources.settlement}'`;
const paymentsLines = `source = '${moneySources.payments}'`;

/** The settlement ids imported, per store and marketplace they have lines in. */
const settlementIds = `(SELECT DISTINCT store, marketplace, settlement_id FROM transactions WHERE ${settlementLines})`;

/** The window of each imported settlement in each marketplace it has lines for: its lines' first and last posted
 * instant (a line with a day only: from the start of that local day to its end). */
const settlementCover = `(
  SELECT m.store, m.marketplace, w.from_at, w.to_at
  FROM (SELECT t.store, t.settlement_id,
               min(coalesce(t.posted_at, timezone(mk.time_zone, CAST(t.posted_date AS TIMESTAMP)))) AS from_at,
               max(coalesce(t.posted_at, timezone(mk.time_zone, CAST(t.posted_date + 1 AS TIMESTAMP)) - INTERVAL 1 MICROSECOND)) AS to_at
        FROM transactions t JOIN marketplaces mk ON mk.code = t.marketplace WHERE t.${settlementLines}
        GROUP BY t.store, t.settlement_id) w
  JOIN ${settlementIds} m ON m.store = w.store AND m.settlement_id IS NOT DISTINCT FROM w.settlement_id
)`;

// the readers store an empty cell as NULL, trimmed (row-fields.ts): no trim here, which cost a string pass over every line
const namedSettlement = (p: string) => `${p}.settlement_id`;

/** Payments line `p` names a settlement imported in its store and marketplace (rule 1). */
const namedImported = (p: string) => `EXISTS (SELECT 1 FROM ${settlementIds} s
    WHERE s.store = ${p}.store AND s.marketplace = ${p}.marketplace AND s.settlement_id = ${namedSettlement(p)})`;

/** Payments lines naming no settlement, each with the window starting last at or before it (rule 2): covered where `c.to_at` reaches it. */
const unnamedWithWindow = `(SELECT ct.*, c.to_at AS cover_to FROM (SELECT * FROM transactions WHERE ${paymentsLines} AND ${namedSettlement('transactions')} IS NULL) ct
  ${duckdb.asofLeftJoin(settlementCover, 'c', ['c.store = ct.store', 'c.marketplace = ct.marketplace'], 'ct.posted_at', 'c.from_at')})`;
const inWindow = (p: string) => `(${p}.cover_to IS NOT NULL AND ${p}.posted_at <= ${p}.cover_to)`;

/** The transaction lines profit counts: a subquery to read in place of `transactions` wherever money is summed. */
export const countedTransactions = `(
  SELECT ct.* FROM transactions ct WHERE NOT ct.${paymentsLines}
  UNION ALL SELECT ct.* FROM transactions ct WHERE ct.${paymentsLines} AND ${namedSettlement('ct')} IS NOT NULL AND NOT ${namedImported('ct')}
  UNION ALL SELECT ct.* EXCLUDE (cover_to) FROM ${unnamedWithWindow} ct WHERE NOT ${inWindow('ct')}
)`;

/** The payments lines read from a settlement instead (rules 1 and 2), as `ct`: for what the import says. */
export const setAsidePayments = `(
  SELECT ct.* FROM transactions ct WHERE ct.${paymentsLines} AND ${namedSettlement('ct')} IS NOT NULL AND ${namedImported('ct')}
  UNION ALL SELECT ct.* EXCLUDE (cover_to) FROM ${unnamedWithWindow} ct WHERE ${inWindow('ct')}
)`;
