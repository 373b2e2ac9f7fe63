import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes a Sponsored Products search term report as the console's CSV download would look
 * (daily `Date`, `$` money, `%` rates, 7-day attribution), with unique rows: day × campaign × ad
 * group × target × search term. ~146 bytes a row, so 5 million rows are ~730 MB.
 */
export const searchTermHeader = [
  'Date', 'Portfolio name', 'Currency', 'Campaign Name', 'Ad Group Name', 'Targeting', 'Match Type', 'Customer Search Term',
  'Impressions', 'Clicks', 'Click-Thru Rate (CTR)', 'Cost Per Click (CPC)', 'Spend', '7 Day Total Sales ',
  'Total Advertising Cost of Sales (ACOS) ', 'Total Return on Advertising Spend (ROAS)', '7 Day Total Orders (#)',
  '7 Day Total Units (#)', '7 Day Conversion Rate', '7 Day Advertised SKU Units (#)', '7 Day Other SKU Units (#)',
  '7 Day Advertised SKU Sales ', '7 Day Other SKU Sales ',
];

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const grouped = (n: number): string => (n < 1000 ? String(n) : `${grouped(Math.floor(n / 1000))},${String(n % 1000).padStart(3, '0')}`);
const money = (cents: number) => `$${grouped(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** `empty`: header names whose cells are left empty on every row (a report with a column it should fill). */
export async function writeSearchTermCsv(path: string, rows: number, empty: readonly string[] = []): Promise<{ bytes: number }> {
  const blank = new Set(empty.map((name) => searchTermHeader.indexOf(name)));
  const out = createWriteStream(path);
  let bytes = 0;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\uFEFF${searchTermHeader.map((h) => (h.includes(',') ? `"${h}"` : h)).join(',')}\r\n`);
  const termsPerDay = Math.ceil(rows / 365);
  for (let i = 0; i < rows; i++) {
    const day = Math.floor(i / termsPerDay);
    const date = new Date(Date.UTC(2025, 0, 1 + day));
    const n = i % termsPerDay;
    const impressions = 1 + Math.floor(random() * 2000);
    const clicks = Math.floor(random() * Math.min(impressions, 40));
    const spendCents = clicks * (30 + Math.floor(random() * 150));
    const orders = clicks > 0 && random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
    const salesCents = orders * (1999 + Math.floor(random() * 8000));
    const sameSku = Math.floor(salesCents * 0.8);
    await write([
      `"${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}"`, 'Not grouped', 'USD',
      `Campaign ${n % 500}`, `Ad group ${n % 2000}`, `keyword ${n % 9000}`, ['EXACT', 'PHRASE', 'BROAD'][n % 3], `search term ${n}`,
      impressions, clicks, pct(clicks / impressions), clicks ? `"${money(Math.round(spendCents / clicks))}"` : '', `"${money(spendCents)}"`,
      `"${money(salesCents)}"`, salesCents ? pct(spendCents / salesCents) : '', spendCents ? (salesCents / spendCents).toFixed(2) : '',
      orders, orders, clicks ? pct(orders / clicks) : '', orders, 0, `"${money(sameSku)}"`, `"${money(salesCents - sameSku)}"`,
    ].map((cell, column) => (blank.has(column) ? '' : cell)).join(',') + '\r\n');
  }
  out.end();
  await once(out, 'finish');
  return { bytes };
}
