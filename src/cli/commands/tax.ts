import { AsterismError } from '../../domain/errors.ts';
import { say } from '../../domain/messages.ts';
import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { outputMode, renderTable } from '../output.ts';

interface TaxSetOptions {
  revenue: string;
  store?: string;
  marketplace?: string;
  foodLines?: string;
  json?: boolean;
}

/** `asterism tax`: whether a store's JP revenue is counted net of consumption tax (EU VAT is always taken out). */
export function taxCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const tax = program.command('tax').description('Japanese consumption tax: revenue net of it or not, per store / 日本消费税设置');
  tax.command('set').description('count a store\'s JP revenue net of consumption tax (10 %, food 8 %) or with it / 设置收入是否扣除消费税')
    .requiredOption('--revenue <net|gross>', 'net: 10 % (8 % for the food product lines) taken out; gross: as the reports write it')
    .option('--store <name>', 'store (default: default)').option('--marketplace <code>', 'marketplace (default: JP)')
    .option('--food-lines <lines>', 'product lines at the reduced 8 % rate (food), comma-separated; "" clears them')
    .option('--json', 'print JSON')
    .action(async (o: TaxSetOptions) => {
      if (o.revenue !== 'net' && o.revenue !== 'gross') throw new AsterismError('bad_request', say('tax_revenue_expected', { value: o.revenue }));
      const asterism = await open();
      try {
        const answer = await asterism.run('consumption_tax_set', {
          revenue: o.revenue, ...(o.store ? { store: o.store } : {}), ...(o.marketplace ? { marketplace: o.marketplace } : {}),
          ...(o.foodLines !== undefined ? { reduced_product_lines: o.foodLines.split(',').map((l) => l.trim()).filter(Boolean) } : {}),
        });
        if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
        const s = answer.setting;
        console.log(`${s.store} ${s.marketplace}: revenue ${s.revenue_net ? 'net of consumption tax / 不含消费税' : 'with consumption tax / 含消费税'}`
          + (s.reduced_product_lines.length ? `; food 8 % / 食品 8 %: ${s.reduced_product_lines.join(', ')}` : ''));
      } finally {
        await asterism.close();
      }
    });
  tax.command('list').description('the consumption-tax settings / 消费税设置列表').option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const asterism = await open();
      try {
        const answer = await asterism.run('consumption_tax_list', {});
        if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
        console.log(renderTable(['store', 'marketplace', 'revenue', 'food_lines'], answer.settings.map((s) => ({
          store: s.store, marketplace: s.marketplace, revenue: s.revenue_net ? 'net' : 'gross', food_lines: s.reduced_product_lines.join(', '),
        }))));
      } finally {
        await asterism.close();
      }
    });
}
