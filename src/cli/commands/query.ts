import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { outputMode, renderCsv, renderTable } from '../output.ts';

interface QueryOptions {
  metric: string[];
  by?: string[];
  from?: string;
  to?: string;
  store?: string;
  marketplace?: string;
  asin?: string;
  sku?: string;
  currency?: string;
  json?: boolean;
  csv?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean)];

export function queryCommand(program: Command, open: () => Promise<AsterismApi>): void {
  program
    .command('query')
    .description('metrics by dimensions / 按维度查询指标')
    .requiredOption('--metric <id>', 'metric id (repeat or comma-separate)', collect)
    .option('--by <dimension>', 'group by: date week month store marketplace asin parent_asin sku product owner fulfillment ad_type campaign search_term', collect)
    .option('--from <date>', 'first day, YYYY-MM-DD (marketplace-local)')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--store <name>', 'one store')
    .option('--marketplace <code>', 'one marketplace: US, UK, DE, JP …')
    .option('--asin <asin>', 'one child ASIN')
    .option('--sku <sku>', 'one seller SKU')
    .option('--currency <code>', 'convert money with the dated FX table')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action(async (o: QueryOptions) => {
      const asterism = await open();
      try {
        const result = await asterism.query({
          metrics: o.metric, ...(o.by ? { by: o.by } : {}), ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}),
          ...(o.store ? { store: o.store } : {}), ...(o.marketplace ? { marketplace: o.marketplace } : {}),
          ...(o.asin ? { asin: o.asin } : {}), ...(o.sku ? { sku: o.sku } : {}), ...(o.currency ? { currency: o.currency } : {}),
        });
        const mode = outputMode(o);
        if (mode === 'json') {
          console.log(JSON.stringify(result));
          return;
        }
        const columns = result.columns.map((c) => c.id);
        console.log((mode === 'csv' ? renderCsv : renderTable)(columns, result.rows));
        for (const p of result.problems) console.error(`${p.severity}: ${p.message}`);
      } finally {
        await asterism.close();
      }
    });
}
