/**
 * One source per money event (issue 26). The payments (date range) report and the settlement report hold the same
 * money events: both land in `transactions`, and profit reads each event once, by this rule (declared here only):
 *
 * 1. A settlement's lines win over the payments lines of that settlement: a payments line naming a settlement id
 *    (its `settlement id` column) is not counted where that settlement is imported with lines of the same store and
 *    marketplace (a settlement file holding some marketplaces only leaves the others' payments lines counted).
 * 2. A payments line naming no settlement id is not counted where an imported settlement covers it: same store, a
 *    marketplace the settlement has lines for, and its posted instant between the settlement's first and last
 *    line's (the posted day, where either side has no time of day).
 * 3. Every other line counts: every settlement line, payments lines no imported settlement covers, and payments
 *    lines naming a settlement that is not imported (that settlement's money is in no other line).
 */
export const moneySources = { settlement: 'settlement_v2', payments: 'payments_date_range' } as const;

const settlementLines = `source = '${moneySources.settlement}'`;

/** The window of each imported settlement in each marketplace it has lines for: its lines' first and last posted instant and day. */
const settlementCover = `(
  SELECT m.store, m.marketplace, w.from_at, w.to_at, w.from_day, w.to_day
  FROM (SELECT store, settlement_id, min(posted_at) AS from_at, max(posted_at) AS to_at, min(posted_date) AS from_day, max(posted_date) AS to_day
        FROM transactions WHERE ${settlementLines} GROUP BY store, settlement_id) w
  JOIN (SELECT DISTINCT store, settlement_id, marketplace FROM transactions WHERE ${settlementLines}) m
    ON m.store = w.store AND m.settlement_id IS NOT DISTINCT FROM w.settlement_id
)`;

const namedSettlement = (p: string) => `nullif(trim(${p}.settlement_id), '')`;

/** Whether payments line `p` (an alias of `transactions`) is read from a settlement instead (rules 1 and 2). */
export const coveredBySettlement = (p: string): string => `CASE WHEN ${namedSettlement(p)} IS NOT NULL
    THEN EXISTS (SELECT 1 FROM transactions s WHERE s.${settlementLines} AND s.store = ${p}.store AND s.marketplace = ${p}.marketplace AND s.settlement_id = ${namedSettlement(p)})
    ELSE EXISTS (SELECT 1 FROM ${settlementCover} c WHERE c.store = ${p}.store AND c.marketplace = ${p}.marketplace
                   AND CASE WHEN ${p}.posted_at IS NOT NULL AND c.from_at IS NOT NULL THEN ${p}.posted_at BETWEEN c.from_at AND c.to_at
                            ELSE ${p}.posted_date BETWEEN c.from_day AND c.to_day END) END`;

/** The transaction lines profit counts: a subquery to read in place of `transactions` wherever money is summed. */
export const countedTransactions = `(SELECT ct.* FROM transactions ct
  WHERE ct.source <> '${moneySources.payments}' OR NOT (${coveredBySettlement('ct')}))`;
