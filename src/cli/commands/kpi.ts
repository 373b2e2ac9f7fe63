import { say } from '../../domain/messages.ts';
import { lastPeriodPartialText } from '../../domain/partial-base.ts';
import { AsterismError } from '../../domain/errors.ts';
import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import type { RowExplanation } from '../../app/kpi-explain.ts';
import { userName } from '../config.ts';
import { outputMode, renderTable } from '../output.ts';
import { defined, withApi } from '../with-api.ts';

const statusColumns = ['kpi', 'period', 'scope', 'owner', 'role', 'target', 'actual', 'attainment', 'expected_to_date', 'status', 'locked'];

type Open = () => Promise<AsterismApi>;

/** `asterism kpi status|explain|lock|unlock|history|periods|targets` (CLI contract "kpi"). */
export function kpiCommands(program: Command, open: Open): void {
  const kpi = program.commands.find((c) => c.name() === 'kpi') ?? program.command('kpi').description('KPI targets, status and reviews / KPI管理');
  statusCommands(kpi, open);
  lockCommands(kpi, open);
  periodCommands(kpi, open);
  targetCommands(kpi, open);
}

/** `kpi status` and `kpi explain`: attainment and why a KPI was missed. */
function statusCommands(kpi: Command, open: Open): void {
  kpi.command('status')
    .description('attainment, pacing and scorecards for a period / KPI达成')
    .option('--period <period>', '2026-09, 2026-W38, 2026-Q3 or a named special period (default: the latest complete month with data, and targets where set)')
    .option('--owner <name>').option('--as-of <date>').option('--currency <code>', 'the currency money targets are written in: actuals are converted into it with the dated FX table (targets carry no currency; without it, each scope answers in its own)').option('--pacing <pacing>', 'linear or seasonal')
    .option('--explain', 'explain every row that is behind (an `explanation` field per row) / 解释未达成的KPI').option('--lang <lang>', 'zh or en explanations on a terminal', 'zh').option('--json')
    .action((o: { period?: string; owner?: string; asOf?: string; currency?: string; pacing?: string; explain?: boolean; lang: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_status', defined({ period: o.period, owner: o.owner, as_of: o.asOf, currency: o.currency, pacing: o.pacing, explain: o.explain }));
      if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
      const lang = o.lang === 'en' ? 'en' : 'zh';
      if (answer.period_note) console.log(`${answer.period_note[lang]}\n`);
      const rows = answer.rows.map((r) => ({ ...r, scope: JSON.stringify(r.scope) }));
      console.log(renderTable(statusColumns, rows));
      for (const r of answer.rows) {
        if (r.no_data_reason) console.log(`\n${r.kpi} (${r.owner ?? JSON.stringify(r.scope)}): ${r.no_data_reason[lang]}`);
        // the last comparable period has fewer days of data: not a history to judge the target by
        if (r.partial_base) console.log(`\n${r.kpi} (${r.owner ?? JSON.stringify(r.scope)}): ${lastPeriodPartialText(r.partial_base)[lang]}`);
        const x = (r as { explanation?: RowExplanation | null }).explanation;
        if (x) console.log(`\n${x.kpi} (${x.owner ?? JSON.stringify(x.scope)})\n${x.text[lang].map((l) => `  · ${l}`).join('\n')}`);
      }
    }));
  kpi.command('explain')
    .description('why a KPI was missed: traffic, conversion, price, stock-outs, ads vs organic, findings, events / KPI未达成原因')
    .option('--period <period>', 'default: the latest complete month with data, and targets where set').option('--kpi <id>', 'only this KPI (every row of it, whatever its status)').option('--all', 'every row, not only those behind')
    .option('--owner <name>').option('--as-of <date>').option('--currency <code>', 'the currency money targets are written in: actuals are converted into it with the dated FX table (targets carry no currency; without it, each scope answers in its own)').option('--pacing <pacing>', 'linear or seasonal')
    .option('--lang <lang>', 'zh or en on a terminal', 'zh').option('--json')
    .action((o: { period?: string; kpi?: string; all?: boolean; owner?: string; asOf?: string; currency?: string; pacing?: string; lang: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_explain', defined({ period: o.period, kpi: o.kpi, all: o.all, owner: o.owner, as_of: o.asOf, currency: o.currency, pacing: o.pacing }));
      if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
      const lang = o.lang === 'en' ? 'en' : 'zh';
      if (answer.period_note) console.log(`${answer.period_note[lang]}\n`);
      if (answer.explanations.length === 0) console.log(lang === 'zh' ? `${answer.period.label}：没有落后的KPI` : `${answer.period.label}: no KPI is behind`);
      for (const x of answer.explanations) {
        console.log(`${x.kpi} · ${x.owner ?? JSON.stringify(x.scope)} · ${x.status}\n${x.text[lang].map((l) => `  · ${l}`).join('\n')}\n`);
      }
    }));
}

/** `kpi lock`, `unlock` and `history`: a period's locked review and its versions. */
function lockCommands(kpi: Command, open: Open): void {
  kpi.command('lock')
    .description('freeze a closed period: its actuals and scores stay as they are / 锁定已结束的考核期')
    .requiredOption('--period <period>').option('--currency <code>', 'the currency money targets are written in: actuals are converted into it with the dated FX table (targets carry no currency; without it, each scope answers in its own)').option('--user <name>', 'who locks it (default $ASTERISM_USER, else the OS user)').option('--json')
    .action((o: { period: string; currency?: string; user?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_lock', defined({ period: o.period, currency: o.currency, user: userName(o.user) }));
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `locked ${answer.period.label} (version ${answer.version ?? 1})`);
    }));
  kpi.command('unlock')
    .description('reopen a locked period with a reason; the locked version is kept / 解锁考核期（保留原版本）')
    .requiredOption('--period <period>').requiredOption('--reason <text>').option('--user <name>', 'who unlocks it (default $ASTERISM_USER, else the OS user)').option('--json')
    .action((o: { period: string; reason: string; user?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_unlock', { period: o.period, reason: o.reason, user: userName(o.user) });
      if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
      const restated = answer.restated_by.length ? `; restated by ${answer.restated_by.map((i) => i.file).join(', ')}` : '';
      console.log(`unlocked ${answer.period.label} (version ${answer.version} kept) by ${answer.unlocked_by}: ${answer.reason}${restated}`);
    }));
  kpi.command('history')
    .description('locks and unlocks of a period, who, when, why, and what changed / 考核期锁定历史')
    .requiredOption('--period <period>').option('--json')
    .action((o: { period: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_history', { period: o.period });
      if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
      const events = answer.events.map((e) => ({ ...e, restated_by: e.restated_by.map((i) => i.file).join(', ') }));
      console.log(renderTable(['at', 'action', 'version', 'user', 'reason', 'restated_by'], events));
      for (const c of answer.changes) {
        console.log(`\nversion ${c.from_version} → ${c.to_version}`);
        const rows = c.rows.map((r) => ({
          kpi: r.kpi, scope: JSON.stringify(r.scope), owner: r.owner, change: r.change, fields: r.fields.join(', '),
          before: r.before && `${r.before.actual ?? '—'} / ${r.before.attainment ?? '—'} / ${r.before.status}`,
          after: r.after && `${r.after.actual ?? '—'} / ${r.after.attainment ?? '—'} / ${r.after.status}`,
        }));
        console.log(rows.length ? renderTable(['kpi', 'scope', 'owner', 'change', 'fields', 'before', 'after'], rows) : 'no KPI row changed');
      }
    }));
}

/** `kpi periods set|list`: named special periods. */
function periodCommands(kpi: Command, open: Open): void {
  const periods = kpi.command('periods').description('named special periods such as Prime Day and BFCM / 大促期间');
  periods.command('set').requiredOption('--name <name>').requiredOption('--from <date>').requiredOption('--to <date>').option('--note <text>').option('--json')
    .action((o: { name: string; from: string; to: string; note?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_periods_set', defined({ name: o.name, from: o.from, to: o.to, note: o.note }));
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `${o.name}: ${o.from} – ${o.to}`);
    }));
  periods.command('list').option('--json').action((o: { json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('kpi_periods_list', {});
    if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
    console.log(renderTable(['name', 'date_from', 'date_to', 'note'], answer.periods));
  }));
}

/** `kpi targets import|set|remove|list`. */
function targetCommands(kpi: Command, open: Open): void {
  const targets = kpi.commands.find((c) => c.name() === 'targets') ?? kpi.command('targets');
  targets.command('import')
    .description('import a KPI targets file (CSV/XLSX, Chinese or English headers) / 导入KPI目标')
    .argument('<file>').option('--store <name>').option('--json')
    .action((file: string, o: { store?: string; json?: boolean }) => withApi(open, async (api) => {
      const { files } = await api.importFiles([file], defined({ store: o.store }));
      const result = files[0];
      if (result && result.status !== 'error' && result.type !== 'master_targets') throw new AsterismError('bad_request', say('wrong_file_type', { file, type: result.type ?? '?', expected: { en: 'KPI targets', zh: 'KPI 目标' } }));
      if (outputMode(o) === 'json') console.log(JSON.stringify({ files }));
      else console.log(renderTable(['file', 'type', 'status', 'rows', 'replaced', 'error'], files));
      if (result?.status === 'error') process.exitCode = 1;
    }));
  const scopeOptions = (c: Command) => c.option('--store <name>').option('--marketplace <code>').option('--asin <asin>').option('--parent-asin <asin>')
    .option('--product-line <name>').option('--tier <tier>', 'new, mature or clearance').option('--owner <name>').option('--role <role>', 'operator, ads, customer_service, warehouse or manager');
  type TargetOptions = { kpi: string; period: string; store?: string; marketplace?: string; asin?: string; parentAsin?: string; productLine?: string; tier?: string; owner?: string; role?: string };
  const keyOf = (o: TargetOptions) => defined({
    kpi: o.kpi, period: o.period, store: o.store, marketplace: o.marketplace, asin: o.asin, parent_asin: o.parentAsin,
    product_line: o.productLine, tier: o.tier, owner: o.owner, role: o.role,
  });
  scopeOptions(targets.command('set')
    .description('set one KPI target (replaces the one with the same KPI, period, scope and owner) / 设置KPI目标')
    .requiredOption('--kpi <id>', 'a catalog metric, e.g. sales, ctr, acos').requiredOption('--period <period>', '2026-10, 2026-W42, 2026-Q4 or a special period')
    .requiredOption('--target <number>').option('--weight <number>').option('--priority <n>').option('--lang <lang>', 'zh or en', 'zh').option('--json'))
    .action((o: TargetOptions & { target: string; weight?: string; priority?: string; lang: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_targets_set', defined({ ...keyOf(o), target: o.target, weight: o.weight, priority: o.priority === undefined ? undefined : Number(o.priority) }));
      if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
      const t = answer.target;
      console.log(`${t.kpi} ${t.period} = ${t.target}${t.owner ? ` (${t.owner})` : ''}`);
      // the guards, where targets are set (SPEC §5)
      const lang = o.lang === 'en' ? 'en' : 'zh';
      for (const f of answer.findings) console.log(`  ${f.severity === 'error' ? '✗' : '!'} ${f.message[lang]}`);
    }));
  scopeOptions(targets.command('remove').description('remove one KPI target / 删除KPI目标')
    .requiredOption('--kpi <id>').requiredOption('--period <period>').option('--json'))
    .action((o: TargetOptions & { json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_targets_remove', keyOf(o));
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `removed ${answer.removed}`);
    }));
  targets.command('list').description('the KPI targets, imported and entered / KPI目标列表')
    .option('--period <period>').option('--owner <name>').option('--json')
    .action((o: { period?: string; owner?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('kpi_targets_list', defined({ period: o.period, owner: o.owner }));
      if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
      console.log(renderTable(['kpi', 'period', 'target', 'store', 'marketplace', 'asin', 'parent_asin', 'product_line', 'tier', 'owner', 'role', 'weight', 'priority'],
        answer.targets));
    }));
}
