import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { AsterismError } from '../../domain/errors.ts';
import { say } from '../../domain/messages.ts';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { userName } from '../config.ts';
import { currentLanguage } from '../language.ts';
import { outputMode, renderTable } from '../output.ts';
import { defined, withApi } from '../with-api.ts';

/**
 * `asterism ads terms|negatives|bids|budgets [filters] [--json]`, `ads approve|reject ID [--reason]`, `ads export --out FILE.xlsx`,
 * `ads targets set|list`, `ads log` (issue 21). Each --json answer is `{"suggestions":[{"id","kind","scope","evidence","change","status"}]}`
 * plus `left_alone` (what was judged and why it was left) and `economics` (each SKU's break-even and target).
 */
type Suggestion = { id: number; kind: string; scope: Record<string, unknown>; evidence: Record<string, unknown>; change: Record<string, unknown>; status: string };
type LeftAlone = { kind: string; scope: Record<string, unknown>; reason: { en: string; zh: string } };

const what = (s: Suggestion) => String(s.scope.search_term ?? s.scope.targeting ?? s.scope.placement ?? s.scope.campaign ?? '');
const changeText = (c: Record<string, unknown>) => [c.operation, c.entity, c.keyword_text ?? c.expression ?? c.placement ?? '', c.match_type ?? '',
  c.bid !== undefined ? `bid ${String(c.bid)}` : '', c.percentage !== undefined ? `${String(c.percentage)}%` : '', c.daily_budget !== undefined ? `budget ${String(c.daily_budget)}` : '',
  `→ ${String(c.campaign)}${c.ad_group ? ` / ${String(c.ad_group)}` : ''}`].filter((x) => x !== '').join(' ');
const evidenceText = (e: Record<string, unknown>) => ['clicks', 'orders', 'spend', 'sales', 'acos', 'wasted_spend', 'target_acos']
  .filter((k) => e[k] !== undefined && e[k] !== null).map((k) => `${k} ${String(e[k])}`).join(', ');

function printSuggestions(o: { json?: boolean }, answer: { suggestions: Suggestion[]; left_alone?: LeftAlone[] }): void {
  if (outputMode(o) === 'json') {
    console.log(JSON.stringify(answer));
    return;
  }
  const rows = answer.suggestions.map((s) => ({ id: s.id, kind: s.kind, what: what(s), evidence: evidenceText(s.evidence), change: changeText(s.change), status: s.status }));
  const lines = [renderTable(['id', 'kind', 'what', 'evidence', 'change', 'status'], rows)];
  const lang = currentLanguage();
  for (const l of answer.left_alone ?? []) lines.push(`· ${String(l.scope.search_term ?? l.scope.targeting ?? l.scope.campaign ?? '')}: ${l.reason[lang]}`);
  console.log(lines.join('\n'));
}

export function adsCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const ads = program.command('ads').description('the ads workbench: harvest, negatives, bids, budgets, approvals, bulk file / 广告工作台');
  const questions = {
    terms: ['ads_terms', 'search terms to harvest as exact keywords or product targets / 收词建议'],
    negatives: ['ads_negatives', 'search terms to negate, with the spend they waste / 否定词建议'],
    bids: ['ads_bids', 'bids toward target ACoS and placement multipliers / 竞价与位置调整建议'],
    budgets: ['ads_budgets', 'budget pacing from the Budget report / 预算建议'],
  } as const;
  for (const [name, [operation, description]] of Object.entries(questions)) {
    ads.command(name).description(description)
      .option('--store <name>').option('--marketplace <code>').option('--from <date>').option('--to <date>')
      .option('--ad-type <type>', 'SP, SB or SD').option('--campaign <name>').option('--user <name>').option('--json')
      .action((o: { store?: string; marketplace?: string; from?: string; to?: string; adType?: string; campaign?: string; user?: string; json?: boolean }) => withApi(open, async (api) => {
        const answer = await api.run(operation, defined({
          store: o.store, marketplace: o.marketplace, from: o.from, to: o.to, ad_type: o.adType?.toUpperCase() as 'SP' | 'SB' | 'SD' | undefined, campaign: o.campaign, user: userName(o.user),
        }));
        printSuggestions(o, answer as never);
      }));
  }
  for (const action of ['approve', 'reject'] as const) {
    ads.command(action).description(action === 'approve' ? 'approve an ads suggestion / 批准广告调整' : 'reject an ads suggestion / 拒绝广告调整')
      .argument('<id>').option('--reason <text>', 'why').option('--user <name>').option('--json')
      .action((id: string, o: { reason?: string; user?: string; json?: boolean }) => withApi(open, async (api) => {
        if (!/^\d+$/.test(id)) throw new AsterismError('bad_request', say('not_an_id', { value: id, what: { en: 'an ads suggestion id (a number)', zh: '广告建议编号（数字）' }, command: 'asterism ads terms' }));
        const answer = await api.run(action === 'approve' ? 'ads_approve' : 'ads_reject', defined({ id: Number(id), reason: o.reason, user: userName(o.user) }));
        printSuggestions(o, answer as never);
      }));
  }
  ads.command('list').description('the approval list / 广告调整审批列表')
    .option('--status <status>', 'pending, approved or rejected').option('--kind <kind>').option('--store <name>').option('--marketplace <code>').option('--json')
    .action((o: { status?: string; kind?: string; store?: string; marketplace?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('ads_list', defined({ status: o.status as 'pending' | undefined, kind: o.kind, store: o.store, marketplace: o.marketplace }));
      printSuggestions(o, answer as never);
    }));
  ads.command('log').description('who approved, rejected or exported what, when and why / 广告调整审批记录').option('--id <id>').option('--json')
    .action((o: { id?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('ads_log', defined({ id: o.id === undefined ? undefined : Number(o.id) }));
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : renderTable(['id', 'suggestion_id', 'kind', 'action', 'user', 'at', 'note'], answer.decisions));
    }));
  const targets = ads.command('targets').description('target ACoS per SKU, tier or store / 目标ACoS');
  targets.command('set').description('set a target ACoS (0.25 or 25%) for a SKU, a tier, or the store')
    .requiredOption('--acos <fraction>').option('--sku <sku>').option('--tier <tier>').option('--store <name>').option('--user <name>').option('--json')
    .action((o: { acos: string; sku?: string; tier?: string; store?: string; user?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('ads_targets_set', defined({ target_acos: o.acos, sku: o.sku, tier: o.tier, store: o.store, user: userName(o.user) }));
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : renderTable(['store', 'scope', 'key', 'target_acos', 'updated_by', 'updated_at'], answer.targets));
    }));
  targets.command('list').option('--store <name>').option('--json').action((o: { store?: string; json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('ads_targets_list', defined({ store: o.store }));
    console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : renderTable(['store', 'scope', 'key', 'target_acos', 'updated_by', 'updated_at'], answer.targets));
  }));
  ads.command('export').description('approved changes as an Amazon Ads bulk operations file / 导出广告批量操作文件')
    .requiredOption('--out <file>', 'FILE.xlsx').option('--ids <bulk.xlsx>', 'your bulk download from the console: fills campaign, ad group, keyword and target IDs')
    .option('--store <name>').option('--marketplace <code>').option('--user <name>').option('--json')
    .action((o: { out: string; ids?: string; store?: string; marketplace?: string; user?: string; json?: boolean }) => withApi(open, async (api) => {
      // read here, where the user runs the command: a server never reads a path it is sent
      const ids = o.ids ? await (await import('../../ingest/ads-console/bulk-sheet-read.ts')).bulkIds(o.ids) : undefined;
      const answer = await api.run('ads_export', defined({ store: o.store, marketplace: o.marketplace, user: userName(o.user), ids }));
      writeFileSync(o.out, Buffer.from(answer.file_base64, 'base64'));
      const { file_base64: _bytes, ...summary } = answer;
      console.log(outputMode(o) === 'json' ? JSON.stringify({ ...summary, out: o.out }) : `${o.out}: ${answer.count} approved change(s) (${answer.ids.map((i) => `#${i}`).join(', ')})`
        + (answer.missing_ids.length ? `; without IDs (fill them before uploading, or give --ids): ${answer.missing_ids.map((i) => `#${i}`).join(', ')}` : ''));
    }));
}
