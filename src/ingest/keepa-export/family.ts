import { marketplaceBySalesChannel } from '../../domain/marketplaces.ts';
import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { detectWith, noRows, undatedSnapshotDay } from '../fba-snapshot/snapshot.ts';

/**
 * Keepa's product export (Product Viewer / Product Finder "Export" CSV or XLSX): one row per tracked
 * ASIN with its current prices, no date inside. Column names as Keepa writes them ("Locale", "ASIN",
 * "Buy Box: Current", "New: Current", "Amazon: Current"), seen in public code that reads these
 * exports (no sample file was found, so only these columns are relied on). A snapshot: dated by
 * --date, else the day of the import. The price is the Buy Box, else the lowest new offer, else
 * Amazon's own; rows become competitor prices of that ASIN (the products file's `competitor_asins`
 * ties a rival ASIN to the seller's own SKU).
 * "Sales Rank: Current" (the rank in the top-level category, "Sales Rank: Reference" naming it) becomes that day's
 * Best Sellers Rank, source `keepa`, beside the SP-API's (issue 18): exports taken day after day are the BSR history
 * the metrics read (`bsr`; where both have a day, the SP-API's counts). Spellings seen in public code that reads these
 * exports: "Sales Rank: Current" (find_string ids 8519497512, 33195931467, 8873518903), "Sales Rank: Reference"
 * (id 54128133044), and the newer "Buy Box 🚚: Current" (ids 67453088712, 29247115590).
 */
export const keepaAliases = {
  locale: ['Locale'],
  asin: ['ASIN'],
  title: ['Title'],
  buy_box: ['Buy Box: Current', 'Buy Box 🚚: Current'],
  new_price: ['New: Current'],
  amazon_price: ['Amazon: Current'],
  sales_rank: ['Sales Rank: Current'],
  sales_rank_category: ['Sales Rank: Reference'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(keepaAliases);

export const keepaProductExport: TableFamily = {
  type: 'keepa_product_export',
  name: { en: 'Keepa product export (competitor prices)', zh: 'Keepa产品导出（竞品价格）' },
  format: 'table',
  writes: [
    { table: 'competitor_prices', dateFrom: 'date', dateTo: 'date', guardKey: 'asin' },
    // a Keepa export replaces Keepa's ranks of its day, never the SP-API's
    { table: 'sales_ranks', dateFrom: 'date', dateTo: 'date', sameScope: ['source'], guardKey: 'asin' },
  ],
  aliases,
  required: ['asin', 'buy_box'],
  detect: detectWith(aliases, ['asin', 'buy_box']),
  read,
};

/** Keepa's locale is the site's domain suffix: com, co.uk, de, co.jp … */
const channelOf = (locale: string | null) => (locale ? `amazon.${locale.trim().toLowerCase().replace(/^amazon\./, '')}` : null);

function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const { rows, fields } = input;
  if (rows.length === 0) return noRows(context.file);
  const channels = new Set<string>();
  for (const source of rows) {
    const channel = channelOf(fields.row(source).text('locale'));
    if (channel && marketplaceBySalesChannel(channel)) channels.add(channel);
  }
  const evidence = { salesChannels: [...channels] };
  const day = undatedSnapshotDay(context, evidence);
  const out: CanonicalRow[] = [];
  const ranks: CanonicalRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const rank = row.int('sales_rank');
    // Keepa writes no rank (or -1) for an ASIN without one: unknown, not recorded
    if (rank !== null && rank > 0n) {
      const category = row.text('sales_rank_category');
      ranks.push({ asin: row.text('asin'), date: day, kind: 'display_group', category_id: category ?? '', category, rank: Number(rank), source: 'keepa' });
    }
    const price = row.money('buy_box') ?? row.money('new_price') ?? row.money('amazon_price');
    // Keepa writes no price when there is no offer: nothing to record for that ASIN
    if (!price) continue;
    out.push({ asin: row.text('asin'), date: day, competitor: 'keepa', price: price.amount, currency: price.currency ?? null });
  }
  return {
    rows: rows.length, tables: { competitor_prices: out, sales_ranks: ranks }, period: { from: day, to: day },
    evidence: { ...evidence, currencies: [...new Set(fields.currencies)] }, problems: fields.problems,
  };
}
