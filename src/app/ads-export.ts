import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { renderBulkFile, type BulkChangeRow } from '../report/ads-bulk-file.ts';
import type { Database } from '../store/database.ts';
import { approvedAdChanges, markAdChangesExported } from '../store/ad-suggestions.ts';

/**
 * `asterism ads export --out FILE.xlsx`: the approved ads changes not exported yet, as one bulk operations file
 * (report/ads-bulk-file.ts); they are marked exported (and logged) once the file is made, so the next export does not
 * send them again. The file travels as base64 in the JSON answer, so the CLI, the remote API and the page get the same.
 */
export interface AdsExportRequest {
  store?: string | undefined;
  marketplace?: string | undefined;
  user: string;
}

export async function exportAdChanges(db: Database, r: AdsExportRequest) {
  const approved = await approvedAdChanges(db, { store: r.store, marketplace: r.marketplace });
  if (approved.length === 0) throw new AsterismError('not_found', say('ads_export_none'));
  const changes = approved.map((s) => s.change as unknown as BulkChangeRow);
  const bytes = await renderBulkFile(changes);
  await markAdChangesExported(db, approved.map((s) => s.id), r.user, `ads bulk file (${approved.length} changes)`);
  const day = new Date().toISOString().slice(0, 10);
  return {
    count: approved.length, ids: approved.map((s) => s.id), file_name: `asterism-ads-bulk-${day}.xlsx`,
    content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file_base64: bytes.toString('base64'),
  };
}
