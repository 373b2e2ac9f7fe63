import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import type { ComparedFunnelRow } from '../../app/funnel.ts';
import { stakeText } from '../at-stake-text.ts';
import { changeText } from '../compare-columns.ts';
import { currentLanguage } from '../language.ts';
import { outputMode, renderTable } from '../output.ts';
import { scopeOf, withScope, type ScopeOptions } from '../scope-options.ts';
import { problemLine } from '../problem-lines.ts';

type FunnelOptions = ScopeOptions & { compare?: 'wow' | 'mom' | 'yoy'; tier?: 'new' | 'mature' | 'clearance' };
const scopeHelp = 'scope: asin parent_asin product owner store marketplace date week month (default: marketplace, asin)';

const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(2)}%`);

const stages = ['exposure', 'click', 'cart', 'order', 'review', 'repeat'];
const salesChangeColumns = ['sales_change', 'sales_change.traffic', 'sales_change.conversion', 'sales_change.price', 'ads_vs_organic.ads', 'ads_vs_organic.organic'];

/** A compared row's cells: the stage in the previous period (count and rate), the rate's change in points, the sales change's parts. */
function comparedCells(c: NonNullable<ComparedFunnelRow['compare']>): Record<string, string | number | null> {
  const amount = (v: number | null) => (v === null ? null : v.toFixed(2));
  return {
    ...Object.fromEntries(c.stages.flatMap((s) => [
      [`previous.${s.stage}`, s.count === null && s.rate === null ? null : `${s.count ?? '—'} ${s.stage === 'exposure' ? '' : pct(s.rate)}`.trim()],
      [`change.${s.stage}`, changeText(s.rate_change, 'difference')],
    ])),
    'sales_change': amount(c.sales_change.total), 'sales_change.traffic': amount(c.sales_change.traffic),
    'sales_change.conversion': amount(c.sales_change.conversion), 'sales_change.price': amount(c.sales_change.price),
    'ads_vs_organic.ads': amount(c.ads_vs_organic.ads), 'ads_vs_organic.organic': amount(c.ads_vs_organic.organic),
  };
}

export function funnelCommands(program: Command, open: () => Promise<AsterismApi>): void {
  withScope(program.command('funnel').description('the six-stage funnel: exposure → click → cart → order → review → repeat / 运营漏斗'), scopeHelp)
    .option('--compare <period>', 'wow, mom or yoy: the previous period beside it, and the sales change decomposed')
    .option('--tier <tier>', 'only listings in this lifecycle tier: new, mature or clearance')
    .action(async (o: FunnelOptions) => {
      const asterism = await open();
      try {
        const answer = await asterism.run('funnel', { ...scopeOf(o), ...(o.compare ? { compare: o.compare } : {}), ...(o.tier ? { tier: o.tier } : {}) });
        if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
        const rows = (answer.rows as ComparedFunnelRow[]).map((r) => ({
          scope: Object.values(r.key).join(' '), source: r.source, tier: r.tier,
          ...Object.fromEntries(r.stages.map((s) => [s.stage, `${s.count ?? '—'} ${s.stage === 'exposure' ? '' : pct(s.rate)} ${s.status === 'ok' ? '' : s.status}`.trim()])),
          ...(r.compare ? comparedCells(r.compare) : {}),
        }));
        // with --compare, each stage's previous count and rate and its change, and the sales change decomposed, as JSON has them
        const compared = o.compare ? [...stages.flatMap((s) => [s, `previous.${s}`, `change.${s}`]), ...salesChangeColumns] : stages;
        console.log(renderTable(['scope', 'source', 'tier', ...compared], rows));
        if (answer.period.note) console.error(`period: ${answer.period.note[currentLanguage()]}`);
        for (const p of answer.problems) console.error(problemLine(p));
        // a base with fewer days of data: its change is not the business's, said beside the table
        for (const r of answer.rows as ComparedFunnelRow[]) {
          if (r.compare && Object.keys(r.compare.partial_base).length && r.compare.note) console.error(`partial_base: ${Object.values(r.key).join(' ')}: ${r.compare.note[currentLanguage()]}`);
        }
      } finally {
        await asterism.close();
      }
    });
  withScope(program.command('diagnose').description('where the funnel leaks and what to try / 漏斗诊断'), scopeHelp)
    .option('--lang <lang>', 'zh or en actions on a terminal', 'zh')
    .option('--tier <tier>', 'only listings in this lifecycle tier: new, mature or clearance')
    .option('--currency <code>', 'money at stake also in this currency (FX table), and ranked in it')
    .action(async (o: FunnelOptions & { lang: string; currency?: string }) => {
      const asterism = await open();
      try {
        const answer = await asterism.run('diagnose', { ...scopeOf(o), ...(o.tier ? { tier: o.tier } : {}), ...(o.currency ? { currency: o.currency } : {}) });
        if (outputMode(o) === 'json') return console.log(JSON.stringify(answer));
        const lang = o.lang === 'en' ? 'en' : 'zh';
        // ranked by money at stake, largest first (the answer's order)
        const rows = answer.findings.map((f) => ({
          scope: Object.values(f.scope).join(' '), stage: f.stage, at_stake: stakeText(f.at_stake, lang), value: pct(f.value), benchmark: `${pct(f.benchmark.low)}–${pct(f.benchmark.high)}`,
          severity: f.severity, action: f.actions[lang][0] ?? '', confounders: f.confounders.map((c) => `${c.type} ${c.date}`).join(', '),
        }));
        if (rows.length) console.log(renderTable(['scope', 'stage', 'at_stake', 'value', 'benchmark', 'severity', 'action', 'confounders'], rows));
        // an unknown amount's reason, said once beneath the table
        const reasons = new Map(answer.findings.flatMap((f) => [f.at_stake.reason, f.at_stake.reporting?.reason].flatMap((r) => (r ? [[r.code, r[lang]] as const] : []))));
        for (const [code, text] of reasons) console.log(`— ${code}: ${text}`);
        // no finding: say why rather than print an empty table
        if (answer.no_findings) console.log(answer.no_findings[lang]);
        if (answer.period.note) console.error(`period: ${answer.period.note[lang]}`);
        for (const p of answer.problems.filter((q) => q.code !== 'no_data')) console.error(problemLine(p));
      } finally {
        await asterism.close();
      }
    });
}
