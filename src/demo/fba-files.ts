/** FBA files: Manage FBA Inventory snapshots (weekly), customer returns, monthly storage fees. */
import type { Listing } from './catalog.ts';
import { monthsOf, weeksOf, type DemoFile } from './demo-file.ts';
import { isoUtc } from './dates.ts';
import { csvLine, encodeCp1252, plainMoney } from './format.ts';
import { markets, type MarketCode } from './markets.ts';
import { listingsOf, type World } from './world.ts';

export const manageInventoryHeader = ['sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'mfn-listing-exists',
  'mfn-fulfillable-quantity', 'afn-listing-exists', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity',
  'afn-reserved-quantity', 'afn-total-quantity', 'per-unit-volume', 'afn-inbound-working-quantity', 'afn-inbound-shipped-quantity',
  'afn-inbound-receiving-quantity', 'afn-researching-quantity', 'afn-reserved-future-supply', 'afn-future-supply-buyable'];

export const customerReturnsHeader = ['return-date', 'order-id', 'sku', 'asin', 'fnsku', 'product-name', 'quantity',
  'fulfillment-center-id', 'detailed-disposition', 'reason', 'status', 'license-plate-number', 'customer-comments'];

export const storageFeesHeader = ['asin', 'fnsku', 'product-name', 'fulfillment-center', 'country-code', 'longest-side', 'median-side',
  'shortest-side', 'measurement-units', 'weight', 'weight-units', 'item-volume', 'volume-units', 'product-size-tier',
  'average-quantity-on-hand', 'average-quantity-pending-removal', 'estimated-total-item-volume', 'month-of-charge', 'storage-rate',
  'currency', 'estimated-monthly-storage-fee', 'dangerous-goods-storage-type', 'eligible-for-inventory-discount', 'qualifies-for-inventory-discount'];

/** cp1252 like the real downloads; JP titles cannot be written in cp1252, so the JP files are UTF-8. */
function encodeFba(text: string, code: MarketCode): Buffer {
  return code === 'JP' ? Buffer.from(text, 'utf8') : encodeCp1252(text);
}

const volumeCuFt = (l: Listing) => 0.12 + (l.fbaFeeMinor % 7) * 0.05;

/** Snapshots at the end of each Saturday and of the last day, dated with `--date`. */
export function writeManageInventory(world: World, store: string, code: MarketCode): DemoFile[] {
  const listings = listingsOf(world, store, code);
  const dayIndexes = [...weeksOf(world.days).map((w) => w.last)];
  return dayIndexes.map((d) => {
    const date = world.days[d] ?? '';
    const rows = listings.filter((l) => (world.traffic[l.index]?.[d]?.live ?? false) || (world.stock[l.index]?.[d]?.inboundWorking ?? 0) > 0).map((l) => {
      const s = world.stock[l.index]?.[d];
      const price = world.traffic[l.index]?.[d]?.priceMinor ?? l.priceMinor;
      const available = s?.available ?? 0; const unsellable = s?.unsellable ?? 0; const reserved = s?.reserved ?? 0;
      const inbound = (s?.inboundWorking ?? 0) + (s?.inboundShipped ?? 0) + (s?.inboundReceiving ?? 0);
      const warehouse = available + unsellable + reserved;
      // An FBA-only SKU has an unquoted empty mfn-fulfillable-quantity, as in the real file.
      return csvLine([l.sku, l.fnsku, l.asin, l.title, 'New', plainMoney(price, l.currency), 'No', null, 'Yes', String(warehouse),
        String(available), String(unsellable), String(reserved), String(warehouse + inbound), volumeCuFt(l).toFixed(2),
        String(s?.inboundWorking ?? 0), String(s?.inboundShipped ?? 0), String(s?.inboundReceiving ?? 0), '0', '0', '0'], true);
    });
    const text = [csvLine(manageInventoryHeader, true), ...rows].join('\n') + '\n';
    return { path: `${store}/${code}/inventory/Manage-FBA-Inventory-${date}.csv`, type: 'fba_manage_inventory', store, marketplace: code, date, content: encodeFba(text, code) };
  });
}

export function writeCustomerReturns(world: World, store: string, code: MarketCode): DemoFile[] {
  const rows = world.returns.filter((r) => world.listings[r.order.listing]?.store === store && world.listings[r.order.listing]?.market === code).map((r) => {
    const l = world.listings[r.order.listing];
    return csvLine([isoUtc(r.returnMs), r.order.orderId, r.order.sku, l?.asin ?? '', l?.fnsku ?? '', (l?.title ?? '').slice(0, 150),
      String(r.quantity), r.fc, r.disposition, r.reason, r.status, r.lpn], true) + (r.comment ? `,${csvLine([r.comment], true)}` : ',');
  });
  const text = [csvLine(customerReturnsHeader, true), ...rows].join('\n') + '\n';
  return [{ path: `${store}/${code}/returns/FBA-Customer-Returns.csv`, type: 'fba_customer_returns', store, marketplace: code, content: Buffer.from(text, 'utf8') }];
}

/** Storage rate per cubic foot (per cubic metre outside the US is not modelled): Q4 rates are higher. */
function storageRate(month: string, code: MarketCode): number {
  const q4 = Number(month.slice(5, 7)) >= 10;
  const base = code === 'US' ? 78 : code === 'DE' ? 26 : 140;
  return q4 ? Math.round(base * (code === 'US' ? 3.1 : 1.4)) : base;
}

export function storageFeeMonthTotals(world: World, store: string, code: MarketCode): Map<string, number> {
  const totals = new Map<string, number>();
  for (const f of writeStorageFeesRows(world, store, code)) totals.set(f.month, (totals.get(f.month) ?? 0) + f.feeMinor);
  return totals;
}

function writeStorageFeesRows(world: World, store: string, code: MarketCode): { month: string; feeMinor: number; line: string }[] {
  const out: { month: string; feeMinor: number; line: string }[] = [];
  const m = markets[code];
  for (const month of monthsOf(world.days)) {
    for (const l of listingsOf(world, store, code)) {
      const days = (world.stock[l.index] ?? []).slice(month.first, month.last + 1);
      const avg = days.reduce((a, s) => a + s.available + s.reserved, 0) / Math.max(1, days.length);
      if (avg <= 0) continue;
      const volume = volumeCuFt(l);
      const rate = storageRate(month.month, code);
      // Fee in minor units: average units × volume × rate (rate in minor units per cubic foot).
      const feeMinor = Math.round(avg * volume * rate);
      const digits = m.currency === 'JPY' ? 0 : 2;
      out.push({ month: month.month, feeMinor, line: csvLine([l.asin, l.fnsku, l.title, code === 'US' ? 'ONT8' : code === 'DE' ? 'DTM2' : 'NRT5', code,
        '18.00', '12.00', '3.00', 'inches', '2.10', 'pounds', volume.toFixed(4), 'cubic feet', 'Standard-Size', avg.toFixed(2), '0.00',
        (avg * volume).toFixed(4), month.month, (rate / 10 ** digits).toFixed(2), m.currency, (feeMinor / 10 ** digits).toFixed(4), '--', 'false', 'false'], true) });
    }
  }
  return out;
}

export function writeStorageFees(world: World, store: string, code: MarketCode): DemoFile[] {
  const rows = writeStorageFeesRows(world, store, code);
  const months = [...new Set(rows.map((r) => r.month))];
  return months.map((month) => ({
    path: `${store}/${code}/storage-fees/Monthly-Storage-Fees-${month}.csv`, type: 'fba_storage_fees', store, marketplace: code,
    content: encodeFba([csvLine(storageFeesHeader, true), ...rows.filter((r) => r.month === month).map((r) => r.line)].join('\n') + '\n', code),
  }));
}
