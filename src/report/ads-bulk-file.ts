import { neutraliseCell } from '../domain/formula-cells.ts';

/**
 * Approved ads changes as an Amazon Ads bulk operations file (bulksheets 2.0), for the seller to upload in the
 * console (Bulk operations → Upload). The sp-bulksheet fixture is the older 1.0 download (`Record ID | Record Type …`,
 * no Operation column); its sheet name `Sponsored Products Campaigns` is the one 2.0 uses too. The 2.0 columns, in
 * order, and their spellings (src/ingest/README.md "Ads bulk file" cites each):
 * - columns `Product … Percentage`: a generator of SP bulk uploads (find_string id 44910682101, `BULK_COLUMNS`), the
 *   column list in Shaun-Hannibal/AmazonAdsAuditDashboard .windsurf/docs/Sponsored_Products_Campaigns.md (which adds
 *   `Product Targeting Expression`), https://bulksheetpro.com/learn/anatomy-of-a-bulk-sheet/;
 * - Entity `Keyword`, `Negative Keyword`, `Product Targeting`, `Bidding Adjustment`, `Campaign` (the same sources);
 *   `Negative Product Targeting`: find_string ids 24445122153, 70125221959, 69593255762;
 * - Match Type `exact`, `negativeExact`: https://bulksheetpro.com/learn/negative-keywords-bulk/ and id 44910682101;
 * - Placement `Placement Top`, `Placement Product Page`, `Placement Rest Of Search`: id 44910682101.
 * IDs: console reports carry none, so rows name their campaign and ad group (`Campaign Name`, `Ad Group Name`); the IDs
 * come from the seller's own bulk download when one is given (IDs stay text: 15 digits lose nothing); every text cell
 * is neutralised (formula-cells.ts).
 */
export const bulkSheetName = 'Sponsored Products Campaigns';
export const bulkColumns = [
  'Product', 'Entity', 'Operation', 'Campaign ID', 'Ad Group ID', 'Portfolio ID', 'Ad ID', 'Keyword ID', 'Product Targeting ID',
  'Campaign Name', 'Ad Group Name', 'Start Date', 'End Date', 'Targeting Type', 'State', 'Daily Budget', 'SKU', 'Ad Group Default Bid',
  'Bid', 'Keyword Text', 'Match Type', 'Bidding Strategy', 'Placement', 'Percentage', 'Product Targeting Expression',
] as const;
export type BulkColumn = (typeof bulkColumns)[number];

/** Our placement kinds → the bulk file's Placement. */
export const bulkPlacements: Record<string, string> = {
  top_of_search: 'Placement Top', product_pages: 'Placement Product Page', rest_of_search: 'Placement Rest Of Search',
};

export interface BulkChangeRow {
  entity: string;
  operation: string;
  campaign: string;
  ad_group: string | null;
  keyword_text?: string | undefined;
  match_type?: string | undefined;
  expression?: string | undefined;
  bid?: string | undefined;
  placement?: string | undefined;
  percentage?: number | undefined;
  daily_budget?: string | undefined;
  /** from the seller's bulk download (ingest/ads-console/bulk-sheet-read.ts), when given */
  campaign_id?: string | undefined;
  ad_group_id?: string | undefined;
  keyword_id?: string | undefined;
  product_targeting_id?: string | undefined;
}

/** One bulk row per change; money and percentages are numbers, names are text. */
export function bulkRow(c: BulkChangeRow): Partial<Record<BulkColumn, string | number>> {
  const row: Partial<Record<BulkColumn, string | number>> = {
    Product: 'Sponsored Products', Entity: c.entity, Operation: c.operation, 'Campaign Name': c.campaign,
  };
  if (c.ad_group) row['Ad Group Name'] = c.ad_group;
  if (c.campaign_id) row['Campaign ID'] = c.campaign_id;
  if (c.ad_group_id) row['Ad Group ID'] = c.ad_group_id;
  if (c.keyword_id) row['Keyword ID'] = c.keyword_id;
  if (c.product_targeting_id) row['Product Targeting ID'] = c.product_targeting_id;
  if (c.operation === 'Create' && c.entity !== 'Bidding Adjustment') row.State = 'enabled';
  if (c.keyword_text !== undefined) row['Keyword Text'] = c.keyword_text;
  if (c.match_type !== undefined) row['Match Type'] = c.match_type;
  if (c.expression !== undefined) row['Product Targeting Expression'] = c.expression;
  if (c.bid !== undefined) row.Bid = Number(c.bid);
  if (c.placement !== undefined) row.Placement = bulkPlacements[c.placement] ?? c.placement;
  if (c.percentage !== undefined) row.Percentage = c.percentage;
  if (c.daily_budget !== undefined) row['Daily Budget'] = Number(c.daily_budget);
  return row;
}

export async function renderBulkFile(changes: readonly BulkChangeRow[]): Promise<Buffer> {
  // exceljs loads with the first bulk file, not with every command that opens the operations table
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'Asterism';
  const sheet = book.addWorksheet(bulkSheetName);
  sheet.addRow([...bulkColumns]).font = { bold: true };
  for (const c of changes) {
    const row = bulkRow(c);
    sheet.addRow(bulkColumns.map((col) => neutraliseCell(row[col] ?? null)));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
