import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { todayIn } from '../../domain/local-date.ts';
import { outputMode, renderTable } from '../output.ts';
import { defined, withApi } from '../with-api.ts';

const statusColumns = ['kpi', 'period', 'scope', 'owner', 'role', 'target', 'actual', 'attainment', 'expected_to_date', 'status', 'locked'];

/** `asterism kpi status|lock|periods` and `kpi targets import` (CLI contract "kpi"). */
export function kpiCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const kpi = program.commands.find((c) => c.name() === 'kpi') ?? program.command('kpi').description('KPI targets, status and reviews / KPI管理');
  kpi.command('status')
    .description('attainment, pacing and scorecards for a period / KPI达成')
    .option('--period <period>', '2026-09, 2026-W38, 2026-Q3 or a named special period (default: this month)')
    .option('--owner <name>').option('--as-of <date>').option('--currency <code>').option('--pacing <pacing>', 'linear or seasonal').option('--json')
    .action((o: { period?: string; owner?: string; asOf?: string; currency?: string; pacing?: string; json?: boolean }) => withApi(open, async (api) => {
      const period = o.period ?? todayIn('Asia/Shanghai').slice(0, 7);
      const answer = await api.run('kpi_status', defined({ period, owner: o.owner, as_of: o.asOf, currency: o.currency, pacing: o.pacing }) as never);
      if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
      const rows = answer.rows.map((r) => ({ ...r, scope: JSON.stringify(r.scope) }));
      console.log(renderTable(statusColumns, rows as unknown as Record<string, string>[]));
    }));
  kpi.command('lock')
    .description('freeze a closed period: its actuals and scores stay as they are / 锁定已结束的考核期')
    .requiredOption('--period <period>').option('--currency <code>').option('--json')
    .action((o: { period: string; currency?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_lock', defined({ period: o.period, currency: o.currency }) as never);
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `locked ${o.period}`);
    }));
  const periods = kpi.command('periods').description('named special periods such as Prime Day and BFCM / 大促期间');
  periods.command('set').requiredOption('--name <name>').requiredOption('--from <date>').requiredOption('--to <date>').option('--note <text>').option('--json')
    .action((o: { name: string; from: string; to: string; note?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_periods_set', defined({ name: o.name, from: o.from, to: o.to, note: o.note }) as never);
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `${o.name}: ${o.from} – ${o.to}`);
    }));
  periods.command('list').option('--json').action((o: { json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('kpi_periods_list', {} as never);
    if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
    console.log(renderTable(['name', 'date_from', 'date_to', 'note'], answer.periods as unknown as Record<string, string>[]));
  }));
  const targets = kpi.commands.find((c) => c.name() === 'targets') ?? kpi.command('targets');
  targets.command('import')
    .description('import a KPI targets file (CSV/XLSX, Chinese or English headers) / 导入KPI目标')
    .argument('<file>').option('--store <name>').option('--json')
    .action((file: string, o: { store?: string; json?: boolean }) => withApi(open, async (api) => {
      const { files } = await api.importFiles([file], defined({ store: o.store }));
      const result = files[0];
      if (result && result.status !== 'error' && result.type !== 'master_targets') throw new Error(`${file} is a ${result.type} file, not KPI targets`);
      if (outputMode(o) === 'json') console.log(JSON.stringify({ files }));
      else console.log(renderTable(['file', 'type', 'status', 'rows', 'replaced', 'error'], files as unknown as Record<string, string>[]));
      if (result?.status === 'error') process.exitCode = 1;
    }));
}
