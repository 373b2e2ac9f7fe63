import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { renderBulkFile, type BulkChangeRow } from '../report/ads-bulk-file.ts';
import type { Database } from '../store/database.ts';
import { approvedAdChanges, markAdChangesExported } from '../store/ad-suggestions.ts';
import { idKey, type BulkIds } from '../ingest/ads-console/bulk-sheet-read.ts';

/**
 * `asterism ads export --out FILE.xlsx`: the approved ads changes not exported yet, as one bulk operations file
 * (report/ads-bulk-file.ts); they are marked exported (and logged) once the file is made, so the next export does not
 * send them again. The file travels as base64 in the JSON answer, so the CLI, the remote API and the page get the same.
 */
export interface AdsExportRequest {
  store?: string | undefined;
  marketplace?: string | undefined;
  user: string;
  /** the seller's bulk download's IDs by name (the CLI reads the file where it runs: the server reads no path) */
  ids?: BulkIds | undefined;
}

export async function exportAdChanges(db: Database, r: AdsExportRequest) {
  const all = await approvedAdChanges(db, { store: r.store, marketplace: r.marketplace });
  // the file is the Sponsored Products sheet: SB and SD changes stay approved, not exported, and are named
  const approved = all.filter((s) => s.ad_type === 'SP');
  const leftOut = all.filter((s) => s.ad_type !== 'SP').map((s) => s.id);
  if (approved.length === 0) throw new AsterismError('not_found', say('ads_export_none'));
  const changes = approved.map((s) => withIds(s.change as unknown as BulkChangeRow, r.ids));
  // an Update is matched by its IDs: say which rows still lack them
  const missingIds = approved.filter((_, i) => needsIds(changes[i]!)).map((s) => s.id);
  const bytes = await renderBulkFile(changes);
  await markAdChangesExported(db, approved.map((s) => s.id), r.user, `ads bulk file (${approved.length} changes)`);
  const day = new Date().toISOString().slice(0, 10);
  return {
    count: approved.length, ids: approved.map((s) => s.id), missing_ids: missingIds, not_sponsored_products: leftOut, file_name: `asterism-ads-bulk-${day}.xlsx`,
    content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file_base64: bytes.toString('base64'),
  };
}

function withIds(c: BulkChangeRow, ids: BulkIds | undefined): BulkChangeRow {
  if (!ids) return c;
  const group = c.ad_group ?? undefined;
  return {
    ...c,
    campaign_id: ids.campaigns[idKey(c.campaign)],
    ad_group_id: group === undefined ? undefined : ids.ad_groups[idKey(c.campaign, group)],
    keyword_id: c.entity === 'Keyword' && c.operation === 'Update' && group !== undefined ? ids.keywords[idKey(c.campaign, group, c.keyword_text, c.match_type)] : undefined,
    product_targeting_id: c.entity === 'Product Targeting' && c.operation === 'Update' && group !== undefined ? ids.targets[idKey(c.campaign, group, c.expression)] : undefined,
  };
}

function needsIds(c: BulkChangeRow): boolean {
  if (!c.campaign_id) return true;
  if (c.ad_group && !c.ad_group_id) return true;
  if (c.operation !== 'Update') return false;
  return (c.entity === 'Keyword' && !c.keyword_id) || (c.entity === 'Product Targeting' && !c.product_targeting_id);
}
