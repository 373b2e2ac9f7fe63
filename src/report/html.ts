import type { Cell, DocumentSection, ReportDocument, Table } from './document.ts';
import { formatCell } from './format.ts';
import { labels, t } from './labels.ts';
import { chartSvg } from './svg-chart.ts';

/**
 * One self-contained HTML file: inline CSS, charts as inline SVG, no script, no external font, image
 * or link, so it opens offline, mails as one attachment and prints to the same PDF.
 */
const css = `
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",Helvetica,Arial,sans-serif;color:#1f2933;margin:24px;font-size:12px;line-height:1.45}
h1{font-size:20px;margin:0 0 8px}
h2{font-size:15px;margin:22px 0 8px;padding-bottom:4px;border-bottom:2px solid #2f6fb0;break-after:avoid}
h3{font-size:12px;margin:12px 0 4px;color:#3e4c59;break-after:avoid}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px;color:#52606d}
dl.meta dt{font-weight:600}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;margin:4px 0 10px;break-inside:auto}
th,td{border:1px solid #d9e2ec;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f4f8;font-weight:600}
tr{break-inside:avoid}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.good{color:#1e7b3c}td.bad{color:#c0392b}td.flat{color:#7b8794}
p.note{color:#52606d;margin:2px 0}p.empty{color:#7b8794;font-style:italic}
.charts{display:flex;flex-wrap:wrap;gap:12px;margin:6px 0;break-inside:avoid}
figure{margin:0}figcaption{font-size:11px;color:#52606d}
ul.problems{color:#8a5a00}
footer{margin-top:24px;color:#9aa5b1;font-size:10px}
@page{size:A4;margin:14mm 10mm 16mm}
@media print{body{margin:0}}
`;

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function cell(c: Cell, lang: ReportDocument['lang']): string {
  const classes = [c.f !== 'text' ? 'n' : '', c.tone ?? ''].filter(Boolean).join(' ');
  return `<td${classes ? ` class="${classes}"` : ''}>${escapeHtml(formatCell(c, lang))}</td>`;
}

function table(tb: Table, lang: ReportDocument['lang']): string {
  const head = `<tr>${tb.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = tb.rows.map((r) => `<tr>${r.map((c) => cell(c, lang)).join('')}</tr>`).join('\n');
  return `${tb.title ? `<h3>${escapeHtml(tb.title)}</h3>` : ''}<table><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

function section(s: DocumentSection, lang: ReportDocument['lang']): string {
  const charts = s.charts.length
    ? `<div class="charts">${s.charts.map((c) => `<figure>${chartSvg(c)}<figcaption>${escapeHtml(c.title)}</figcaption></figure>`).join('')}</div>`
    : '';
  const body = s.tables.length ? s.tables.map((tb) => table(tb, lang)).join('\n') : `<p class="empty">${escapeHtml(s.empty ?? '')}</p>`;
  const notes = s.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  return `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>${charts}${body}${notes}</section>`;
}

export function renderHtml(doc: ReportDocument): string {
  const meta = doc.meta.map((m) => `<dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.value)}</dd>`).join('');
  const problems = doc.problems.length
    ? `<h2>${escapeHtml(t(labels.problems, doc.lang))}</h2><ul class="problems">${doc.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(doc.title)}</title>
<style>${css}</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<dl class="meta">${meta}</dl>
${doc.sections.map((s) => section(s, doc.lang)).join('\n')}
${problems}
<footer>${escapeHtml(t(labels.footer, doc.lang))}</footer>
</body>
</html>
`;
}
