import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { currentLanguage } from '../language.ts';
import { outputMode, renderTable } from '../output.ts';

interface CustomersOptions {
  store?: string;
  channel?: string;
  asOf?: string;
  churnDays?: string;
  json?: boolean;
}

/** `asterism customers`: cohorts with the repeat matrix, repeat rate, time to second order, churn, RFM; Amazon's repeat purchase beside. */
export function customersCommands(program: Command, open: () => Promise<AsterismApi>): void {
  program.command('customers').description('customers a channel identifies: cohorts, repeat rate, churn, RFM / 顾客分析（同期群、复购、流失、RFM）')
    .option('--store <name>', 'one store').option('--channel <channel>', 'shopify (the channels that name their customers)')
    .option('--as-of <date>', 'the day recency and churn are counted to (default: the last order\'s day)')
    .option('--churn-days <days>', 'days without an order after which a customer has churned (default 90)')
    .option('--json', 'print JSON')
    .action(async (o: CustomersOptions) => {
      const asterism = await open();
      try {
        const input = Object.fromEntries(Object.entries({ store: o.store, channel: o.channel, as_of: o.asOf, churn_days: o.churnDays })
          .filter(([, v]) => v !== undefined)) as { store?: string; channel?: string; as_of?: string; churn_days?: number };
        const a = await asterism.run('customers', input);
        if (outputMode(o) === 'json') return console.log(JSON.stringify(a));
        const zh = currentLanguage() === 'zh';
        const months = Math.max(0, ...a.cohorts.map((c) => c.active.length));
        const cols = ['cohort', 'customers', ...Array.from({ length: months }, (_, k) => `M${k}`)];
        console.log(renderTable(cols, a.cohorts.map((c) => ({ cohort: c.cohort, customers: c.customers,
          ...Object.fromEntries(c.retention.map((r, k) => [`M${k}`, r === null ? null : `${(r * 100).toFixed(1)}%`])) }))));
        console.log(`${zh ? '顾客' : 'customers'} ${a.customers} · ${zh ? '复购率' : 'repeat rate'} ${a.repeat_rate === null ? '—' : `${(a.repeat_rate * 100).toFixed(1)}%`}`
          + ` · ${zh ? '二次购买间隔中位数（天）' : 'median days to second order'} ${a.days_to_second_order ?? '—'}`
          + ` · ${zh ? '流失' : 'churned'} ${a.churned} (${a.churn_days} ${zh ? '天' : 'days'}, ${zh ? '截至' : 'as of'} ${a.as_of ?? '—'})`);
        console.log(renderTable(['segment', 'customers'], a.segments.map((s) => ({ segment: zh ? s.zh : s.en, customers: s.customers }))));
        console.log(zh ? '亚马逊品牌分析·重复购买行为：' : 'Amazon Brand Analytics repeat purchase:');
        console.log(renderTable(['marketplace', 'customers', 'repeat_customers', 'repeat_rate'], a.amazon_repeat_purchase));
      } finally {
        await asterism.close();
      }
    });
}
