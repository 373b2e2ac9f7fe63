import type { Database } from './database.ts';

/** A row of `kpi_targets` as the targets file gave it (the period as typed, not yet resolved). */
export interface KpiTargetRecord {
  kpi: string;
  period: string;
  target: number;
  store: string | null;
  marketplace: string | null;
  asin: string | null;
  parent_asin: string | null;
  product_line: string | null;
  tier: string | null;
  owner: string | null;
  role: string | null;
  weight: number | null;
  priority: number | null;
  import_id: number | null;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Every target, in a stable order (file order is lost on upsert: kpi, then scope). */
export async function listKpiTargets(db: Database): Promise<KpiTargetRecord[]> {
  const rows = await db.all(
    `SELECT * FROM kpi_targets ORDER BY owner NULLS LAST, role NULLS LAST, kpi, store NULLS FIRST, marketplace NULLS FIRST,
       parent_asin NULLS FIRST, asin NULLS FIRST, product_line NULLS FIRST, tier NULLS FIRST`,
  );
  return rows.map((r) => ({
    kpi: String(r.kpi), period: String(r.period), target: Number(r.target),
    store: text(r.store), marketplace: text(r.marketplace), asin: text(r.asin), parent_asin: text(r.parent_asin),
    product_line: text(r.product_line), tier: text(r.tier), owner: text(r.owner), role: text(r.role),
    weight: num(r.weight), priority: num(r.priority), import_id: num(r.import_id),
  }));
}
