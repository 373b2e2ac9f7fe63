import { say } from '../../domain/messages.ts';
import { AsterismError } from '../../domain/errors.ts';
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { userName } from '../config.ts';
import { outputMode, renderTable } from '../output.ts';
import { defined, withApi } from '../with-api.ts';

/** `asterism price suggest|approve|reject|list|log|rules|export` (CLI contract "profit and price"). */
const listColumns = ['id', 'sku', 'marketplace', 'currency', 'current_price', 'break_even_price', 'target_margin_price', 'competitor_price', 'suggested_price', 'rules_applied', 'status', 'decided_by', 'note'];
const ruleColumns = ['store', 'sku', 'marketplace', 'min_margin', 'target_margin', 'ceiling', 'map', 'max_step', 'fx_buffer', 'competitor_step', 'updated_at'];

/** a fraction (0.2) or a percentage (20%) */
export function fraction(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined;
  if (text === 'none') return 'none';
  const percent = text.trim().endsWith('%');
  const n = Number(text.replace(/%$/, ''));
  if (!Number.isFinite(n)) throw new AsterismError('bad_request', say('not_a_number_option', { what: flag, value: text, example: { en: '0.2 or 20%', zh: '0.2 或 20%' } }));
  return percent ? String(n / 100) : text.trim();
}

function print(o: { json?: boolean }, answer: object, text: () => string): void {
  console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : text());
}

type Suggestion = { id: number; sku: string; marketplace: string; currency: string; suggested_price: number | null; break_even_price: number | null; target_margin_price: number | null; competitor_price: number | null; rules_applied: string[]; status: string; warnings?: string[] };
const line = (s: Suggestion) => `#${s.id} ${s.sku} (${s.marketplace}): suggested ${s.suggested_price ?? '—'} ${s.currency}${s.rules_applied.length ? ` [${s.rules_applied.join(', ')}]` : ''}`
  + ` · break-even ${s.break_even_price ?? '—'} · target ${s.target_margin_price ?? '—'} · competitor ${s.competitor_price ?? '—'} · ${s.status}`;

type Fees = { sources?: { referral: string; fulfilment: string }; settled?: { from: string; to: string; orders: number } | null };
const feeSource = { settled: 'own settled orders', fee_preview: 'FBA fee preview', table: 'fee tables' } as Record<string, string>;
/** Which source decided each fee, under the suggestion. */
const feeLine = (f: Fees | undefined): string => {
  if (!f?.sources) return '';
  const settled = f.settled ? ` (settled: ${f.settled.orders} orders ${f.settled.from}…${f.settled.to})` : '';
  return `\nfees: referral ← ${feeSource[f.sources.referral] ?? f.sources.referral}, FBA ← ${feeSource[f.sources.fulfilment] ?? f.sources.fulfilment}${settled}`;
};

export function priceCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const price = program.command('price').description('private-label pricing: suggestions, approvals, price files / 定价与调价审批');
  price.command('suggest')
    .description('suggest a price for a SKU from its costs, fees, competitor and rules / 生成调价建议')
    .requiredOption('--sku <sku>').option('--marketplace <code>').option('--store <name>')
    .option('--target-margin <r>', 'net margin on revenue ex VAT: 0.2 or 20%').option('--date <date>', 'cost, FX and fee tables as of this day')
    .option('--user <name>').option('--json')
    .action((o: { sku: string; marketplace?: string; store?: string; targetMargin?: string; date?: string; user?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('price_suggest', defined({ sku: o.sku, marketplace: o.marketplace, store: o.store, target_margin: fraction(o.targetMargin, '--target-margin'), date: o.date, user: userName(o.user) }));
      print(o, answer, () => `${line(answer as Suggestion)}${feeLine((answer as { fees?: Fees }).fees)}`);
    }));
  for (const action of ['approve', 'reject'] as const) {
    price.command(action)
      .description(action === 'approve' ? 'approve a pending suggestion / 批准调价建议' : 'reject a pending suggestion / 拒绝调价建议')
      .argument('<id>').option('--note <text>', 'why').option('--user <name>').option('--json')
      .action((id: string, o: { note?: string; user?: string; json?: boolean }) => withApi(open, async (api) => {
        if (!/^\d+$/.test(id)) throw new AsterismError('bad_request', say('not_an_id', { value: id, what: { en: 'a suggestion id (a number)', zh: '调价建议编号（数字）' }, command: 'asterism price list' }));
        const answer = await api.run(action === 'approve' ? 'price_approve' : 'price_reject', defined({ id: Number(id), note: o.note, user: userName(o.user) }));
        print(o, answer, () => `${line(answer as Suggestion)} by ${(answer as { decided_by: string }).decided_by}`);
      }));
  }
  price.command('list').description('price suggestions / 调价建议列表')
    .option('--status <status>', 'pending, approved or rejected').option('--sku <sku>').option('--marketplace <code>').option('--store <name>').option('--json')
    .action((o: { status?: string; sku?: string; marketplace?: string; store?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('price_list', defined({ status: o.status, sku: o.sku, marketplace: o.marketplace, store: o.store }));
      print(o, answer, () => renderTable(listColumns, answer.suggestions));
    }));
  price.command('log').description('who approved, rejected or exported what, when and why / 审批记录')
    .option('--id <id>').option('--sku <sku>').option('--json')
    .action((o: { id?: string; sku?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('price_log', defined({ id: o.id, sku: o.sku }));
      print(o, answer, () => renderTable(['id', 'suggestion_id', 'sku', 'marketplace', 'suggested_price', 'action', 'user', 'at', 'note'], answer.decisions));
    }));
  const rules = price.command('rules').description('pricing rules per SKU / marketplace, or the store default / 定价规则');
  rules.command('set').description('set rules (fractions: 0.1 or 10%; prices in the marketplace currency; "none" clears one)')
    .option('--sku <sku>', 'default: every SKU').option('--marketplace <code>', 'default: every marketplace').option('--store <name>')
    .option('--min-margin <r>').option('--target-margin <r>').option('--ceiling <price>').option('--map <price>')
    .option('--max-step <r>').option('--fx-buffer <r>').option('--competitor-step <amount>').option('--json')
    .action((o: Record<string, string | boolean | undefined>) => withApi(open, async (api) => {
      const t = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
      const input = defined({
        sku: t('sku'), marketplace: t('marketplace'), store: t('store'),
        min_margin: fraction(t('minMargin'), '--min-margin'), target_margin: fraction(t('targetMargin'), '--target-margin'), ceiling: t('ceiling'), map: t('map'),
        max_step: fraction(t('maxStep'), '--max-step'), fx_buffer: fraction(t('fxBuffer'), '--fx-buffer'), competitor_step: t('competitorStep'),
      });
      const answer = await api.run('price_rules_set', input);
      print({ json: o.json === true }, answer, () => renderTable(ruleColumns, [answer.rule]));
    }));
  rules.command('list').option('--store <name>').option('--json').action((o: { store?: string; json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('price_rules_list', defined({ store: o.store }));
    print(o, answer, () => renderTable(ruleColumns, answer.rules));
  }));
  price.command('explain').description('a price and everything behind it: cost build-up, FX, fees, rules, approvals / 定价依据')
    .requiredOption('--sku <sku>').option('--marketplace <code>').option('--store <name>')
    .option('--format <format>', 'md (default, printed) | html | pdf | xlsx').option('--out <file>', 'write the document here (needed for pdf and xlsx)')
    .option('--lang <lang>', 'zh (default) | en').option('--json')
    .action((o: { sku: string; marketplace?: string; store?: string; format?: string; out?: string; lang?: string; json?: boolean }) => withApi(open, async (api) => {
      const lang = o.lang === 'en' ? 'en' : 'zh';
      const answer = await api.run('price_explain', defined({ sku: o.sku, marketplace: o.marketplace, store: o.store, lang }));
      if (o.json) return console.log(JSON.stringify(answer));
      const { renderExplained } = await import('../price-explain-file.ts');
      const format = o.format ?? 'md';
      const body = await renderExplained(answer.document, format, lang);
      if (o.out) {
        writeFileSync(o.out, body);
        console.log(`${o.out}: ${format}`);
      } else if (typeof body === 'string') console.log(body);
      else throw new AsterismError('bad_request', { en: `--format ${format} needs --out FILE`, zh: `--format ${format} 需要 --out 文件` });
    }));
  price.command('gaps').description('SKUs whose prices on Amazon, Walmart and Shopify are further apart than a gap / 多平台价格不同步检查')
    .option('--max-gap <rate>', 'the largest gap allowed, as a fraction: 0.05 is 5% (default)').option('--store <name>').option('--json')
    .action((o: { maxGap?: string; store?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('price_channel_gaps', defined({ store: o.store, max_gap: fraction(o.maxGap, '--max-gap') }));
      print(o, answer, () => `${renderTable(['sku', 'currency', 'low', 'high', 'gap'], answer.breaking.map((g) => ({
        sku: g.sku, currency: g.currency, low: `${g.low.channel} ${g.low.price}`, high: `${g.high.channel} ${g.high.price}`, gap: `${(g.gap * 100).toFixed(2)}%`,
      })))}\n${answer.breaking.length} of ${answer.compared} SKU(s) on several channels are more than ${Number(answer.max_gap) * 100}% apart / 价差超限`);
    }));
  price.command('export').description("approved prices as a channel's price file: Amazon Price & Quantity, Walmart bulk price feed (JSON), Shopify product CSV / 导出各平台价格文件")
    .requiredOption('--channel <channel>', 'amazon | walmart | shopify').requiredOption('--out <file>').option('--marketplace <code>').option('--store <name>').option('--user <name>').option('--json')
    .action((o: { channel: string; out: string; marketplace?: string; store?: string; user?: string; json?: boolean }) => withApi(open, async (api) => {
      if (!(['amazon', 'walmart', 'shopify'] as const).includes(o.channel as 'amazon')) throw new AsterismError('bad_request', say('price_file_channels', { value: String(o.channel) }));
      const answer = await api.run('price_export', defined({ channel: o.channel as 'amazon' | 'walmart' | 'shopify', marketplace: o.marketplace, store: o.store, user: userName(o.user) }));
      writeFileSync(o.out, answer.file);
      const { file: _file, ...summary } = answer;
      print(o, { ...summary, out: o.out }, () => `${o.out}: ${answer.count} approved price(s) for ${o.channel}${answer.marketplace ? ` ${answer.marketplace}` : ''}`
        + ('unlisted' in answer && answer.unlisted.length ? `\nnot on Shopify (import its product export) / Shopify 未上架: ${answer.unlisted.join(', ')}` : ''));
    }));
}
