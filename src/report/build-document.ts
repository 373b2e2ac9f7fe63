import { lineageText } from '../domain/lineage-text.ts';
import type { ReportDocument } from './document.ts';
import { labels, t } from './labels.ts';
import type { Lang, ReportData } from './report-data.ts';
import { sections } from './sections.ts';

/** The report's data → the document every format renders (tables whose rows are empty are left out). */
export function buildDocument(d: ReportData, lang: Lang): ReportDocument {
  const m = labels.meta;
  const all = t(m.all, lang);
  const scopeTitle = d.scope.owner ? ` · ${d.scope.owner}` : d.scope.marketplace ? ` · ${d.scope.marketplace}` : '';
  const meta = [
    { label: t(m.period, lang), value: d.period.from === d.period.to || d.period.label.includes('~') ? d.period.label : `${d.period.label} (${d.period.from} – ${d.period.to})` },
    ...(d.period_note ? [{ label: t(m.periodChosen, lang), value: d.period_note[lang] }] : []),
    ...(d.scope.owner ? [{ label: t(m.owner, lang), value: d.scope.owner }] : []),
    ...(d.asins ? [{ label: t(m.asins, lang), value: d.asins.join(', ') || '—' }] : []),
    { label: t(m.store, lang), value: d.scope.store ?? all },
    { label: t(m.marketplace, lang), value: d.scope.marketplace ?? all },
    ...(d.scope.currency ? [{ label: t(m.currency, lang), value: d.scope.currency }] : []),
    { label: t(m.compared, lang), value: d.comparisons.map((c) => `${t(labels.comparison[c.id], lang)} ${c.from === c.to ? c.from : `${c.from} – ${c.to}`}`).join('; ') },
    ...(d.lineage.length ? [{ label: t(m.dataNotes, lang), value: d.lineage.map((l) => lineageText(l)[lang]).join(lang === 'zh' ? '；' : '; ') }] : []),
    { label: t(m.generated, lang), value: `${d.generated_at.slice(0, 16).replace('T', ' ')} UTC · ${t(m.dates, lang)}` },
  ];
  return {
    lang,
    title: `${t(labels.kind[d.kind], lang)} ${d.period.label}${scopeTitle}`,
    meta,
    sections: sections.map((s) => ({
      id: s.id,
      title: s[lang],
      tables: s.tables(d, lang).filter((tb) => tb.rows.length > 0),
      charts: s.charts?.(d, lang) ?? [],
      notes: s.notes?.(d, lang) ?? [],
      empty: s.empty[lang],
    })),
    problems: [...(d.problems.some((p) => /do not fit this grain or period/.test(p.en)) ? [t(labels.grainNote, lang)] : []), ...d.problems.map((p) => p[lang])],
  };
}
