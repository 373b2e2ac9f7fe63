import { consumptionTaxRates, isConsumptionTaxMarketplace, type ConsumptionTaxSetting } from '../domain/consumption-tax.ts';
import { AsterismError } from '../domain/errors.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database } from './database.ts';

export interface ConsumptionTaxInput {
  store?: string | undefined;
  marketplace?: string | undefined;
  /** 'net': revenue counted net of consumption tax; 'gross': as the reports write it (tax included) */
  revenue: 'net' | 'gross';
  /** product lines at the reduced (food) rate; omitted: kept as they were */
  reduced_product_lines?: readonly string[] | undefined;
}

/** Sets one store's consumption-tax setting for a marketplace whose prices include it (JP). */
export async function setConsumptionTax(db: Database, input: ConsumptionTaxInput): Promise<ConsumptionTaxSetting> {
  const store = input.store?.trim() || 'default';
  const code = marketplaceByCode(input.marketplace?.trim() || 'JP')?.code;
  if (!code || !isConsumptionTaxMarketplace(code)) {
    throw new AsterismError('bad_marketplace', {
      en: `marketplace: "${input.marketplace ?? ''}" has no consumption-tax setting; it applies to ${Object.keys(consumptionTaxRates).join(', ')} (EU and UK prices always have their VAT taken out)`,
      zh: `marketplace：“${input.marketplace ?? ''}”没有消费税设置；适用于 ${Object.keys(consumptionTaxRates).join('、')}（欧盟和英国售价中的增值税总是扣除）`,
    });
  }
  const rates = consumptionTaxRates[code];
  return db.transaction(async () => {
    const [before] = await db.all('SELECT reduced_product_lines FROM consumption_tax_settings WHERE store = $1 AND marketplace = $2', [store, code]);
    const kept = Array.isArray(before?.reduced_product_lines) ? before.reduced_product_lines.map(String) : [];
    const lines = [...new Set((input.reduced_product_lines ?? kept).map((l) => l.trim()).filter(Boolean))];
    await db.run('INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING', [store]);
    await db.run(`INSERT OR REPLACE INTO consumption_tax_settings (store, marketplace, revenue_net, standard_rate, reduced_rate, reduced_product_lines, updated_at)
      VALUES ($1, $2, $3, $4::DECIMAL(6,4), $5::DECIMAL(6,4), CAST(json($6::VARCHAR) AS VARCHAR[]), current_timestamp)`,
    // the lines as a JSON array: an empty list has no element type to bind
    [store, code, input.revenue === 'net', rates.standard, rates.reduced, JSON.stringify(lines)]);
    return { store, marketplace: code, revenue_net: input.revenue === 'net', reduced_product_lines: lines };
  });
}

export async function listConsumptionTax(db: Database): Promise<ConsumptionTaxSetting[]> {
  const rows = await db.all('SELECT store, marketplace, revenue_net, reduced_product_lines FROM consumption_tax_settings ORDER BY store, marketplace');
  return rows.map((r) => ({
    store: String(r.store), marketplace: String(r.marketplace), revenue_net: r.revenue_net === true,
    reduced_product_lines: Array.isArray(r.reduced_product_lines) ? r.reduced_product_lines.map(String) : [],
  }));
}
