import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { currentLanguage } from '../language.ts';
import { outputMode, renderTable } from '../output.ts';

interface RestockOptions {
  store?: string;
  marketplace?: string;
  sku?: string;
  asin?: string;
  asOf?: string;
  serviceLevel?: string;
  floorWeeks?: string;
  cycleDays?: string;
  freight?: string;
  orderOnly?: boolean;
  json?: boolean;
}

const shown = (v: number | string | null) => (v === null ? '—' : String(v));

/** `asterism restock [filters] [--json]`: what to order, when and why (issue 22; cli.md contract for --json). */
export function restockCommand(program: Command, open: () => Promise<AsterismApi>): void {
  program.command('restock').description('what to order, when and why, per SKU × marketplace / 补货建议')
    .option('--store <name>', 'one store')
    .option('--marketplace <code>', 'one marketplace: US, UK, DE, JP …')
    .option('--sku <sku>', 'one seller SKU')
    .option('--asin <asin>', 'one child ASIN')
    .option('--as-of <date>', 'plan as on this day, YYYY-MM-DD (default: the day after the last sale or snapshot)')
    .option('--service-level <p>', 'chance of not running out during a lead time (default 0.95)')
    .option('--floor-weeks <n>', 'safety stock never below this many weeks of sales (default 6)')
    .option('--cycle-days <n>', 'days of sales one order covers beyond its lead time (default 30)')
    .option('--freight <mode>', 'plan with this freight mode: sea, air, rail or express (default: the latest PO\'s supplier, slowest mode)')
    .option('--order-only', 'only the SKUs with something to order')
    .option('--json', 'print JSON: {"rows":[…]}')
    .action(async (o: RestockOptions) => {
      const asterism = await open();
      try {
        const input = Object.fromEntries(Object.entries({
          store: o.store, marketplace: o.marketplace, sku: o.sku, asin: o.asin, as_of: o.asOf, service_level: o.serviceLevel,
          floor_weeks: o.floorWeeks, cycle_days: o.cycleDays, freight_mode: o.freight, order_only: o.orderOnly ? 'true' : undefined,
        }).filter(([, v]) => v !== undefined));
        const answer = await asterism.run('restock', input);
        // the contract's answer: the rows, nothing else (details are the API's)
        if (outputMode(o) === 'json') return console.log(JSON.stringify({ rows: answer.rows }));
        const lang = currentLanguage();
        const rows = answer.rows.map((r) => ({
          sku: r.sku, marketplace: r.marketplace, velocity: shown(r.velocity), forecast: shown(r.forecast_daily), lead_time: shown(r.lead_time_days),
          safety: shown(r.safety_stock), reorder_point: shown(r.reorder_point), available: shown(r.available), inbound: shown(r.inbound),
          on_order: shown(r.on_order), order: shown(r.order_quantity), order_by: shown(r.order_by), reason: r.reason[lang],
        }));
        console.log(renderTable(['sku', 'marketplace', 'velocity', 'forecast', 'lead_time', 'safety', 'reorder_point', 'available', 'inbound', 'on_order', 'order', 'order_by', 'reason'], rows));
        if (answer.as_of) console.error(lang === 'zh' ? `计划日期：${answer.as_of}；服务水平 ${answer.settings.serviceLevel}，安全库存下限 ${answer.settings.floorWeeks} 周` : `planned as on ${answer.as_of}; service level ${answer.settings.serviceLevel}, safety-stock floor ${answer.settings.floorWeeks} weeks`);
      } finally {
        await asterism.close();
      }
    });
}
