/** Business Report "Detail Page Sales and Traffic By Child Item", one CSV per store × marketplace × week. */
import type { Listing } from './catalog.ts';
import { weeksOf, type DemoFile } from './demo-file.ts';
import { BOM, csvLine, groupInt, localMoney, percent } from './format.ts';
import { markets, type MarketCode } from './markets.ts';
import type { OrderItem } from './order-items.ts';
import { listingsOf, type World } from './world.ts';

/** 2025+ English layout with SKU and B2B columns (FORMATS §1.1), as the US and JP stores download it. */
export const businessReportHeaderEn = ['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions – Total', 'Sessions – Total – B2B',
  'Session percentage – Total', 'Session percentage – Total – B2B', 'Page views – Total', 'Page views – Total – B2B',
  'Page views percentage – Total', 'Page views percentage – Total – B2B', 'Featured Offer (Buy Box) percentage',
  'Featured Offer (Buy Box) percentage – B2B', 'Units ordered', 'Units ordered – B2B', 'Unit Session Percentage',
  'Unit session percentage – B2B', 'Ordered Product Sales', 'Ordered product sales – B2B', 'Total order items', 'Total order items – B2B'];

/** German UI (FORMATS §1.4): only the columns documented there, as a column-reduced view. */
export const businessReportHeaderDe = ['(Übergeordnete) ASIN', '(Untergeordnete) ASIN', 'Titel', 'SKU', 'Sitzungen – Summe',
  'Sitzungen – Summe – B2B', 'Seitenaufrufe – Summe', 'Seitenaufrufe – Summe – B2B', 'Bestellte Einheiten', 'Bestellte Einheiten – B2B',
  'Durch bestellte Produkte erzielter Umsatz', 'Bestellsumme – B2B', 'Zahl der Bestellposten', 'Zahl der Bestellposten – B2B'];

interface Row {
  listing: Listing;
  sku: string;
  sessions: number; sessionsB2b: number; pageViews: number; pageViewsB2b: number; buyBoxWeighted: number;
  units: number; unitsB2b: number; sales: number; salesB2b: number; items: number; itemsB2b: number;
}

/** Units, sales and order items as the Business Report counts them: every Amazon order item, later-cancelled ones included. */
function weekRows(world: World, store: string, code: MarketCode, first: number, last: number, ordersByDay: Map<string, OrderItem[]>): Row[] {
  const rows = new Map<string, Row>();
  for (const listing of listingsOf(world, store, code)) {
    const t = (world.traffic[listing.index] ?? []).slice(first, last + 1);
    const base = { listing, sessions: 0, sessionsB2b: 0, pageViews: 0, pageViewsB2b: 0, buyBoxWeighted: 0, units: 0, unitsB2b: 0, sales: 0, salesB2b: 0, items: 0, itemsB2b: 0 };
    for (const d of t) {
      base.sessions += d.sessions; base.sessionsB2b += d.sessionsB2b; base.pageViews += d.pageViews;
      base.pageViewsB2b += d.pageViewsB2b; base.buyBoxWeighted += d.buyBox * d.pageViews;
    }
    if (base.sessions === 0) continue;
    for (const sku of [listing.sku, listing.fbmSku]) if (sku) rows.set(sku, { ...base, sku });
  }
  for (const o of world.days.slice(first, last + 1).flatMap((day) => ordersByDay.get(day) ?? [])) {
    if (o.mcf) continue;
    const row = rows.get(o.sku);
    if (!row) continue;
    row.units += o.quantity; row.sales += o.priceMinor; row.items += 1;
    if (o.business) { row.unitsB2b += o.quantity; row.salesB2b += o.priceMinor; row.itemsB2b += 1; }
  }
  return [...rows.values()].sort((a, b) => b.units - a.units || b.sales - a.sales || a.sku.localeCompare(b.sku));
}

function renderRow(row: Row, totals: { sessions: number; sessionsB2b: number; pageViews: number; pageViewsB2b: number }, code: MarketCode): string[] {
  const m = markets[code];
  const n = (x: number) => groupInt(x, m.locale.group);
  const money = (x: number) => localMoney(x, m.currency, m.locale);
  const pct = (a: number, b: number) => percent(b > 0 ? a / b : 0);
  const l = row.listing;
  if (code === 'DE') {
    return [l.parentAsin, l.asin, l.title, row.sku, n(row.sessions), n(row.sessionsB2b), n(row.pageViews), n(row.pageViewsB2b),
      n(row.units), n(row.unitsB2b), money(row.sales), money(row.salesB2b), n(row.items), n(row.itemsB2b)];
  }
  const buyBox = row.pageViews > 0 ? row.buyBoxWeighted / row.pageViews : 0;
  return [l.parentAsin, l.asin, l.title, row.sku, n(row.sessions), n(row.sessionsB2b), pct(row.sessions, totals.sessions),
    pct(row.sessionsB2b, totals.sessionsB2b), n(row.pageViews), n(row.pageViewsB2b), pct(row.pageViews, totals.pageViews),
    pct(row.pageViewsB2b, totals.pageViewsB2b), percent(buyBox), percent(row.pageViewsB2b > 0 ? Math.min(1, buyBox + 0.01) : 0),
    n(row.units), n(row.unitsB2b), pct(row.units, row.sessions), pct(row.unitsB2b, row.sessionsB2b), money(row.sales),
    money(row.salesB2b), n(row.items), n(row.itemsB2b)];
}

/** The marketplace's order items by day, each day's in listing order: a week's are found without reading every order. */
function ordersOfDays(world: World, store: string, code: MarketCode): Map<string, OrderItem[]> {
  const byDay = new Map<string, OrderItem[]>();
  for (const o of listingsOf(world, store, code).flatMap((l) => world.ordersByListing[l.index] ?? [])) {
    const day = byDay.get(o.date);
    if (day) day.push(o);
    else byDay.set(o.date, [o]);
  }
  return byDay;
}

export function writeBusinessReports(world: World, store: string, code: MarketCode): DemoFile[] {
  const ordersByDay = ordersOfDays(world, store, code);
  return weeksOf(world.days).map((week) => {
    const rows = weekRows(world, store, code, week.first, week.last, ordersByDay);
    // Traffic shares are of the account's total; SKU rows repeat their ASIN's traffic, so count each ASIN once.
    const seen = new Set<string>();
    const totals = { sessions: 0, sessionsB2b: 0, pageViews: 0, pageViewsB2b: 0 };
    for (const r of rows) {
      if (seen.has(r.listing.asin)) continue;
      seen.add(r.listing.asin);
      totals.sessions += r.sessions; totals.sessionsB2b += r.sessionsB2b; totals.pageViews += r.pageViews; totals.pageViewsB2b += r.pageViewsB2b;
    }
    const header = code === 'DE' ? businessReportHeaderDe : businessReportHeaderEn;
    const lines = [header.join(','), ...rows.map((r) => csvLine(renderRow(r, totals, code)))];
    return {
      path: `${store}/${code}/business-report/BusinessReport-${week.from}.csv`, type: 'business_report_child', store, marketplace: code,
      from: week.from, to: week.to, content: Buffer.from(BOM + lines.join('\n'), 'utf8'),
    };
  });
}
