import type { ReportDocument, Table } from './document.ts';
import { formatCell } from './format.ts';
import { labels, t } from './labels.ts';

/** Markdown: a heading and a table per section, for chat tools (DingTalk, Feishu) and wikis. */
const escapeMd = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(tb: Table, lang: ReportDocument['lang']): string {
  const head = `| ${tb.columns.map(escapeMd).join(' | ')} |`;
  const rule = `|${tb.columns.map((_, i) => (tb.rows.some((r) => typeof r[i]?.v === 'number') ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = tb.rows.map((r) => `| ${r.map((c) => escapeMd(formatCell(c, lang))).join(' | ')} |`);
  return [...(tb.title ? [`### ${escapeMd(tb.title)}`, ''] : []), head, rule, ...rows, ''].join('\n');
}

export function renderMarkdown(doc: ReportDocument): string {
  const out = [`# ${doc.title}`, '', ...doc.meta.map((m) => `- **${m.label}**: ${m.value}`), ''];
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, '');
    if (s.tables.length === 0) out.push(`_${s.empty ?? ''}_`, '');
    for (const tb of s.tables) out.push(table(tb, doc.lang));
    for (const n of s.notes) out.push(`> ${n}`, '');
  }
  if (doc.problems.length) out.push(`## ${t(labels.problems, doc.lang)}`, '', ...doc.problems.map((p) => `- ${p}`), '');
  return out.join('\n');
}
