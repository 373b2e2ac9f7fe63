import { say } from '../../domain/messages.ts';
import { AsterismError } from '../../domain/errors.ts';
import type { Command } from 'commander';
import type { CompareTo } from '../../domain/compared-period.ts';
import { partialBaseText } from '../../domain/partial-base.ts';
import { currentLanguage } from '../language.ts';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { outputMode, renderCsv, renderTable, withMoneyText } from '../output.ts';
import { flattenCompare, withCompareColumns } from '../compare-columns.ts';
import { profitCompareNote, profitTableColumns, profitTableNote, profitTableRows } from '../profit-table.ts';
import { scopeOf, withScope, type ScopeOptions } from '../scope-options.ts';
import { problemLine } from '../problem-lines.ts';

interface ProfitOptions extends ScopeOptions {
  basis?: string;
  currency?: string;
  csv?: boolean;
  explain?: boolean;
  compare?: string;
}


/** The profit basis under a table (the JSON answer names it as a field). */
export const basisLine = (basis: 'order' | 'posted'): string =>
  `basis: ${basis === 'order' ? 'order date (unsettled orders estimated) / 按订单日期' : 'posted date (cash view) / 按结算入账日期'}`;

export function profitCommands(program: Command, open: () => Promise<AsterismApi>): void {
  withScope(program.command('profit').description('true profit per SKU, product, ASIN, store, marketplace or day / 利润'),
    'group by: sku (default) product asin parent_asin store marketplace date week month fulfillment owner')
    .option('--basis <basis>', 'order (default: fees matched to orders by order id, unsettled orders estimated) or posted (cash view)')
    .option('--currency <code>', 'convert with the dated FX table (default: each marketplace currency)')
    .option('--compare <kind>', 'wow | mom | yoy | previous: add the compared period and the change: previous.<metric> and change.<metric> beside each metric; a base with fewer days of data is flagged partial_base')
    .option('--csv', 'print CSV')
    .option('--explain', 'also say how revenue stands to VAT / consumption tax, and list the transaction lines no rule classifies (counted in other fees) / 说明税费口径并列出未分类的交易行')
    .action(async (o: ProfitOptions) => {
      if (o.basis !== undefined && o.basis !== 'order' && o.basis !== 'posted') throw new AsterismError('bad_request', say('one_of_option', { what: '--basis', value: o.basis, known: { en: 'order or posted', zh: 'order 或 posted' } }));
      const asterism = await open();
      try {
        const answer = await asterism.run('profit', {
          ...scopeOf(o), ...(o.basis ? { basis: o.basis as 'order' | 'posted' } : {}), ...(o.currency ? { currency: o.currency } : {}),
          ...(o.compare ? { compare: o.compare as CompareTo } : {}),
        });
        const mode = outputMode(o);
        const unclassified = o.explain ? await asterism.run('profit_unclassified', unclassifiedScope(o)) : undefined;
        if (mode === 'json') return console.log(JSON.stringify(unclassified ? { ...answer, unclassified } : answer));
        const dims = answer.columns.filter((c) => c.role !== 'metric').map((c) => c.id);
        // with --compare, each metric's previous value and change beside it, as the JSON rows carry them
        const basis = answer.compare?.basis ?? {};
        const compared = Object.keys(basis);
        if (mode === 'csv') return console.log(renderCsv([...withCompareColumns(answer.columns.map((c) => c.id), compared), 'missing'], flattenCompare(answer.rows, basis, 'number')));
        // every component of net profit, costs negative: each row adds up to its net profit (JSON carries `sources` too)
        const money = answer.columns.flatMap((c) => [c, { ...c, id: `previous.${c.id}` }]);
        const rows = withMoneyText(money, profitTableRows(flattenCompare(answer.rows, basis, 'text')));
        console.log(renderTable([...dims, ...withCompareColumns(profitTableColumns, compared), 'estimated', 'missing'], rows));
        console.error(profitTableNote);
        if (compared.length) console.error(profitCompareNote);
        console.error(basisLine(answer.basis));
        if (answer.period.note) console.error(`period: ${answer.period.note[currentLanguage()]}`);
        // a change against a base with fewer days of data is not a change of the business: said beside the table
        // (one line per coverage: the profit components mostly share their reports)
        const byCoverage = new Map<string, string[]>();
        for (const [metric, c] of Object.entries(answer.compare?.partial_base ?? {})) {
          const said = partialBaseText(c)[currentLanguage()];
          byCoverage.set(said, [...(byCoverage.get(said) ?? []), metric]);
        }
        for (const [said, metrics] of byCoverage) console.error(`partial_base: ${metrics.join(', ')}: ${said} (${answer.compare?.from} – ${answer.compare?.to})`);
        for (const p of answer.problems) console.error(problemLine(p));
        if (o.explain) printTaxes(answer.taxes);
        if (unclassified) printUnclassified(unclassified);
      } finally {
        await asterism.close();
      }
    });

  const costs = program.command('costs').description('unit costs, first-leg freight and duty rates / 成本');
  costs.command('list').description('list the costs entered or imported / 成本列表')
    .option('--store <name>', 'one store').option('--sku <sku>', 'one SKU or product code').option('--json', 'print JSON')
    .action(async (o: { store?: string; sku?: string; json?: boolean }) => {
      const asterism = await open();
      try {
        const answer = await asterism.run('costs_list', { ...(o.store ? { store: o.store } : {}), ...(o.sku ? { sku: o.sku } : {}) });
        if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
        console.log(renderTable(['store', 'sku', 'marketplace', 'effective_from', 'currency', 'unit_cost', 'freight_per_unit', 'duty_rate'], answer.costs));
      } finally {
        await asterism.close();
      }
    });
  costs.command('set').description('enter a cost, effective from a date / 录入成本')
    .requiredOption('--sku <sku>', 'seller SKU or product code').requiredOption('--effective-from <date>', 'YYYY-MM-DD')
    // without --unit-cost (a warehouse user's freight): the unit cost and currency in force stay
    .option('--unit-cost <amount>', 'unit cost in the purchase currency (required for a new cost)').option('--currency <code>', 'purchase currency (default with --unit-cost: CNY)')
    .option('--freight <amount>', 'first-leg freight per unit').option('--duty-rate <rate>', 'duty rate as a fraction: 0.25 is 25%')
    .option('--marketplace <code>', 'only for this marketplace').option('--store <name>', 'store (default: default)').option('--json', 'print JSON')
    .action(async (o: { sku: string; effectiveFrom: string; unitCost?: string; currency?: string; freight?: string; dutyRate?: string; marketplace?: string; store?: string; json?: boolean }) => {
      const asterism = await open();
      try {
        const answer = await asterism.run('costs_set', {
          sku: o.sku, effective_from: o.effectiveFrom, ...(o.unitCost ? { unit_cost: o.unitCost, currency: o.currency ?? 'CNY' } : {}),
          ...(o.currency ? { currency: o.currency } : {}),
          ...(o.freight ? { freight_per_unit: o.freight } : {}), ...(o.dutyRate ? { duty_rate: o.dutyRate } : {}),
          ...(o.marketplace ? { marketplace: o.marketplace } : {}), ...(o.store ? { store: o.store } : {}),
        });
        if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
        const c = answer.cost;
        console.log(`cost set: ${c.store} ${c.sku}${c.marketplace ? ` ${c.marketplace}` : ''} from ${c.effective_from}: ${c.unit_cost} ${c.currency}`);
      } finally {
        await asterism.close();
      }
    });
}

const unclassifiedScope = (o: ProfitOptions) => Object.fromEntries(
  Object.entries({ from: o.from, to: o.to, store: o.store, marketplace: o.marketplace }).filter(([, v]) => v !== undefined),
) as { from?: string; to?: string; store?: string; marketplace?: string };

/** `--explain`: how revenue stands to tax per store and marketplace (EU VAT taken out; JP consumption tax per setting). */
function printTaxes(taxes: readonly { en: string; zh: string }[]): void {
  for (const t of taxes) console.log(`${t.en}\n  ${t.zh}`);
}

/** `--explain`: the unclassified lines, in other fees, with what Amazon wrote for them (en / zh). */
function printUnclassified(u: { lines: readonly object[]; count: number }): void {
  if (u.count === 0) return console.log('every transaction line is in a profit category / 所有交易行均已分类');
  console.log(`${u.count} transaction line(s) no rule classifies, counted in other fees / ${u.count} 行交易未分类，计入其他费用:`);
  console.log(renderTable(['posted_date', 'store', 'marketplace', 'type', 'description', 'order_id', 'total', 'currency'], u.lines));
  if (u.lines.length < u.count) console.log(`(first ${u.lines.length} shown / 仅显示前 ${u.lines.length} 行)`);
}
