/**
 * Which order items count: every line except those of a cancelled order. A blank status counts (the
 * files without the column have none). `order-status` is the All Orders report's column
 * (https://developer-docs.amazon.com/sp-api/docs/order-tracking-reports-attributes), read in by src/ingest/all-orders.
 * The one place the rule is written: the sales, orders and profit sources, event detection and the fee fallback read it.
 */
export const notCancelled = (alias?: string): string => `coalesce(${alias ? `${alias}.` : ''}order_status, '') <> 'Cancelled'`;
