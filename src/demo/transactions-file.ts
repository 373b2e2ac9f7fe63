/** Payments → Date Range Reports → Transaction CSV (US): 7 preamble lines, every field quoted, Pacific time with PST/PDT. */
import { monthsOf, type DemoFile } from './demo-file.ts';
import { addDays, localToUtcMs, paymentsDateTime } from './dates.ts';
import { BOM, csvLine, groupInt } from './format.ts';
import { adFacts, type AdFact } from './ad-metrics.ts';
import { storageFeeMonthTotals } from './fba-files.ts';
import { Random } from './random.ts';
import type { World } from './world.ts';

const preamble = [
  'Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions',
  'All amounts in USD, unless specified',
  'Definitions:',
  'Sales tax collected: Includes sales tax collected from buyers for product sales, shipping, and gift wrap.',
  'Selling fees: Includes variable closing fees and referral fees.',
  'Other transaction fees: Includes shipping chargebacks, shipping holdbacks, per-item fees  and sales tax collection fees.',
  'Other: Includes non-order transaction amounts. For more details, see the "Type" and "Description" columns for each order ID.',
];

export const transactionsHeader = ['date/time', 'settlement id', 'type', 'order id', 'sku', 'description', 'quantity', 'marketplace',
  'fulfillment', 'order city', 'order state', 'order postal', 'tax collection model', 'product sales', 'product sales tax', 'shipping credits',
  'shipping credits tax', 'gift wrap credits', 'giftwrap credits tax', 'promotional rebates', 'promotional rebates tax',
  'marketplace withheld tax', 'selling fees', 'fba fees', 'other transaction fees', 'other', 'total'];

/** `1,234.56` for amounts above 999, `-9.02`, `0` for zero, as the real report writes them. */
function amount(cents: number): string {
  if (cents === 0) return '0';
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${groupInt(Math.floor(abs / 100), ',')}.${String(abs % 100).padStart(2, '0')}`;
}

interface Line { ms: number; fields: (string | number)[] }

/** Money fields are cents from index 13 to 25; the total is their sum. */
function line(ms: number, type: string, orderId: string, sku: string, description: string, qty: string, market: string, fulfillment: string,
  place: readonly string[], model: string, money: number[]): Line {
  return { ms, fields: [type, orderId, sku, description, qty, market, fulfillment, place[0] ?? '', place[1] ?? '', place[2] ?? '', model, ...money] };
}

export function writeTransactions(world: World, store: string, facts: Map<string, AdFact> = adFacts(world)): DemoFile[] {
  const rng = Random.stream(world.seed, `transactions:${store}`);
  const lines: Line[] = [];
  for (const o of world.orders) {
    const l = world.listings[o.listing];
    if (!l || l.store !== store || l.market !== 'US' || o.mcf || o.status !== 'Shipped') continue;
    const ms = o.lastUpdatedMs;
    const referral = -Math.max(30, Math.round(o.priceMinor * 0.15));
    const fba = o.channel === 'Amazon' ? -l.fbaFeeMinor * o.quantity : 0;
    lines.push(line(ms, 'Order', o.orderId, o.sku, l.title.slice(0, 150), String(o.quantity), 'amazon.com', o.channel, o.place, 'MarketplaceFacilitator',
      [o.priceMinor, o.taxMinor, 0, 0, 0, 0, -o.discountMinor, 0, -o.taxMinor, referral, fba, 0, 0]));
  }
  for (const r of world.returns) {
    const l = world.listings[r.order.listing];
    if (!l || l.store !== store || l.market !== 'US') continue;
    const o = r.order;
    const referralBack = Math.round(Math.max(30, Math.round(o.priceMinor * 0.15)) * 0.8); // Amazon keeps 20%: refund administration fee
    lines.push(line(r.returnMs - 86_400_000 * 2, 'Refund', o.orderId, o.sku, l.title.slice(0, 150), String(o.quantity), 'amazon.com', o.channel, o.place,
      'MarketplaceFacilitator', [-o.priceMinor, -o.taxMinor, 0, 0, 0, 0, o.discountMinor, 0, o.taxMinor, referralBack, 0, 0, 0]));
  }
  // Account-level lines: storage fee for the month before, cost of advertising in chunks.
  const storage = storageFeeMonthTotals(world, store, 'US');
  for (const [month, fee] of storage) {
    const ms = localToUtcMs(addDays(`${month}-01`, 0).slice(0, 8) + '15', 3 * 3600, 'America/Los_Angeles') + 31 * 86_400_000;
    lines.push(line(ms, 'FBA Inventory Fee', '', '', 'FBA storage fee', '', 'Amazon.com', '', [], '', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -fee]));
  }
  const spendByDay = new Map<number, number>();
  for (const f of facts.values()) if (f.listing.store === store && f.listing.market === 'US') spendByDay.set(f.day, (spendByDay.get(f.day) ?? 0) + f.spendMinor);
  let owed = 0;
  world.days.forEach((day, i) => {
    owed += spendByDay.get(i) ?? 0;
    if (owed >= 50_000 || (i % 7 === 6 && owed > 0)) {
      lines.push(line(localToUtcMs(day, 6 * 3600 + rng.int(0, 3000), 'America/Los_Angeles'), 'Service Fee', '', '', 'Cost of Advertising', '', '', '', [], '', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -owed, 0]));
      owed = 0;
    }
  });
  lines.sort((a, b) => a.ms - b.ms);
  // Settlements every 14 days; each ends with a transfer of its balance.
  const startMs = localToUtcMs(world.days[0] ?? '', 0, 'America/Los_Angeles');
  const withIds: { ms: number; id: string; fields: (string | number)[] }[] = [];
  let balance = 0;
  let current = -1;
  for (const l of lines) {
    const period = Math.floor((l.ms - startMs) / (14 * 86_400_000));
    if (period !== current) {
      if (current >= 0 && balance > 0) withIds.push({ ms: l.ms - 1000, id: settlementId(current, store), fields: ['Transfer', '', '', 'To your account ending in: 339', '', '', '', '', '', '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -balance, -balance] });
      balance = 0;
      current = period;
    }
    const money = l.fields.slice(11) as number[];
    balance += money.reduce((a, b) => a + b, 0);
    withIds.push({ ms: l.ms, id: settlementId(period, store), fields: [...l.fields, money.reduce((a, b) => a + b, 0)] });
  }
  const render = (r: { ms: number; id: string; fields: (string | number)[] }) =>
    csvLine([paymentsDateTime(r.ms), r.id, ...r.fields.map((f, i) => (i >= 11 ? amount(f as number) : String(f)))], true);
  return monthsOf(world.days).map((m) => {
    const from = localToUtcMs(world.days[m.first] ?? '', 0, 'America/Los_Angeles');
    const to = localToUtcMs(addDays(world.days[m.last] ?? '', 1), 0, 'America/Los_Angeles');
    const rows = withIds.filter((r) => r.ms >= from && r.ms < to).map(render);
    const text = BOM + [...preamble.map((p) => csvLine([p], true)), csvLine(transactionsHeader, true), ...rows].join('\n') + '\n';
    return { path: `${store}/US/payments/Transactions-${m.month}.csv`, type: 'payments_transactions', store, marketplace: 'US', content: Buffer.from(text, 'utf8') };
  });
}

function settlementId(period: number, store: string): string {
  return String((store === 'acme-home' ? 13_100_000_000 : 13_200_000_000) + period * 36_331_271);
}
