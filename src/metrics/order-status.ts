/**
 * Which order items count: every line except those of a cancelled order. A blank status counts (the
 * files without the column have none). `order-status` is the All Orders report's column
 * (https://developer-docs.amazon.com/sp-api/docs/order-tracking-reports-attributes), read in by src/ingest/all-orders.
 * The one place the rule is written: the sales, orders and profit sources, event detection and the fee fallback read it.
 */
export const notCancelled = (alias?: string): string => `coalesce(${alias ? `${alias}.` : ''}order_status, '') <> 'Cancelled'`;

/**
 * An Amazon order line not settled yet: sold on Amazon (not a multi-channel fulfilment order), not cancelled,
 * priced, and with no settled `Order` line of its SKU in the payments report. Profit estimates its fees,
 * and the fee fallback (metrics/unsettled-orders.ts) prices the same lines from the fee tables.
 */
export const unsettledAmazonLine = (alias: string): string => `${alias}.channel = 'amazon' AND ${notCancelled(alias)} AND ${alias}.item_price IS NOT NULL
    AND lower(coalesce(${alias}.sales_channel, '')) <> 'non-amazon'
    AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.store = ${alias}.store AND t.order_id = ${alias}.order_id AND t.type = 'Order'
                       AND t.sku IS NOT DISTINCT FROM ${alias}.sku)`;
