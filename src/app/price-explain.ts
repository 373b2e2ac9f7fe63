import { AsterismError } from '../domain/errors.ts';
import { priceExplainDocument, type ExplainedPrice } from '../report/price-explain.ts';
import type { Lang } from '../report/report-data.ts';
import type { Database } from '../store/database.ts';
import { listDecisions, listSuggestions } from '../store/price-suggestions.ts';
import { present } from './pricing.ts';

/** `asterism price explain --sku S`: the SKU's approved price (else its latest suggestion) and everything behind it, as a document. */
export async function explainPrice(db: Database, r: { sku: string; marketplace?: string | undefined; store?: string | undefined; lang?: Lang | undefined }) {
  const all = await listSuggestions(db, { sku: r.sku, marketplace: r.marketplace, store: r.store });
  const chosen = all.find((s) => s.status === 'approved') ?? all[0];
  if (!chosen) {
    throw new AsterismError('not_found', { en: `no price suggestion for SKU ${r.sku}: run asterism price suggest --sku ${r.sku} first`, zh: `SKU ${r.sku} 还没有调价建议：请先运行 asterism price suggest --sku ${r.sku}` });
  }
  const decisions = await listDecisions(db, { suggestion_id: chosen.id });
  return { document: priceExplainDocument(present(chosen) as unknown as ExplainedPrice, decisions, r.lang ?? 'zh') };
}
