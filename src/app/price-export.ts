import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { amazonPriceFile } from '../report/amazon-price-file.ts';
import type { Database } from '../store/database.ts';
import { approvedToExport, markExported } from '../store/price-suggestions.ts';

/**
 * `asterism price export --channel amazon`: the approved prices not yet exported, as Amazon's Price &
 * Quantity file for one marketplace; they are marked exported (and logged) so the next export does
 * not send them again.
 */
export interface ExportRequest {
  channel: 'amazon';
  store?: string | undefined;
  marketplace?: string | undefined;
  user: string;
}

export async function exportApprovedPrices(db: Database, r: ExportRequest) {
  const approved = await approvedToExport(db, { store: r.store, marketplace: r.marketplace });
  const marketplaces = [...new Set(approved.map((s) => s.marketplace))];
  if (marketplaces.length > 1) {
    throw new AsterismError('bad_request', say('price_export_marketplaces', { marketplaces: { en: marketplaces.join(', '), zh: marketplaces.join('、') } }));
  }
  const rows = approved.map((s) => ({ id: s.id, sku: s.sku, marketplace: s.marketplace, currency: s.currency, price: s.suggested_price ?? '' }));
  const file = amazonPriceFile(rows);
  if (rows.length > 0) await markExported(db, approved, r.user, `amazon price file (${rows.length} SKUs)`);
  return { channel: r.channel, marketplace: marketplaces[0] ?? r.marketplace ?? null, count: rows.length, rows, file };
}
