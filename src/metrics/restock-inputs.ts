import type { Database, SqlParam } from '../store/database.ts';
import { notCancelled } from './order-status.ts';
import { addDays } from '../domain/calendar.ts';
import { whereEqual } from './where-equal.ts';

/**
 * What the restock plan reads (issue 22), per store × marketplace × SKU: units sold per day (order items, not
 * cancelled), the days out of stock (a snapshot day whose largest `available` is 0), the event days (deals and
 * coupons of the SKU's ASIN or of every ASIN, and the special periods such as Prime Day), the latest snapshot's
 * available and FBA inbound units, POs not received yet, lead times by leg, and the received POs' lead times.
 */
export interface RestockScope {
  store?: string | undefined;
  marketplace?: string | undefined;
  sku?: string | undefined;
  asin?: string | undefined;
}

export interface SkuDemand {
  store: string;
  marketplace: string;
  sku: string;
  asin: string | null;
  firstDay: string | null;
  days: { date: string; units: number }[];
  stockoutDays: Set<string>;
  eventDays: Set<string>;
  /** the latest snapshot: its day, available, and the FBA inbound leg (working + shipped + receiving); null without one */
  snapshot: { date: string; available: number; inbound: number } | null;
}

export interface OpenOrder {
  store: string;
  sku: string;
  marketplace: string | null;
  supplier: string | null;
  units: number;
}

export interface LeadTimeRow {
  store: string;
  supplier: string;
  sku: string;
  freight_mode: string;
  production_days: number;
  freight_days: number;
  inbound_days: number | null;
  lead_time_sd_days: number | null;
  moq: number | null;
  carton_quantity: number | null;
}

export interface ReceivedOrder {
  store: string;
  supplier: string | null;
  sku: string;
  ordered_date: string;
  promised_date: string | null;
  received_date: string;
  quantity: number;
  received_quantity: number | null;
}

function where(scope: RestockScope, columns: { sku?: string; marketplace?: string; asin?: string }, extra: string[] = []): { sql: string; params: SqlParam[] } {
  return whereEqual([['store', scope.store], [columns.marketplace, scope.marketplace], [columns.sku, scope.sku], [columns.asin, scope.asin]], extra);
}

const key = (store: unknown, marketplace: unknown, sku: unknown) => `${String(store)}\u0000${String(marketplace)}\u0000${String(sku)}`;

/** Demand history of every SKU × marketplace in scope from `since` to `until` (inclusive). */
export async function skuDemand(db: Database, scope: RestockScope, since: string, until: string): Promise<SkuDemand[]> {
  const out = new Map<string, SkuDemand>();
  const entry = (store: unknown, marketplace: unknown, sku: unknown, asin: unknown): SkuDemand => {
    const k = key(store, marketplace, sku);
    let e = out.get(k);
    if (!e) {
      e = { store: String(store), marketplace: String(marketplace), sku: String(sku), asin: asin === null ? null : String(asin), firstDay: null, days: [], stockoutDays: new Set(), eventDays: new Set(), snapshot: null };
      out.set(k, e);
    }
    if (e.asin === null && asin !== null && asin !== undefined) e.asin = String(asin);
    return e;
  };
  const sold = where(scope, { sku: 'sku', marketplace: 'marketplace', asin: 'asin' }, [notCancelled(), 'sku IS NOT NULL']);
  const firsts = await db.all(
    `SELECT store, marketplace, sku, any_value(asin) AS asin, CAST(min(order_date) AS VARCHAR) AS first FROM order_items WHERE ${sold.sql} GROUP BY store, marketplace, sku`, sold.params,
  );
  for (const r of firsts) entry(r.store, r.marketplace, r.sku, r.asin).firstDay = String(r.first);
  const n = sold.params.length;
  const daily = await db.all(
    `SELECT store, marketplace, sku, CAST(order_date AS VARCHAR) AS date, sum(coalesce(quantity, 0)) AS units FROM order_items
     WHERE ${sold.sql} AND order_date BETWEEN CAST($${n + 1} AS DATE) AND CAST($${n + 2} AS DATE) GROUP BY store, marketplace, sku, order_date ORDER BY date`,
    [...sold.params, since, until],
  );
  for (const r of daily) entry(r.store, r.marketplace, r.sku, null).days.push({ date: String(r.date), units: Number(r.units) });

  const stock = where(scope, { sku: 'sku', marketplace: 'marketplace', asin: 'asin' }, ['sku IS NOT NULL', 'available IS NOT NULL']);
  const m = stock.params.length;
  const snapshots = await db.all(
    `SELECT store, marketplace, sku, any_value(asin) AS asin, CAST(snapshot_date AS VARCHAR) AS date, max(available) AS available,
            max(coalesce(inbound_working, 0) + coalesce(inbound_shipped, 0) + coalesce(inbound_receiving, 0)) AS inbound
     FROM inventory_snapshots WHERE ${stock.sql} AND snapshot_date <= CAST($${m + 1} AS DATE) GROUP BY store, marketplace, sku, snapshot_date ORDER BY date`,
    [...stock.params, until],
  );
  for (const r of snapshots) {
    const e = entry(r.store, r.marketplace, r.sku, r.asin);
    const date = String(r.date);
    if (e.firstDay === null || date < e.firstDay) e.firstDay = date;
    if (Number(r.available) === 0) e.stockoutDays.add(date);
    e.snapshot = { date, available: Number(r.available), inbound: Number(r.inbound) };
  }

  // a SKU ordered for a marketplace is planned there before its first sale (no rate yet: said, not 0)
  const ordered = where(scope, { sku: 'sku', marketplace: 'marketplace' }, ['marketplace IS NOT NULL']);
  for (const r of await db.all(`SELECT DISTINCT store, marketplace, sku FROM purchase_orders WHERE ${ordered.sql}`, ordered.params)) {
    if (scope.asin === undefined) entry(r.store, r.marketplace, r.sku, null);
  }

  // deals and coupons lift the day's sales; Prime Day and the like (special periods) lift every SKU's
  const spans = await db.all(
    `SELECT store, marketplace, asin, CAST(date_from AS VARCHAR) AS date_from, CAST(coalesce(date_to, date_from) AS VARCHAR) AS date_to
     FROM events WHERE type IN ('deal', 'coupon') AND date_from <= CAST($2 AS DATE) AND coalesce(date_to, date_from) >= CAST($1 AS DATE)
     UNION ALL
     SELECT NULL, NULL, NULL, CAST(date_from AS VARCHAR), CAST(date_to AS VARCHAR) FROM special_periods
     WHERE date_from <= CAST($2 AS DATE) AND date_to >= CAST($1 AS DATE)`,
    [since, until],
  );
  // each span as its days inside the window
  const events = spans.flatMap((s) => {
    const days: { store: unknown; marketplace: unknown; asin: unknown; date: string }[] = [];
    const first = String(s.date_from) < since ? since : String(s.date_from).slice(0, 10);
    const last = String(s.date_to) > until ? until : String(s.date_to).slice(0, 10);
    for (let d = first; d <= last; d = addDays(d, 1)) days.push({ store: s.store, marketplace: s.marketplace, asin: s.asin, date: d });
    return days;
  });
  for (const e of out.values()) {
    for (const ev of events) {
      if (ev.store !== null && ev.store !== e.store) continue;
      if (ev.marketplace !== null && ev.marketplace !== e.marketplace) continue;
      if (ev.asin !== null && ev.asin !== e.asin) continue;
      e.eventDays.add(String(ev.date).slice(0, 10));
    }
  }
  return [...out.values()].sort((a, b) => a.store.localeCompare(b.store) || a.marketplace.localeCompare(b.marketplace) || a.sku.localeCompare(b.sku));
}

/** Ordered from suppliers and not received yet (a line without a received date), per PO line. */
export async function openOrders(db: Database, scope: RestockScope): Promise<OpenOrder[]> {
  const w = where({ store: scope.store, sku: scope.sku }, { sku: 'sku' }, ['received_date IS NULL']);
  const rows = await db.all(
    `SELECT store, sku, marketplace, supplier, quantity - coalesce(received_quantity, 0) AS units FROM purchase_orders WHERE ${w.sql}`, w.params,
  );
  return rows.map((r) => ({ store: String(r.store), sku: String(r.sku), marketplace: r.marketplace === null ? null : String(r.marketplace), supplier: r.supplier === null ? null : String(r.supplier), units: Number(r.units) }));
}

export async function leadTimes(db: Database, scope: RestockScope): Promise<LeadTimeRow[]> {
  const w = where({ store: scope.store, sku: scope.sku }, { sku: 'sku' });
  const rows = await db.all(`SELECT * FROM lead_times WHERE ${w.sql} ORDER BY store, sku, supplier, freight_mode`, w.params);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    store: String(r.store), supplier: String(r.supplier), sku: String(r.sku), freight_mode: String(r.freight_mode),
    production_days: Number(r.production_days), freight_days: Number(r.freight_days), inbound_days: num(r.inbound_days),
    lead_time_sd_days: num(r.lead_time_sd_days), moq: num(r.moq), carton_quantity: num(r.carton_quantity),
  }));
}

/** PO lines received, oldest first: their lead times (ordered → received) and whether they came when promised. */
export async function receivedOrders(db: Database, scope: RestockScope): Promise<ReceivedOrder[]> {
  const w = where({ store: scope.store, sku: scope.sku }, { sku: 'sku' }, ['received_date IS NOT NULL']);
  const rows = await db.all(
    `SELECT store, supplier, sku, CAST(ordered_date AS VARCHAR) AS ordered_date, CAST(promised_date AS VARCHAR) AS promised_date,
            CAST(received_date AS VARCHAR) AS received_date, quantity, received_quantity
     FROM purchase_orders WHERE ${w.sql} ORDER BY received_date, po_id, sku`, w.params,
  );
  return rows.map((r) => ({
    store: String(r.store), supplier: r.supplier === null ? null : String(r.supplier), sku: String(r.sku), ordered_date: String(r.ordered_date),
    promised_date: r.promised_date === null ? null : String(r.promised_date), received_date: String(r.received_date),
    quantity: Number(r.quantity), received_quantity: r.received_quantity === null ? null : Number(r.received_quantity),
  }));
}

/** The last day with sales or a snapshot: the plan's "today" when none is given. */
export async function lastDataDay(db: Database, store?: string): Promise<string | null> {
  const [row] = await db.all(
    `SELECT CAST(greatest(
       (SELECT max(order_date) FROM order_items WHERE CAST($1 AS VARCHAR) IS NULL OR store = $1),
       (SELECT max(snapshot_date) FROM inventory_snapshots WHERE CAST($1 AS VARCHAR) IS NULL OR store = $1)) AS VARCHAR) AS day`,
    [store ?? null],
  );
  return row?.day === null || row?.day === undefined ? null : String(row.day);
}
