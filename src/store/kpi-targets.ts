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

/** The columns that name a target (as the targets file's upsert key): one target per KPI, period, scope and person. */
export const kpiTargetKey = ['kpi', 'period', 'store', 'marketplace', 'asin', 'parent_asin', 'product_line', 'tier', 'owner', 'role'] as const;
export type KpiTargetKey = Pick<KpiTargetRecord, (typeof kpiTargetKey)[number]>;

const sameKey = (first: number) => kpiTargetKey.map((c, i) => `${c} IS NOT DISTINCT FROM $${first + i}`).join(' AND ');
const keyValues = (k: KpiTargetKey) => kpiTargetKey.map((c) => k[c]);

/** Sets one target (entered, not imported: no import id), replacing the one with the same key. */
export async function setKpiTarget(db: Database, t: KpiTargetKey & { target: string; weight: string | null; priority: number | null }): Promise<void> {
  await db.transaction(async () => {
    await db.run(`DELETE FROM kpi_targets WHERE ${sameKey(1)}`, keyValues(t));
    await db.run(
      `INSERT INTO kpi_targets (${kpiTargetKey.join(', ')}, target, weight, priority, import_id)
       VALUES (${kpiTargetKey.map((_, i) => `$${i + 1}`).join(', ')}, CAST($11 AS DECIMAL(18,6)), CAST($12 AS DECIMAL(9,4)), $13, NULL)`,
      [...keyValues(t), t.target, t.weight, t.priority],
    );
  });
}

/** Removes the target with this key; answers how many rows went (0 or 1). */
export async function removeKpiTarget(db: Database, key: KpiTargetKey): Promise<number> {
  return db.run(`DELETE FROM kpi_targets WHERE ${sameKey(1)}`, keyValues(key));
}
