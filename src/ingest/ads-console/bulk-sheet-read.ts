import { sheetRowGroups } from '../xlsx-sheet.ts';
import { cellText } from '../table.ts';
import { readHeader } from '../header.ts';
import { bulkSheet } from './refused.ts';

/**
 * A bulk operations file as rows keyed by their column headers: every sheet, each from the line the bulk-sheet family
 * recognises (bulksheets 2.0 `Entity | Operation …`, or 1.0 `Record ID | Record Type …`). Bulk files are not imported
 * as facts (refused.ts says why); this reads one back, as the ads export's round trip does, and reads a seller's own
 * download for the campaign, ad group, keyword and target IDs the console reports do not carry.
 */
export async function readBulkSheet(input: string | Uint8Array): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  let header: string[] | null = null;
  let first: string[] | null = null;
  const rows: Record<string, string>[] = [];
  for await (const group of sheetRowGroups(input, 1000, 'all')) {
    for (const line of group) {
      const cells = line.cells.map((c) => cellText(c));
      if (bulkSheet.detect(readHeader(line.cells)) !== false) {
        header = cells;
        first ??= cells;
        continue;
      }
      if (header === null) continue;
      const h = header;
      rows.push(Object.fromEntries(h.map((name, i) => [name, cells[i] ?? ''] as const).filter(([, v]) => v !== '')));
    }
  }
  return { header: first ?? [], rows };
}

/** IDs by name: a campaign by its name; an ad group by campaign and name; a keyword also by text and match type; a target by its expression. */
export interface BulkIds {
  campaigns: Record<string, string>;
  ad_groups: Record<string, string>;
  keywords: Record<string, string>;
  targets: Record<string, string>;
}

export const idKey = (...parts: readonly (string | null | undefined)[]): string => parts.map((p) => (p ?? '').trim().toLowerCase()).join('\t');

/**
 * The IDs of a seller's bulk download, 2.0 (`Entity`, `Campaign ID`, `Ad Group ID`, `Keyword ID`, `Product Targeting ID`,
 * `Campaign Name (Informational only)`, `Ad Group Name (Informational only)`, `Keyword Text`, `Product Targeting Expression`:
 * Shaun-Hannibal/AmazonAdsAuditDashboard .windsurf/docs/Sponsored_Products_Campaigns.md) or 1.0 (`Record ID`, `Record Type`,
 * `Campaign ID`, `Campaign`, `Ad Group`, `Keyword or Product Targeting`, `Product Targeting ID`, `Match Type`: the
 * sp-bulksheet fixture).
 */
export async function bulkIds(input: string | Uint8Array): Promise<BulkIds> {
  const ids: BulkIds = { campaigns: {}, ad_groups: {}, keywords: {}, targets: {} };
  const { rows } = await readBulkSheet(input);
  for (const r of rows) {
    const entity = r.Entity ?? r['Record Type'] ?? '';
    const campaign = r['Campaign Name (Informational only)'] ?? r['Campaign Name'] ?? r.Campaign;
    const adGroup = r['Ad Group Name (Informational only)'] ?? r['Ad Group Name'] ?? r['Ad Group'];
    const v1 = r['Record Type'] !== undefined;
    if (entity === 'Campaign' && campaign && r['Campaign ID']) ids.campaigns[idKey(campaign)] = r['Campaign ID'];
    else if (entity === 'Ad Group' && campaign && adGroup) {
      const id = v1 ? r['Record ID'] : r['Ad Group ID'];
      if (id) ids.ad_groups[idKey(campaign, adGroup)] = id;
    } else if (entity === 'Keyword' && campaign && adGroup) {
      const text = r['Keyword Text'] ?? r['Keyword or Product Targeting'];
      const id = v1 ? r['Record ID'] : r['Keyword ID'];
      if (text && id) ids.keywords[idKey(campaign, adGroup, text, r['Match Type'])] = id;
    } else if (entity === 'Product Targeting' && campaign && adGroup) {
      const expression = r['Product Targeting Expression'] ?? r['Keyword or Product Targeting'];
      const id = r['Product Targeting ID'] ?? (v1 ? r['Record ID'] : undefined);
      if (expression && id) ids.targets[idKey(campaign, adGroup, expression)] = id;
    }
  }
  return ids;
}
