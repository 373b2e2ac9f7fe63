import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { currentLanguage } from '../language.ts';
import { outputMode, renderCsv, renderTable, withMoneyText } from '../output.ts';
import { problemLine } from '../problem-lines.ts';

interface ChannelsOptions {
  from?: string;
  to?: string;
  store?: string;
  marketplace?: string;
  currency?: string;
  json?: boolean;
  csv?: boolean;
}

/** `asterism channels`: Amazon, Walmart and Shopify side by side, with each one's share of sales and profit. */
export function channelsCommands(program: Command, open: () => Promise<AsterismApi>): void {
  program.command('channels').description('every channel side by side: sales, fees, net profit, platform share / 多平台概览与平台占比')
    .option('--from <date>', 'first day, YYYY-MM-DD').option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--store <name>', 'one store').option('--marketplace <code>', 'one marketplace: US, UK …')
    .option('--currency <code>', 'convert with the dated FX table, so channels of every currency share one total')
    .option('--csv', 'print CSV').option('--json', 'print JSON')
    .action(async (o: ChannelsOptions) => {
      const asterism = await open();
      try {
        const input = Object.fromEntries(Object.entries({ from: o.from, to: o.to, store: o.store, marketplace: o.marketplace, currency: o.currency })
          .filter(([, v]) => v !== undefined)) as { from?: string; to?: string; store?: string; marketplace?: string; currency?: string };
        const answer = await asterism.run('channels', input);
        const mode = outputMode(o);
        if (mode === 'json') return console.log(JSON.stringify(answer));
        const ids = answer.columns.map((c) => c.id);
        if (mode === 'csv') return console.log(renderCsv([...ids, 'missing'], answer.rows));
        console.log(renderTable(ids, withMoneyText(answer.columns, answer.rows)));
        if (answer.period.note) console.error(`period: ${answer.period.note[currentLanguage()]}`);
        for (const p of answer.problems) console.error(problemLine(p));
      } finally {
        await asterism.close();
      }
    });
}
