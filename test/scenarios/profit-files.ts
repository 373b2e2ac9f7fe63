import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allOrdersHeader } from '../../src/demo/orders-file.ts';
import { sbCampaignHeader, spAdvertisedProductHeader } from '../../src/demo/ads-reports.ts';
import { storageFeesHeader } from '../../src/demo/fba-files.ts';
import { transactionsHeader } from '../../src/demo/transactions-file.ts';

/**
 * A small profit dataset in the real report layouts (FORMATS.md): two stores' worth of nothing fancy,
 * one store (default) selling on US and DE in January–February 2026. Every number of
 * src/app/profit.test.ts is worked out by hand from these files.
 *
 * Products: US-MAT (product code MAT), US-RUG (RUG), US-MUG (MUG, no cost, no fee preview), DE-MAT (MAT).
 * Orders (All Orders, UTC):
 *   O-US-1 2026-01-30 US-MAT ×2 50.00 (settled 02-02: the next month)
 *   O-US-2 2026-02-10 US-MAT ×1 25.00 (settled 02-11)
 *   O-US-3 2026-02-10 US-RUG ×1 30.00 (settled 02-12, refunded 02-14)
 *   O-US-4 2026-02-25 US-RUG ×1 30.00 Pending, unsettled: fee preview 4.50 + 6.00
 *   O-US-5 2026-02-26 US-MUG ×1 15.00 Pending, unsettled: no fee data at all
 *   O-DE-1 2026-02-03 DE-MAT ×1 23.80 EUR incl. 19 % VAT (settled 02-06, refunded 02-20)
 */
const q = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
const BOM = '\uFEFF';

const preamble = [
  'Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions',
  'All amounts in USD, unless specified', 'Definitions:',
  'Sales tax collected: Includes sales tax collected from buyers for product sales, shipping, and gift wrap.',
  'Selling fees: Includes variable closing fees and referral fees.',
  'Other transaction fees: Includes shipping chargebacks, shipping holdbacks, per-item fees  and sales tax collection fees.',
  'Other: Includes non-order transaction amounts. For more details, see the "Type" and "Description" columns for each order ID.',
];

/** one transaction line: the 13 money columns are product sales … other; the total is computed */
export function tx(time: string, type: string, order: string, sku: string, description: string, qty: string, market: string, fulfillment: string,
  m: { sales?: number; tax?: number; promo?: number; withheld?: number; selling?: number; fba?: number; otherTx?: number; other?: number }): string {
  const money = [m.sales ?? 0, m.tax ?? 0, 0, 0, 0, 0, m.promo ?? 0, 0, m.withheld ?? 0, m.selling ?? 0, m.fba ?? 0, m.otherTx ?? 0, m.other ?? 0];
  const total = money.reduce((a, b) => a + Math.round(b * 100), 0) / 100;
  return [time, '24000000001', type, order, sku, description, qty, market, fulfillment, '', '', '', 'MarketplaceFacilitator',
    ...money.map((v) => (v === 0 ? '0' : v.toFixed(2))), total.toFixed(2)].map(q).join(',');
}

/** A Date Range Transactions report (its preamble, header and these lines), as Seller Central writes it. */
export const transactionsCsv = (lines: readonly string[]): string =>
  `${BOM}${preamble.map(q).join('\n')}\n${transactionsHeader.map(q).join(',')}\n${lines.join('\n')}\n`;

function transactionsUs(): string {
  const lines = [
    tx('Feb 2, 2026 10:00:00 AM PST', 'Order', 'O-US-1', 'US-MAT', 'Kitchen mat', '2', 'amazon.com', 'Amazon',
      { sales: 50, tax: 4, promo: -2, withheld: -4, selling: -7.5, fba: -10 }),
    tx('Feb 3, 2026 6:04:20 AM PST', 'Service Fee', '', '', 'Cost of Advertising', '', '', '', { other: -99 }),
    tx('Feb 9, 2026 7:42:06 AM PST', 'FBA Inventory Fee', '', '', 'FBA Inventory Storage Fee', '', 'Amazon.com', '', { other: -12 }),
    tx('Feb 11, 2026 9:00:00 AM PST', 'Order', 'O-US-2', 'US-MAT', 'Kitchen mat', '1', 'amazon.com', 'Amazon',
      { sales: 25, tax: 2, withheld: -2, selling: -3.75, fba: -5 }),
    tx('Feb 12, 2026 9:00:00 AM PST', 'Order', 'O-US-3', 'US-RUG', 'Bath rug', '1', 'amazon.com', 'Amazon',
      { sales: 30, tax: 2.4, withheld: -2.4, selling: -4.5, fba: -6 }),
    tx('Feb 14, 2026 3:11:46 PM PST', 'Refund', 'O-US-3', 'US-RUG', 'Bath rug', '1', 'amazon.com', 'Amazon',
      { sales: -30, tax: -2.4, withheld: 2.4, selling: 3.6 }),
    tx('Feb 16, 2026 12:59:36 AM PST', 'Adjustment', '', 'US-MAT', 'FBA Inventory Reimbursement - Lost:Warehouse', '1', 'amazon.com', 'Amazon', { other: 8 }),
    tx('Feb 17, 2026 1:00:00 AM PST', 'Transfer', '', '', 'To account ending in: 123', '', '', '', { other: -500 }),
    tx('Feb 20, 2026 1:00:00 AM PST', 'Service Fee', '', '', 'Subscription Fee', '', '', '', { other: -39.99 }),
    // a refund whose order line is not in the file (sold before it): the admin fee is estimated, capped at 5.00 a unit
    tx('Feb 21, 2026 1:00:00 AM PST', 'Refund', 'O-US-9', 'US-CUP', 'Cup', '1', 'amazon.com', 'Amazon', { sales: -200, tax: -16, withheld: 16, selling: 25 }),
  ];
  return `${BOM}${preamble.map(q).join('\n')}\n${transactionsHeader.map(q).join(',')}\n${lines.join('\n')}\n`;
}

function transactionsDe(): string {
  const lines = [
    tx('Feb 6, 2026 10:00:00 AM CET', 'Order', 'O-DE-1', 'DE-MAT', 'Küchenmatte', '1', 'amazon.de', 'Amazon', { sales: 23.8, selling: -3.57, fba: -4 }),
    tx('Feb 20, 2026 10:00:00 AM CET', 'Refund', 'O-DE-1', 'DE-MAT', 'Küchenmatte', '1', 'amazon.de', 'Amazon', { sales: -23.8, selling: 2.86 }),
  ];
  return `${BOM}${preamble.map(q).join('\n')}\n${transactionsHeader.map(q).join(',')}\n${lines.join('\n')}\n`;
}

function allOrders(channel: string, currency: string, rows: [string, string, string, string, string, number, string, string][]): string {
  const line = ([id, at, status, sku, asin, qty, price, tax]: (typeof rows)[number]) => {
    const v: Record<string, string> = {
      'amazon-order-id': id, 'merchant-order-id': id, 'purchase-date': at, 'last-updated-date': at, 'order-status': status,
      'fulfillment-channel': 'Amazon', 'sales-channel': channel, 'product-name': sku, sku, asin, 'item-status': status === 'Pending' ? 'Unshipped' : 'Shipped',
      quantity: String(qty), currency, 'item-price': price, 'item-tax': tax, 'is-business-order': 'false',
    };
    return allOrdersHeader.map((h) => v[h.trim()] ?? '').join('\t');
  };
  return `${allOrdersHeader.join('\t')}\r\n${rows.map(line).join('\r\n')}\r\n`;
}

function storageReport(): string {
  const row = (asin: string, fnsku: string, month: string, fee: string) => {
    const v: Record<string, string> = {
      asin, fnsku, 'product-name': asin, 'fulfillment-center': 'TEB6', 'country-code': 'US', 'measurement-units': 'inches', 'weight-units': 'pounds',
      'volume-units': 'cubic feet', 'product-size-tier': 'Standard-Size', 'month-of-charge': month, 'storage-rate': '0.87', currency: 'USD',
      'estimated-monthly-storage-fee': fee, 'dangerous-goods-storage-type': '--', 'eligible-for-inventory-discount': 'false', 'qualifies-for-inventory-discount': 'false',
    };
    return storageFeesHeader.map((h) => q(v[h] ?? '0')).join(',');
  };
  return `${storageFeesHeader.map(q).join(',')}\n${[
    row('B0USMAT001', 'X0USMAT001', '2026-01', '3.00'), row('B0USRUG001', 'X0USRUG001', '2026-01', '1.00'),
    row('B0USMAT001', 'X0USMAT001', '2026-02', '2.50'), row('B0USRUG001', 'X0USRUG001', '2026-02', '2.50'),
  ].join('\n')}\n`;
}

function spAdvertisedProduct(): string {
  const row = (date: string, sku: string, asin: string, spend: string) => {
    const v: Record<string, string> = { Date: date, Currency: 'USD', 'Campaign Name': 'SP auto', 'Ad Group Name': 'g', 'Advertised SKU': sku, 'Advertised ASIN': asin, Impressions: '1000', Clicks: '10', Spend: spend };
    return spAdvertisedProductHeader.map((h) => q(v[h] ?? '0')).join(',');
  };
  return `${BOM}${spAdvertisedProductHeader.map(q).join(',')}\n${row('Feb 10, 2026', 'US-MAT', 'B0USMAT001', '5.00')}\n${row('Feb 12, 2026', 'US-RUG', 'B0USRUG001', '2.00')}\n`;
}

function sbCampaign(): string {
  const v: Record<string, string> = { Date: 'Feb 10, 2026', Currency: 'USD', 'Campaign Name': 'SB brand', Impressions: '5000', Clicks: '20', Spend: '6.00' };
  return `${BOM}${sbCampaignHeader.map(q).join(',')}\n${sbCampaignHeader.map((h) => q(v[h] ?? '0')).join(',')}\n`;
}

const feePreviewHeader = ['sku', 'fnsku', 'asin', 'product-name', 'product-group', 'brand', 'fulfilled-by', 'your-price', 'sales-price',
  'longest-side', 'median-side', 'shortest-side', 'length-and-girth', 'unit-of-dimension', 'item-package-weight', 'unit-of-weight',
  'product-size-tier', 'currency', 'estimated-fee-total', 'estimated-referral-fee-per-unit', 'estimated-variable-closing-fee',
  'estimated-order-handling-fee-per-order', 'estimated-pick-pack-fee-per-unit', 'estimated-weight-handling-fee-per-unit', 'expected-fulfillment-fee-per-unit'];

function feePreview(): string {
  const values = ['US-RUG', 'X0USRUG001', 'B0USRUG001', 'Bath rug', 'Home', 'Acme', 'AMAZON_NA', '30.00', '30.00', '12', '8', '2', '32', 'inches',
    '1.2', 'pounds', 'Large Standard-Size', 'USD', '10.50', '4.50', '0.00', '0.00', '0.00', '0.00', '6.00'];
  return `${feePreviewHeader.join('\t')}\n${values.join('\t')}\n`;
}

/** The SB campaign report's columns fit SB and SD alike (only new-to-brand columns say it is not SP): a seller
 * imports it with `--ad-type sb` (src/ingest/ads-console/ad-type.ts). */
export const isSbCampaignFile = (path: string): boolean => path.endsWith('sb-campaign-US.csv');

/** Writes the files; returns their paths in import order (master data first). */
export function writeProfitFiles(dir: string): string[] {
  const files: Record<string, string> = {
    'products.csv': 'sku,asin,fnsku,product_code\nUS-MAT,B0USMAT001,X0USMAT001,MAT\nUS-RUG,B0USRUG001,X0USRUG001,RUG\nUS-MUG,B0USMUG001,X0USMUG001,MUG\nDE-MAT,B0DEMAT001,X0DEMAT001,MAT\n',
    // Chinese headers; MAT is a product code (US-MAT and DE-MAT), US-RUG a seller SKU for US only
    'costs.csv': `${BOM}SKU,生效日期,币种,单位成本,单位头程运费,关税税率,站点\nMAT,2026-01-01,CNY,70.00,7.00,0.10,\nUS-RUG,2026-01-01,CNY,35.00,,0.05,US\n`,
    // FBA1 split by volume (January), FBA2 by weight (from February)
    'shipments.csv': 'shipment_id,sku,units,shipment_cost,currency,date,marketplace,unit_volume,unit_weight,allocation\n'
      + 'FBA1,US-RUG,10,400.00,CNY,2026-01-05,US,0.02,2.0,volume\nFBA1,MAT,10,400.00,CNY,2026-01-05,US,0.06,4.0,volume\n'
      + 'FBA2,US-RUG,20,800.00,CNY,2026-02-01,US,0.02,2.0,weight\nFBA2,MAT,10,800.00,CNY,2026-02-01,US,0.06,4.0,weight\n',
    'payouts.csv': `${BOM}结汇日期,站点,结汇金额,到账金额,手续费\n2026-02-15,US,1000.00,7068.80,20.00\n`,
    'transactions-US.csv': transactionsUs(),
    'transactions-DE.csv': transactionsDe(),
    'all-orders-US.txt': allOrders('Amazon.com', 'USD', [
      ['O-US-1', '2026-01-30T20:00:00+00:00', 'Shipped', 'US-MAT', 'B0USMAT001', 2, '50.00', '4.00'],
      ['O-US-2', '2026-02-10T18:00:00+00:00', 'Shipped', 'US-MAT', 'B0USMAT001', 1, '25.00', '2.00'],
      ['O-US-3', '2026-02-10T19:00:00+00:00', 'Shipped', 'US-RUG', 'B0USRUG001', 1, '30.00', '2.40'],
      ['O-US-4', '2026-02-25T19:00:00+00:00', 'Pending', 'US-RUG', 'B0USRUG001', 1, '30.00', ''],
      ['O-US-5', '2026-02-26T19:00:00+00:00', 'Pending', 'US-MUG', 'B0USMUG001', 1, '15.00', ''],
    ]),
    'all-orders-DE.txt': allOrders('Amazon.de', 'EUR', [['O-DE-1', '2026-02-03T09:00:00+00:00', 'Shipped', 'DE-MAT', 'B0DEMAT001', 1, '23.80', '3.80']]),
    'storage-fees-US.csv': storageReport(),
    'sp-advertised-product-US.csv': spAdvertisedProduct(),
    'sb-campaign-US.csv': sbCampaign(),
    'fee-preview-US.txt': feePreview(),
  };
  return Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

/** USD→CNY 7.00 from 01-01 and 7.20 from 02-01; EUR→CNY 8.00 (monthly rates, as a seller keeps them:
 * a rate more than 31 days old is `fx_stale`) */
export const profitFxRates = [
  { date: '2026-01-01', base: 'USD', quote: 'CNY', rate: '7.00' },
  { date: '2026-02-01', base: 'USD', quote: 'CNY', rate: '7.20' },
  { date: '2026-01-01', base: 'EUR', quote: 'CNY', rate: '8.00' },
  { date: '2026-02-01', base: 'EUR', quote: 'CNY', rate: '8.00' },
];
