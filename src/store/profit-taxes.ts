import { taxBasisOf, type TaxBasis } from '../domain/consumption-tax.ts';
import type { Database } from './database.ts';
import { listConsumptionTax } from './consumption-tax.ts';

/**
 * How a profit answer's revenue stands to tax, per store and marketplace it covers whose prices include tax: EU and
 * UK net of VAT always, JP net of consumption tax or with it as the store's setting says (src/domain/consumption-tax.ts).
 * Shown by `asterism profit --explain` and in the API's profit answer (`taxes`), in English and Chinese.
 */
export async function taxBases(db: Database, scope: { store?: string | undefined; marketplace?: string | undefined }): Promise<TaxBasis[]> {
  const rows = await db.all(
    `SELECT DISTINCT s.store, s.marketplace, mk.region, CAST(mk.vat_rate AS VARCHAR) AS vat_rate
     FROM (SELECT store, marketplace FROM transactions UNION SELECT store, marketplace FROM order_items) s
     JOIN marketplaces mk ON mk.code = s.marketplace
     WHERE (CAST($1 AS VARCHAR) IS NULL OR s.store = $1) AND (CAST($2 AS VARCHAR) IS NULL OR s.marketplace = $2)
     ORDER BY s.store, s.marketplace`,
    [scope.store ?? null, scope.marketplace?.toUpperCase() ?? null],
  );
  const settings = await listConsumptionTax(db);
  return rows.flatMap((r) => {
    const store = String(r.store);
    const marketplace = String(r.marketplace);
    const basis = taxBasisOf({
      store, marketplace, region: String(r.region), vatRate: String(r.vat_rate),
      setting: settings.find((s) => s.store === store && s.marketplace === marketplace),
    });
    return basis ? [basis] : [];
  });
}
