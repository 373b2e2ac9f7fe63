import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { DemoFile } from './demo-file.ts';
import { buildDemoFiles } from './generate.ts';
import { headerOf, parseMoney, records } from './test-parse.ts';
import { simulateWorld, type World } from './world.ts';

let world: World;
let files: DemoFile[];
const ofType = (type: string, store?: string, market?: string) =>
  files.filter((f) => f.type === type && (!store || f.store === store) && (!market || f.marketplace === market));
const listing = (store: string, market: string, code: string) => {
  const l = world.listings.find((x) => x.store === store && x.market === market && x.productCode === code);
  if (!l) throw new Error(`no listing ${code}`);
  return l;
};
const story = (kind: string) => {
  const s = world.stories.find((x) => x.kind === kind);
  if (!s) throw new Error(`no story ${kind}`);
  return s;
};

beforeAll(() => {
  world = simulateWorld(1);
  files = buildDemoFiles(world);
});

// Headers as FORMATS.md documents them (copied from there, not from the writers).
const documented: Record<string, string> = {
  business_report_child: '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions – Total,Sessions – Total – B2B,Session percentage – Total,Session percentage – Total – B2B,Page views – Total,Page views – Total – B2B,Page views percentage – Total,Page views percentage – Total – B2B,Featured Offer (Buy Box) percentage,Featured Offer (Buy Box) percentage – B2B,Units ordered,Units ordered – B2B,Unit Session Percentage,Unit session percentage – B2B,Ordered Product Sales,Ordered product sales – B2B,Total order items,Total order items – B2B',
  all_orders: 'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tis-business-order\tpurchase-order-number\tprice-designation ',
  listings_report: 'item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\topen-date\timage-url\titem-is-marketplace\tproduct-id-type\tzshop-shipping-fee\titem-note\titem-condition\tzshop-category1\tzshop-browse-path\tzshop-storefront-feature\tasin1\tasin2\tasin3\twill-ship-internationally\texpedited-shipping\tzshop-boldface\tproduct-id\tbid-for-featured-placement\tadd-delete\tpending-quantity\tfulfillment-channel\tmerchant-shipping-group\tstatus',
  fba_customer_returns: '"return-date","order-id","sku","asin","fnsku","product-name","quantity","fulfillment-center-id","detailed-disposition","reason","status","license-plate-number","customer-comments"',
  fba_manage_inventory: '"sku","fnsku","asin","product-name","condition","your-price","mfn-listing-exists","mfn-fulfillable-quantity","afn-listing-exists","afn-warehouse-quantity","afn-fulfillable-quantity","afn-unsellable-quantity","afn-reserved-quantity","afn-total-quantity","per-unit-volume","afn-inbound-working-quantity","afn-inbound-shipped-quantity","afn-inbound-receiving-quantity","afn-researching-quantity","afn-reserved-future-supply","afn-future-supply-buyable"',
  payments_transactions: '"date/time","settlement id","type","order id","sku","description","quantity","marketplace","fulfillment","order city","order state","order postal","tax collection model","product sales","product sales tax","shipping credits","shipping credits tax","gift wrap credits","giftwrap credits tax","promotional rebates","promotional rebates tax","marketplace withheld tax","selling fees","fba fees","other transaction fees","other","total"',
};
const documentedXlsx: Record<string, string> = {
  sp_advertised_product: "'Date' | 'Portfolio name' | 'Currency' | 'Campaign Name' | 'Ad Group Name' | 'Advertised SKU' | 'Advertised ASIN' | 'Impressions' | 'Clicks' | 'Click-Thru Rate (CTR)' | 'Cost Per Click (CPC)' | 'Spend' | '7 Day Total Sales ' | 'Total Advertising Cost of Sales (ACoS) ' | 'Total Return on Advertising Spend (RoAS)' | '7 Day Total Orders (#)' | '7 Day Total Units (#)' | '7 Day Conversion Rate' | '7 Day Advertised SKU Units (#)' | '7 Day Other SKU Units (#)' | '7 Day Advertised SKU Sales ' | '7 Day Other SKU Sales '",
  sp_search_term: "'Date' | 'Portfolio name' | 'Currency' | 'Campaign Name' | 'Ad Group Name' | 'Targeting' | 'Match Type' | 'Customer Search Term' | 'Impressions' | 'Clicks' | 'Click-Thru Rate (CTR)' | 'Cost Per Click (CPC)' | 'Spend' | '7 Day Total Sales ' | 'Total Advertising Cost of Sales (ACOS) ' | 'Total Return on Advertising Spend (ROAS)' | '7 Day Total Orders (#)' | '7 Day Total Units (#)' | '7 Day Conversion Rate' | '7 Day Advertised SKU Units (#)' | '7 Day Other SKU Units (#)' | '7 Day Advertised SKU Sales ' | '7 Day Other SKU Sales '",
};

async function sheetRows(file: DemoFile): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.content as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => { rows.push((row.values as unknown[]).slice(1)); });
  return rows;
}

describe('formats', () => {
  test('CSV/TSV headers equal the documented real headers', () => {
    for (const [type, header] of Object.entries(documented)) {
      const sample = ofType(type, 'acme-home', 'US');
      expect(sample.length, type).toBeGreaterThan(0);
      const text = sample[0]!.content.toString('latin1').replace(/^\uFEFF|^ï»¿/, '');
      const lines = text.split(/\r?\n/);
      const line = type === 'payments_transactions' ? lines[7] : lines[0];
      const expected = type === 'business_report_child' ? Buffer.from(header, 'utf8').toString('latin1') : header;
      expect(line, type).toBe(expected);
    }
  });

  test('one All Listings Report per store and marketplace: every SKU with its ASIN and title, no image address (nothing to fetch)', () => {
    for (const f of ofType('listings_report')) {
      const rows = records(f, { delimiter: '\t' });
      const skus = world.listings.filter((l) => l.store === f.store && l.market === f.marketplace).flatMap((l) => [l.sku, l.fbmSku ?? []].flat());
      expect(rows.map((r) => r['seller-sku']).sort(), f.path).toEqual(skus.sort());
      expect(rows.every((r) => r['image-url'] === '' && /^B0/.test(r.asin1 ?? '') && (r['item-name'] ?? '') !== ''), f.path).toBe(true);
    }
    expect(ofType('listings_report')).toHaveLength(files.filter((f) => f.type === 'fba_manage_inventory').map((f) => `${f.store}/${f.marketplace}`)
      .filter((k, i, all) => all.indexOf(k) === i).length);
  });

  test('byte-level quirks: BOM, CRLF, cp1252, unquoted empty MFN field, preamble', () => {
    const br = ofType('business_report_child', 'acme-home', 'US')[0]!.content;
    expect([...br.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(ofType('all_orders')[0]!.content.toString('utf8')).toContain('\r\n');
    const inventory = ofType('fba_manage_inventory', 'acme-home', 'US').at(-1)!.content;
    expect(inventory.includes(0x96)).toBe(true); // en dash in cp1252
    expect(inventory.toString('latin1')).toMatch(/"No",,"Yes"/);
    const payments = ofType('payments_transactions', 'acme-home')[0]!.content.toString('utf8').replace(/^\uFEFF/, '').split('\n');
    expect(payments[0]).toMatch(/^"Includes Amazon Marketplace/);
    expect(payments[8]).toMatch(/^"[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M P[SD]T"/);
  });

  test('DE Business Report uses the German headers and 1.234,56 € money; JP uses ￥', () => {
    const de = ofType('business_report_child', 'acme-home', 'DE')[30]!;
    expect(headerOf(de)[4]).toBe('Sitzungen – Summe');
    expect(records(de)[0]?.['Durch bestellte Produkte erzielter Umsatz']).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} €$/);
    const jp = ofType('business_report_child', 'acme-outdoor', 'JP')[30]!;
    expect(records(jp)[0]?.['Ordered Product Sales']).toMatch(/^￥\d{1,3}(,\d{3})*$/);
  });

  test('ads XLSX headers, serial dates and fraction percents', async () => {
    for (const [type, header] of Object.entries(documentedXlsx)) {
      const rows = await sheetRows(ofType(type, 'acme-home', 'US')[3]!);
      expect(rows[0]?.map((h) => `'${String(h)}'`).join(' | '), type).toBe(header);
      const first = rows[1] ?? [];
      expect(first[0]).toBeInstanceOf(Date); // serial number with a date format
      expect(first[2]).toBe('USD');
    }
    const sb = await sheetRows(ofType('sb_campaign', 'acme-outdoor', 'JP')[2]!);
    expect(sb[0]).toContain('14 Day Total Sales');
    expect(sb[1]?.[2]).toBe('JPY');
    const sd = await sheetRows(ofType('sd_advertised_product', 'acme-home', 'US')[2]!);
    expect(sd[0]?.[7]).toBe('Advertised SKU');
  });

  test('Brand Analytics JSON follows the SP-API schema', () => {
    const sqp = JSON.parse(ofType('brand_analytics_sqp', 'acme-home', 'US')[0]!.content.toString()) as { reportSpecification: { reportType: string }; dataByAsin: { purchaseData: { asinPurchaseShare: number } }[] };
    expect(sqp.reportSpecification.reportType).toBe('GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT');
    expect(sqp.dataByAsin[0]?.purchaseData.asinPurchaseShare).toBeLessThanOrEqual(1);
  });
});

const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });

/** BR units per (sku, week) vs order rows of that week: cancelled rows showing 0 stood for one unit. */
function orderUnitsByWeek(store: string, market: string, from: string, to: string): Map<string, { units: number; sales: number }> {
  const out = new Map<string, { units: number; sales: number }>();
  for (const f of ofType('all_orders', store, market)) {
    for (const r of records(f, { delimiter: '\t' })) {
      if (r['sales-channel'] === 'Non-Amazon') continue;
      // Local (Pacific) order date from the UTC timestamp, as an importer would compute it.
      const date = localDate.format(new Date(r['purchase-date'] ?? ''));
      if (date < from || date > to) continue;
      const qty = Number(r.quantity);
      const units = r['order-status'] === 'Cancelled' ? Math.max(qty, 1) : qty;
      const cur = out.get(r.sku ?? '') ?? { units: 0, sales: 0 };
      cur.units += units;
      cur.sales += r['item-price'] ? Number(r['item-price']) : 0;
      out.set(r.sku ?? '', cur);
    }
  }
  return out;
}

describe('consistency', () => {
  test('weekly Business Report units equal the week\'s order quantities (cancelled included)', () => {
    const week = ofType('business_report_child', 'acme-outdoor', 'US')[20]!;
    const fromOrders = orderUnitsByWeek('acme-outdoor', 'US', week.from!, week.to!);
    const rows = records(week);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(Number(r['Units ordered']?.replace(/,/g, '')), r.SKU).toBe(fromOrders.get(r.SKU ?? '')?.units ?? 0);
      // Sales also count cancelled items whose price the file blanks, so the file's prices are a lower bound.
      expect(parseMoney(r['Ordered Product Sales'] ?? '')).toBeGreaterThanOrEqual((fromOrders.get(r.SKU ?? '')?.sales ?? 0) - 0.001);
    }
  });

  test('ad sales never exceed total sales; SQP purchases never exceed orders', async () => {
    const month = ofType('sp_advertised_product', 'acme-home', 'US')[5]!;
    const rows = (await sheetRows(month)).slice(1);
    const adSales = rows.reduce((a, r) => a + Number(r[12] ?? 0), 0);
    const dates = rows.map((r) => (r[0] as Date).toISOString().slice(0, 10));
    const from = dates.reduce((a, b) => (a < b ? a : b));
    const to = dates.reduce((a, b) => (a > b ? a : b));
    const sales = world.orders.filter((o) => world.listings[o.listing]?.store === 'acme-home' && world.listings[o.listing]?.market === 'US' && o.date >= from && o.date <= to)
      .reduce((a, o) => a + o.priceMinor / 100, 0);
    expect(adSales).toBeGreaterThan(0);
    expect(adSales).toBeLessThan(sales);
    for (const f of ofType('brand_analytics_sqp', 'acme-home', 'US').slice(0, 10)) {
      const report = JSON.parse(f.content.toString()) as { dataByAsin: { asin: string; startDate: string; endDate: string; purchaseData: { asinPurchaseCount: number } }[] };
      const byAsin = new Map<string, number>();
      for (const e of report.dataByAsin) byAsin.set(e.asin, (byAsin.get(e.asin) ?? 0) + e.purchaseData.asinPurchaseCount);
      for (const [asin, purchases] of byAsin) {
        const e = report.dataByAsin.find((x) => x.asin === asin)!;
        const orders = world.orders.filter((o) => world.listings[o.listing]?.asin === asin && world.listings[o.listing]?.market === 'US' && o.status !== 'Cancelled' && !o.mcf && o.date >= e.startDate && o.date <= e.endDate).length;
        expect(purchases).toBeLessThanOrEqual(orders);
      }
    }
  });

  test('returns reference real order ids of the same SKU', () => {
    const orderKeys = new Set<string>();
    for (const f of ofType('all_orders', 'acme-home', 'US')) for (const r of records(f, { delimiter: '\t' })) orderKeys.add(`${r['amazon-order-id']}|${r.sku}`);
    const returns = records(ofType('fba_customer_returns', 'acme-home', 'US')[0]!);
    expect(returns.length).toBeGreaterThan(50);
    for (const r of returns) expect(orderKeys.has(`${r['order-id']}|${r.sku}`)).toBe(true);
  });

  test('inventory falls with sales and rises with inbound shipments', () => {
    const l = listing('acme-home', 'US', 'BM-GRY');
    const snaps = ofType('fba_manage_inventory', 'acme-home', 'US').map((f) => ({ date: f.date!, row: records(f, { encoding: 'latin1' }).find((r) => r.sku === l.sku)! }));
    let rises = 0;
    for (let i = 1; i < snaps.length; i += 1) {
      const prev = Number(snaps[i - 1]!.row['afn-fulfillable-quantity']);
      const cur = Number(snaps[i]!.row['afn-fulfillable-quantity']);
      const arrived = world.shipments.some((s) => s.listing === l.index && world.days[s.arrival]! > snaps[i - 1]!.date && world.days[s.arrival]! <= snaps[i]!.date);
      if (cur > prev + 5) { rises += 1; expect(arrived, snaps[i]!.date).toBe(true); }
    }
    expect(rises).toBeGreaterThan(3);
  });
});

describe('stories', () => {
  test('stock-out: available 0 in the snapshots of the window, sessions continue, units 0', () => {
    const s = story('stockout');
    const l = listing(s.store, s.market, s.productCode);
    const inWindow = ofType('fba_manage_inventory', s.store, s.market).filter((f) => f.date! >= s.start && f.date! <= s.end!);
    expect(inWindow.length).toBeGreaterThan(0);
    for (const f of inWindow) expect(records(f, { encoding: 'latin1' }).find((r) => r.sku === l.sku)?.['afn-fulfillable-quantity']).toBe('0');
    const week = ofType('business_report_child', s.store, s.market).find((f) => f.from! >= s.start && f.to! <= s.end!)!;
    const row = records(week).find((r) => r.SKU === l.sku)!;
    expect(Number(row['Sessions – Total'])).toBeGreaterThan(20);
    expect(row['Units ordered']).toBe('0');
  });

  test('Buy Box loss: ~40% for two weeks', () => {
    const s = story('buy_box_loss');
    const l = listing(s.store, s.market, s.productCode);
    const week = ofType('business_report_child', s.store, s.market).find((f) => f.from! >= s.start && f.to! <= s.end!)!;
    const pct = parseFloat(records(week).find((r) => r.SKU === l.sku)?.['Featured Offer (Buy Box) percentage'] ?? '');
    expect(pct).toBeGreaterThan(35);
    expect(pct).toBeLessThan(45);
  });

  test('image change: search CTR collapses after the event date', () => {
    const s = story('image_change');
    const l = listing(s.store, s.market, s.productCode);
    const ctr = (before: boolean) => {
      type Scp = { reportSpecification: { dataStartTime: string; dataEndTime: string }; dataByAsin: { asin: string; impressionData: { impressionCount: number }; clickData: { clickCount: number } }[] };
      const reports = ofType('brand_analytics_scp', s.store, s.market).map((f) => JSON.parse(f.content.toString()) as Scp);
      const weeks = reports.filter((r) => (before ? r.reportSpecification.dataEndTime < s.start : r.reportSpecification.dataStartTime > s.start)).slice(before ? -6 : 0, before ? undefined : 6);
      expect(weeks.length).toBe(6);
      let i = 0; let c = 0;
      for (const report of weeks) {
        const e = report.dataByAsin.find((x) => x.asin === l.asin)!;
        i += e.impressionData.impressionCount; c += e.clickData.clickCount;
      }
      return c / i;
    };
    expect(ctr(false)).toBeLessThan(ctr(true) * 0.6);
    const events = records(files.find((f) => f.type === 'events' && f.store === s.store)!);
    expect(events.some((e) => e.type === 'image_change' && e.date === s.start && e.asin === l.asin)).toBe(true);
  });

  test('coupon week: promotion ids on orders and higher sales', () => {
    const s = story('coupon');
    const l = listing(s.store, s.market, s.productCode);
    const week = (from: string) => records(ofType('business_report_child', s.store, s.market).find((f) => f.from === from)!).find((r) => r.SKU === l.sku)!;
    const during = parseMoney(week(s.start)['Ordered Product Sales'] ?? '');
    const before = parseMoney(week(world.days[world.days.indexOf(s.start) - 14]!)['Ordered Product Sales'] ?? '');
    expect(during).toBeGreaterThan(before * 1.2);
    const promoted = world.orders.filter((o) => o.listing === l.index && o.promotionId !== '');
    expect(promoted.length).toBeGreaterThan(5);
    expect(promoted.every((o) => o.date >= s.start && o.date <= s.end!)).toBe(true);
  });

  test('price rise: average price +15%, conversion down', () => {
    const s = story('price_rise');
    const l = listing(s.store, s.market, s.productCode);
    const stats = (from: string, to: string) => {
      const items = world.orders.filter((o) => o.listing === l.index && o.date >= from && o.date <= to);
      const units = items.reduce((a, o) => a + o.quantity, 0);
      const sessions = (world.traffic[l.index] ?? []).slice(world.days.indexOf(from), world.days.indexOf(to) + 1).reduce((a, t) => a + t.sessions, 0);
      return { price: items.reduce((a, o) => a + o.priceMinor, 0) / units, conversion: units / sessions };
    };
    const before = stats(world.days[world.days.indexOf(s.start) - 84]!, world.days[world.days.indexOf(s.start) - 1]!);
    const after = stats(s.start, world.days[world.days.indexOf(s.start) + 83]!);
    expect(after.price / before.price).toBeGreaterThan(1.13);
    expect(after.price / before.price).toBeLessThan(1.17);
    expect(after.conversion).toBeLessThan(before.conversion * 0.9);
  });

  test('Q4 seasonality and the new listing', () => {
    const units = (month: string) => world.orders.filter((o) => o.date.startsWith(month)).reduce((a, o) => a + o.quantity, 0);
    expect(units('2025-12') / units('2026-09')).toBeGreaterThan(1.5);
    const s = story('launch');
    const l = listing(s.store, s.market, s.productCode);
    const firstSale = world.orders.find((o) => o.listing === l.index)?.date ?? '';
    expect(firstSale >= s.start).toBe(true);
    const brBefore = ofType('business_report_child', s.store, s.market).filter((f) => f.to! < s.start);
    expect(brBefore.every((f) => !records(f).some((r) => r.SKU === l.sku))).toBe(true);
  });
});
