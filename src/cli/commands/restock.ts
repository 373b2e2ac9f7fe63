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

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** `asterism suppliers` and `asterism batches`: the supplier scorecard and batch quality (issue 22). */
export function purchasingCommands(program: Command, open: () => Promise<AsterismApi>): void {
  program.command('suppliers').description('suppliers: on-time rate, lead time, fulfilment rate / 供应商评估')
    .option('--store <name>', 'one store').option('--supplier <code>', 'one supplier').option('--sku <sku>', 'one SKU').option('--json', 'print JSON')
    .action(async (o: { store?: string; supplier?: string; sku?: string; json?: boolean }) => {
      const asterism = await open();
      try {
        const answer = await asterism.run('suppliers', Object.fromEntries(Object.entries({ store: o.store, supplier: o.supplier, sku: o.sku }).filter(([, v]) => v !== undefined)));
        if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
        console.log(renderTable(['supplier', 'name', 'lines', 'open', 'on_time', 'days_late', 'lead_time', 'lead_time_sd', 'fulfilment'], answer.suppliers.map((s) => ({
          supplier: s.supplier, name: s.name ?? '', lines: s.lines, open: s.open_lines, on_time: pct(s.on_time_rate), days_late: shown(s.mean_days_late === null ? null : Number(s.mean_days_late.toFixed(1))),
          lead_time: shown(s.lead_time_mean === null ? null : Number(s.lead_time_mean.toFixed(1))), lead_time_sd: shown(s.lead_time_variance === null ? null : Number(Math.sqrt(s.lead_time_variance).toFixed(1))), fulfilment: pct(s.fulfilment_rate),
        }))));
      } finally {
        await asterism.close();
      }
    });
  program.command('batches').description('batches traced by FIFO: return rate against the SKU\'s usual / 批次质量追溯')
    .option('--store <name>', 'one store').option('--sku <sku>', 'one SKU').option('--bad', 'only the bad batches').option('--json', 'print JSON')
    .action(async (o: { store?: string; sku?: string; bad?: boolean; json?: boolean }) => {
      const asterism = await open();
      try {
        const answer = await asterism.run('batches', Object.fromEntries(Object.entries({ store: o.store, sku: o.sku, bad_only: o.bad ? 'true' : undefined }).filter(([, v]) => v !== undefined)));
        if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
        const lang = currentLanguage();
        console.log(renderTable(['sku', 'batch', 'received', 'sold', 'returned', 'return_rate', 'vs_sku', 'low_star', 'bad'], answer.batches.map((b) => ({
          sku: b.sku, batch: b.batch_id, received: b.received_date, sold: b.sold_units, returned: b.returned_units, return_rate: pct(b.return_rate),
          vs_sku: b.vs_sku === null ? '—' : `${b.vs_sku.toFixed(1)}×`, low_star: b.low_star_reviews, bad: b.bad ? '!' : '',
        }))));
        for (const b of answer.batches) if (b.note) console.log(`— ${b.note[lang]}`);
      } finally {
        await asterism.close();
      }
    });
}

/** `asterism catalogue --from --to`: 动销率, ABC classes and pairs bought together (issue 22). */
export function catalogueCommand(program: Command, open: () => Promise<AsterismApi>): void {
  program.command('catalogue').description('catalogue health: 动销率, ABC by sales and units, pairs bought together / 商品结构健康')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD').requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--store <name>', 'one store').option('--marketplace <code>', 'one marketplace').option('--min-orders <n>', 'pairs seen in fewer orders are left out (default 2)')
    .option('--json', 'print JSON')
    .action(async (o: { from: string; to: string; store?: string; marketplace?: string; minOrders?: string; json?: boolean }) => {
      const asterism = await open();
      try {
        const answer = await asterism.run('catalogue', Object.fromEntries(Object.entries({ from: o.from, to: o.to, store: o.store, marketplace: o.marketplace, min_orders: o.minOrders }).filter(([, v]) => v !== undefined)) as { from: string; to: string });
        if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
        console.log(renderTable(['store', 'marketplace', 'listed', 'sold', 'share'], answer.sell_through_share.map((s) => ({ ...s, share: pct(s.share) }))));
        console.log(renderTable(['store', 'marketplace', 'sku', 'units', 'sales', 'currency', 'abc_sales', 'abc_units'], answer.skus));
        console.log(renderTable(['a', 'b', 'orders', 'support', 'confidence', 'lift'], answer.pairs.slice(0, 20).map((p) => ({
          a: p.a, b: p.b, orders: p.orders, support: pct(p.support), confidence: pct(p.confidence), lift: p.lift.toFixed(2),
        }))));
      } finally {
        await asterism.close();
      }
    });
}
