/** What the profit view needs beyond the reports: first-leg shipments (货件), payouts (结汇), the FBA fee preview. */
import type { DemoFile } from './demo-file.ts';
import { addDays, addMonths } from './dates.ts';
import { BOM, csvLine, minorDigits } from './format.ts';
import { DEMO_FX_TO_CNY, markets, type MarketCode, type StoreId } from './markets.ts';
import type { World } from './world.ts';

export const shipmentsHeader = ['货件号', 'SKU', '数量', '货件费用', '币种', '发货日期', '站点', '单件体积', '单件重量', '分摊方式'];
export const payoutsHeader = ['结汇日期', '站点', '结汇金额', '到账金额', '币种', '到账币种', '手续费'];
export const feePreviewHeader = ['sku', 'fnsku', 'asin', 'product-name', 'product-group', 'brand', 'fulfilled-by', 'your-price', 'sales-price',
  'longest-side', 'median-side', 'shortest-side', 'length-and-girth', 'unit-of-dimension', 'item-package-weight', 'unit-of-weight',
  'product-size-tier', 'currency', 'estimated-fee-total', 'estimated-referral-fee-per-unit', 'estimated-variable-closing-fee',
  'estimated-order-handling-fee-per-order', 'estimated-pick-pack-fee-per-unit', 'estimated-weight-handling-fee-per-unit', 'expected-fulfillment-fee-per-unit'];

/** first-leg freight per cubic metre (CNY): sea to the US and Europe, cheaper to Japan */
const freightPerCbm: Record<MarketCode, number> = { US: 1300, DE: 1500, JP: 900 };

const money = (minor: number, currency: string) => (minor / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));

function file(path: string, type: string, store: string, marketplace: string, header: readonly string[], rows: string[][], sep = ','): DemoFile {
  const body = [header, ...rows].map((r) => (sep === ',' ? csvLine(r) : r.join(sep))).join('\r\n');
  return { path, type, store, marketplace, content: Buffer.from((sep === ',' ? BOM : '') + body + '\r\n', 'utf8') };
}

/** A shipment per marketplace every quarter with 90 days of each SKU's units, split by volume. */
function shipments(world: World, store: StoreId): DemoFile {
  const rows: string[][] = [];
  const listings = world.listings.filter((l) => l.store === store);
  for (let q = 0, day = world.start; day <= world.today; q++, day = addMonths(world.start, 3 * q)) {
    for (const code of [...new Set(listings.map((l) => l.market))]) {
      const mine = listings.filter((l) => l.market === code);
      // unit volume grows with the FBA fee (a proxy for size; JP fees are in yen, about 1.5 × the US cents): 0.01–0.03 m³
      const volume = (l: (typeof mine)[number]) => Math.round(l.fbaFeeMinor * (code === 'JP' ? 2 : 3)) / 1e5;
      const units = (l: (typeof mine)[number]) => 60 + ((l.index * 37) % 140);
      const cost = mine.reduce((sum, l) => sum + units(l) * volume(l), 0) * freightPerCbm[code];
      const id = `FBA${store === 'acme-home' ? 'H' : 'O'}${code}${String(q + 1).padStart(2, '0')}`;
      for (const l of mine) {
        rows.push([id, l.sku, String(units(l)), cost.toFixed(2), 'CNY', addDays(day, -20), code, volume(l).toFixed(5), '', '体积']);
      }
    }
  }
  return file(`${store}/master-data/shipments.csv`, 'shipments', store, '', shipmentsHeader, rows);
}

/** Twice a month, Amazon's disbursement converted to CNY: 0.2 % below the mid rate and a 0.3 % provider fee. */
function payouts(world: World, store: StoreId): DemoFile {
  const rows: string[][] = [];
  for (const code of [...new Set(world.listings.filter((l) => l.store === store).map((l) => l.market))]) {
    const m = markets[code];
    const mid = Number(DEMO_FX_TO_CNY[m.currency]);
    const byPeriod = new Map<string, number>();
    for (const o of world.orders) {
      const l = world.listings[o.listing];
      if (!l || l.store !== store || l.market !== code || o.status !== 'Shipped' || o.mcf) continue;
      // paid out after the half-month it sold in (on the 18th, or the 3rd of the next month), about 55 % of sales after fees
      const key = Number(o.date.slice(8)) <= 15 ? `${o.date.slice(0, 8)}18` : `${addMonths(`${o.date.slice(0, 7)}-01`, 1).slice(0, 8)}03`;
      byPeriod.set(key, (byPeriod.get(key) ?? 0) + Math.round(o.priceMinor * 0.55));
    }
    for (const [date, minor] of [...byPeriod].sort()) {
      if (date > world.today) continue;
      const amount = minor / 10 ** minorDigits(m.currency);
      rows.push([date, code, money(minor, m.currency), (amount * mid * 0.998).toFixed(2), m.currency, 'CNY', (amount * mid * 0.003).toFixed(2)]);
    }
  }
  return file(`${store}/master-data/payouts.csv`, 'payouts', store, '', payoutsHeader, rows);
}

/** The FBA fee preview (tab-delimited, as Amazon sends it) per marketplace: what unsettled orders are estimated with. */
function feePreview(world: World, store: StoreId, code: MarketCode): DemoFile {
  const m = markets[code];
  const rows = world.listings.filter((l) => l.store === store && l.market === code).map((l) => {
    const referral = Math.max(code === 'JP' ? 30 : 30, Math.round(l.priceMinor * 0.15));
    return [l.sku, l.fnsku, l.asin, l.title.slice(0, 80), 'Home', store, 'AMAZON', money(l.priceMinor, m.currency), money(l.priceMinor, m.currency),
      '', '', '', '', '', '', '', 'Standard-Size', m.currency, money(referral + l.fbaFeeMinor, m.currency), money(referral, m.currency),
      '0', '0', '0', '0', money(l.fbaFeeMinor, m.currency)];
  });
  return { ...file(`${store}/${code}/fba/fee-preview-${code}.txt`, 'fba_fee_preview', store, code, feePreviewHeader, rows, '\t'), date: world.today };
}

export function writeProfitFiles(world: World, store: StoreId, codes: readonly MarketCode[]): DemoFile[] {
  return [shipments(world, store), payouts(world, store), ...codes.map((code) => feePreview(world, store, code))];
}
