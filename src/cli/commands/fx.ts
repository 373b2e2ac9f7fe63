import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { outputMode, renderTable } from '../output.ts';

export function fxCommand(program: Command, open: () => Promise<AsterismApi>): void {
  const fx = program.command('fx').description('the dated FX table used by --currency / 汇率表');
  fx.command('set')
    .description('set a rate: 1 BASE = RATE QUOTE from DATE on')
    .requiredOption('--date <date>', 'first day the rate holds, YYYY-MM-DD')
    .requiredOption('--base <code>', 'e.g. USD')
    .requiredOption('--quote <code>', 'e.g. CNY')
    .requiredOption('--rate <number>', 'e.g. 7.12')
    .action(async (o: { date: string; base: string; quote: string; rate: string }) => {
      const asterism = await open();
      try {
        await asterism.setFxRates([{ date: o.date, base: o.base, quote: o.quote, rate: o.rate }]);
        console.log(`1 ${o.base.toUpperCase()} = ${o.rate} ${o.quote.toUpperCase()} from ${o.date}`);
      } finally {
        await asterism.close();
      }
    });
  fx.command('list')
    .description('list the FX table')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const asterism = await open();
      try {
        const rates = await asterism.fxRates();
        if (outputMode(o) === 'json') console.log(JSON.stringify({ rates }));
        else console.log(renderTable(['date', 'base', 'quote', 'rate'], rates));
      } finally {
        await asterism.close();
      }
    });
}
