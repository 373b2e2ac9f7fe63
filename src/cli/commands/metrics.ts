import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { outputMode, renderCsv, renderTable } from '../output.ts';

export function metricsCommand(program: Command, open: () => Promise<AsterismApi>): void {
  program
    .command('metrics')
    .description('list the metric catalog / 列出指标目录')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action(async (options: { json?: boolean; csv?: boolean }) => {
      const asterism = await open();
      try {
        const metrics = await asterism.metrics();
        const mode = outputMode(options);
        const columns = ['id', 'name_en', 'name_zh', 'unit', 'direction', 'kind', 'aggregation', 'formula'];
        if (mode === 'json') console.log(JSON.stringify({ metrics }));
        else console.log((mode === 'csv' ? renderCsv : renderTable)(columns, metrics));
      } finally {
        await asterism.close();
      }
    });
}
