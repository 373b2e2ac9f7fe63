import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { lineageText } from '../../domain/lineage-text.ts';
import { partialBaseText } from '../../domain/partial-base.ts';
import { currentLanguage } from '../language.ts';
import { flattenCompare, withCompareColumns } from '../compare-columns.ts';
import { outputMode, renderCsv, renderTable, withMoneyText } from '../output.ts';
import { basisLine } from './profit.ts';
import { collect, scopeOf, withScope, type ScopeOptions } from '../scope-options.ts';
import { problemLine } from '../problem-lines.ts';

interface QueryOptions extends ScopeOptions {
  metric: string[];
  currency?: string;
  compare?: string;
  basis?: string;
  csv?: boolean;
  lineage?: boolean;
}

export function queryCommand(program: Command, open: () => Promise<AsterismApi>): void {
  withScope(
    program.command('query').description('metrics by dimensions / 按维度查询指标').requiredOption('--metric <id>', 'metric id (repeat or comma-separate)', collect),
    'group by: date week month store marketplace asin parent_asin sku product owner fulfillment ad_type campaign search_term',
  )
    .option('--currency <code>', 'convert money with the dated FX table')
    .option('--compare <kind>', 'wow | mom | yoy | previous: add the compared period and the change: previous.<metric> and change.<metric> beside each metric')
    .option('--basis <basis>', 'profit metrics: order (default: by order date, unsettled orders estimated) or posted (cash view)')
    .option('--csv', 'print CSV')
    .option('--lineage', 'also say where the numbers came from: report types, days covered, attribution window, time zone, import time / 数据来源')
    .action(async (o: QueryOptions) => {
      const asterism = await open();
      try {
        const result = await asterism.query({ metrics: o.metric, ...scopeOf(o), ...(o.currency ? { currency: o.currency } : {}), ...(o.compare ? { compare: o.compare } : {}), ...(o.basis ? { basis: o.basis } : {}), ...(o.lineage ? { lineage: true } : {}) });
        const mode = outputMode(o);
        if (mode === 'json') {
          console.log(JSON.stringify(result));
          return;
        }
        // with --compare, each metric's previous value and change beside it, as the JSON rows carry them
        const basis = result.compare?.basis ?? {};
        const columns = withCompareColumns(result.columns.map((c) => c.id), Object.keys(basis));
        const money = result.columns.flatMap((c) => [c, { ...c, id: `previous.${c.id}` }]);
        console.log(mode === 'csv'
          ? renderCsv(columns, flattenCompare(result.rows, basis, 'number'))
          : renderTable(columns, withMoneyText(money, flattenCompare(result.rows, basis, 'text'))));
        if (result.period?.note) console.error(`period: ${result.period.note[currentLanguage()]}`);
        if (result.profit_basis) console.error(basisLine(result.profit_basis));
        for (const l of result.lineage ?? []) console.error(`lineage: ${lineageText(l)[currentLanguage()]}`);
        // a change against a base with fewer days of data is not a change of the business: said beside the table
        for (const [metric, c] of Object.entries(result.compare?.partial_base ?? {})) {
          console.error(`partial_base: ${metric}: ${partialBaseText(c)[currentLanguage()]} (${result.compare?.from} – ${result.compare?.to})`);
        }
        for (const p of result.problems) console.error(problemLine(p));
      } finally {
        await asterism.close();
      }
    });
}
