/**
 * The demo seller's purchasing files (issue 22): suppliers, lead times, PO lines and batches, one PO and one batch
 * per FBA shipment of the stock simulation (plus an opening batch for the stock on the first day). Two stories:
 * the textiles supplier (towels, pillow covers) delivers 8–18 days after its promise and short, and one door-mat
 * batch (US) comes back DEFECTIVE far more often than the mat's other batches.
 */
import type { Listing } from './catalog.ts';
import { addDays } from './dates.ts';
import type { DemoFile } from './demo-file.ts';
import type { OrderItem } from './order-items.ts';
import { BOM, csvLine } from './format.ts';
import type { StoreId } from './markets.ts';
import { Random } from './random.ts';
import type { Shipment } from './stock.ts';
import type { World } from './world.ts';
import type { ReturnItem } from './feedback.ts';

const suppliers: Record<StoreId, readonly { code: string; name: string; contact: string; families: readonly string[] }[]> = {
  'acme-home': [
    { code: 'SUP-NB', name: '宁波恒达地垫厂', contact: '王女士', families: ['BM', 'KM', 'DM', 'SL'] },
    { code: 'SUP-NT', name: '南通家纺有限公司', contact: '陈先生', families: ['TW', 'PC', 'SC'] },
    { code: 'SUP-YW', name: '义乌收纳用品厂', contact: '李先生', families: ['SO', 'DD', 'LB'] },
  ],
  'acme-outdoor': [
    { code: 'SUP-XM', name: '厦门户外用品有限公司', contact: 'Ms Lin', families: ['CC', 'PB', 'DB'] },
    { code: 'SUP-SZ', name: '深圳明光电子', contact: 'Mr Zhou', families: ['HL', 'TP', 'WB'] },
  ],
};
/** The late one: promises the usual lead time, delivers 8–18 days after it, and ships about 4% short. */
export const lateSupplier = 'SUP-NT';
/** The bad batch's listing: acme-home's first door mat in the US; its batch received about 150 days before today. */
const badBatchFamily = 'DM';

const production = 25;
const seaDays = { US: 30, DE: 38, JP: 18 } as const;
const airDays = { US: 7, DE: 8, JP: 4 } as const;
const inboundDays = 8;

function supplierOf(l: Listing): string {
  return suppliers[l.store].find((s) => s.families.includes(l.familyCode))?.code ?? suppliers[l.store][0]?.code ?? '';
}

const leadTime = (l: Listing) => production + seaDays[l.market] + inboundDays;

interface Lot {
  batchId: string;
  poId: string | null;
  shipment: Shipment | null;
  units: number;
  received: string;
}

/** The listing's lots in receipt order: the stock of the first day, then each shipment received by today. */
function lotsOf(world: World, l: Listing): Lot[] {
  const day0 = world.days[0] ?? world.start;
  const first = world.stock[l.index]?.[0];
  const soldDay0 = fbaSales(world, l).filter((o) => o.date === day0).reduce((s, o) => s + o.quantity, 0);
  const opening = first ? first.available + first.reserved + soldDay0 : 0;
  const received = world.shipments.filter((s) => s.listing === l.index && s.arrival < world.days.length).sort((a, b) => a.arrival - b.arrival);
  return [
    { batchId: `LOT-${l.productCode}-${l.market}-00`, poId: null, shipment: null, units: opening, received: day0 },
    ...received.map((s, k) => ({ batchId: `LOT-${l.productCode}-${l.market}-${String(k + 1).padStart(2, '0')}`, poId: poIdOf(l, k + 1), shipment: s, units: s.quantity, received: world.days[s.arrival] ?? day0 })),
  ];
}

const poIdOf = (l: Listing, k: number) => `PO-${l.productCode}-${l.market}-${String(k).padStart(2, '0')}`;

function fbaSales(world: World, l: Listing): OrderItem[] {
  return (world.ordersByListing[l.index] ?? []).filter((o) => o.status !== 'Cancelled' && o.channel === 'Amazon' && !o.mcf && o.sku === l.sku);
}

/** The bad batch's orders: FIFO over the lots, the orders whose first unit came from it. */
function badBatchOrders(world: World): { listing: Listing; lot: Lot; orders: OrderItem[] } | null {
  const listing = world.listings.find((l) => l.store === 'acme-home' && l.market === 'US' && l.familyCode === badBatchFamily);
  if (!listing) return null;
  const lots = lotsOf(world, listing);
  const target = addDays(world.today, -150);
  const bad = lots.slice(1).reduce<Lot | null>((best, lot) => (!best || Math.abs(dayDiff(lot.received, target)) < Math.abs(dayDiff(best.received, target)) ? lot : best), null);
  if (!bad) return null;
  const orders: OrderItem[] = [];
  let cursor = 0;
  let left = lots[0]?.units ?? 0;
  for (const o of fbaSales(world, listing)) {
    while (left <= 0 && cursor + 1 < lots.length && (lots[cursor + 1]?.received ?? '') <= o.date) {
      cursor++;
      left = lots[cursor]?.units ?? 0;
    }
    if (left <= 0) continue;
    if (lots[cursor] === bad) orders.push(o);
    left -= o.quantity;
  }
  return { listing, lot: bad, orders };
}

const dayDiff = (a: string, b: string) => (Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

/** The bad batch's extra returns: about one order in eight comes back DEFECTIVE ("arrived broken"), from its own random stream. */
export function badBatchReturns(world: World): ReturnItem[] {
  const bad = badBatchOrders(world);
  if (!bad) return [];
  const rng = Random.stream(world.seed, 'bad-batch');
  const already = new Set(world.returns.map((r) => r.order.orderId));
  const out: ReturnItem[] = [];
  for (const order of bad.orders) {
    if (already.has(order.orderId) || !rng.chance(0.12)) continue;
    const date = addDays(order.date, rng.int(5, 20));
    if (date > world.today) continue;
    out.push({
      returnMs: Date.parse(`${date}T18:00:00Z`) + rng.int(0, 3_600_000), date, order, quantity: 1, reason: 'DEFECTIVE', disposition: 'DEFECTIVE',
      status: 'Unit returned to inventory', fc: rng.pick(['TUS1', 'LAS2', 'ONT8']), lpn: `LPN${rng.chars(2, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${rng.digits(9)}`,
      comment: rng.chance(0.6) ? 'arrived broken, the backing peels off' : '',
    });
  }
  return out;
}

function csvFile(path: string, type: string, store: string, header: readonly string[], rows: string[][]): DemoFile {
  return { path, type, store, marketplace: '', content: Buffer.from(BOM + [header.join(','), ...rows.map((r) => csvLine(r))].join('\r\n') + '\r\n', 'utf8') };
}

export function writePurchasing(world: World, store: StoreId): DemoFile[] {
  const listings = world.listings.filter((l) => l.store === store);
  const supplierRows = suppliers[store].map((s) => [s.code, s.name, s.contact, 'CN', 'CNY']);
  const leadRows = listings.flatMap((l) => [
    [supplierOf(l), l.sku, '海运', String(production), String(seaDays[l.market]), String(inboundDays), '', '300', '20'],
    [supplierOf(l), l.sku, '空运', String(production), String(airDays[l.market]), '5', '', '300', '20'],
  ]);
  const poRows: string[][] = [];
  const batchRows: string[][] = [];
  for (const l of listings) {
    const supplier = supplierOf(l);
    const late = supplier === lateSupplier;
    const all = world.shipments.filter((s) => s.listing === l.index).sort((a, b) => a.arrival - b.arrival);
    all.forEach((s, k) => {
      const arrival = addDays(world.start, s.arrival);
      const lateBy = late ? 8 + ((k * 7 + l.index) % 11) : 0;
      const ordered = addDays(arrival, -(leadTime(l) + lateBy));
      if (ordered > world.today || ordered < world.start) return;
      const promised = addDays(ordered, leadTime(l));
      const received = s.arrival < world.days.length;
      const quantity = late ? Math.round(s.quantity / 0.96) : s.quantity;
      poRows.push([poIdOf(l, k + 1), supplier, l.sku, String(quantity), received ? String(s.quantity) : '', (l.costCny).toFixed(2), 'CNY', ordered, promised, received ? arrival : '', l.market, '海运']);
    });
    for (const lot of lotsOf(world, l)) {
      batchRows.push([lot.batchId, l.sku, String(lot.units), lot.poId ?? '', lot.shipment?.id ?? '', lot.shipment ? addDays(lot.received, -(seaDays[l.market] + inboundDays + 3)) : '', lot.received, l.market]);
    }
  }
  return [
    csvFile(`${store}/master-data/suppliers.csv`, 'suppliers', store, ['供应商编码', '供应商名称', '联系人', '国家', '结算币种'], supplierRows),
    csvFile(`${store}/master-data/lead-times.csv`, 'lead_times', store, ['供应商编码', 'SKU', '运输方式', '生产周期', '运输时效', '入仓时效', '交期标准差', '最小起订量', '箱规'], leadRows),
    csvFile(`${store}/master-data/purchase-orders.csv`, 'purchase_orders', store, ['采购单号', '供应商编码', 'SKU', '采购数量', '到货数量', '采购单价', '币种', '下单日期', '承诺交期', '到货日期', '站点', '运输方式'], poRows),
    csvFile(`${store}/master-data/batches.csv`, 'batches', store, ['批次号', 'SKU', '批次数量', '采购单号', '货件号', '生产日期', '入仓日期', '站点'], batchRows),
  ];
}
