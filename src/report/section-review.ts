import { roleNames, stageLabels, type Role } from '../analysis/index.ts';
import { eventTypeNames, isEventType } from '../domain/event-types.ts';
import { kpiRowWhy } from '../domain/partial-base.ts';
import { metricCell, metricName, statusCell, yesNo } from './cells.ts';
import { num, text, type Table } from './document.ts';
import { labels, t } from './labels.ts';
import type { Lang, ReportData } from './report-data.ts';

const roleName = (role: string | null, lang: Lang) => (role && role in roleNames ? roleNames[role as Role][lang] : role);
const scopeText = (scope: Record<string, string | null>) => Object.entries(scope).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join(', ') || '—';

export function kpiTables(d: ReportData, lang: Lang): Table[] {
  const k = d.kpi;
  if (!k) return [];
  const c = labels.col;
  const rows: Table = {
    title: `${t(labels.tables.kpiRows, lang)} — ${k.period}`,
    columns: [t(c.kpi, lang), t(c.scope, lang), t(c.owner, lang), t(c.role, lang), t(c.target, lang), t(c.actual, lang), t(c.attainment, lang), t(c.expected, lang), t(c.status, lang), t(c.weight, lang), t(c.locked, lang), t(c.why, lang)],
    rows: k.rows.map((r) => [
      text(metricName(r.kpi, lang)), text(scopeText(r.scope)), text(r.owner), text(roleName(r.role, lang)),
      metricCell(r.kpi, r.target, r.currency), metricCell(r.kpi, r.actual, r.currency), num(r.attainment, 'pct1'), num(r.expected_to_date, 'pct1'),
      statusCell(r.status, lang), num(r.weight, 'dec2'), yesNo(r.locked, lang), text(kpiRowWhy(r, lang)),
    ]),
  };
  const card = (title: string, cards: typeof k.scorecards.people, names?: (n: string) => string | null): Table => ({
    title,
    columns: [t(c.name, lang), t(c.score, lang), t(c.kpis, lang), t(c.noData, lang), t(c.coverage, lang)],
    rows: cards.map((s) => [text(names ? names(s.name) : s.name), num(s.score, 'pct1'), num(s.kpis), num(s.no_data), num(s.coverage, 'pct1')]),
  });
  const guards: Table = {
    title: t(labels.tables.guards, lang),
    columns: [t(c.guard, lang), t(c.message, lang)],
    rows: k.findings.map((f) => [text(f.guard), text(f.message[lang])]),
  };
  const missed: Table = {
    title: t(labels.tables.missed, lang),
    columns: [t(c.kpi, lang), t(c.scope, lang), t(c.owner, lang), t(c.why, lang)],
    rows: k.explanations.map((x) => [text(metricName(x.kpi, lang)), text(scopeText(x.scope)), text(x.owner), text(x.text[lang].join(lang === 'zh' ? '；' : '; '))]),
  };
  return [rows, missed, card(t(labels.tables.people, lang), k.scorecards.people), card(t(labels.tables.roles, lang), k.scorecards.roles, (n) => roleName(n, lang)), guards]
    .filter((tb) => tb.rows.length > 0);
}

export function kpiNotes(d: ReportData, lang: Lang): string[] {
  if (!d.kpi) return [t(labels.noKpi, lang)];
  return [...(d.kpi.locked ? [t(labels.kpiLocked, lang)] : []), ...(d.kpi.restated ? [t(labels.kpiRestated, lang)] : [])];
}

export function findingTables(d: ReportData, lang: Lang): Table[] {
  const c = labels.col;
  const findings: Table = {
    title: null,
    columns: [t(c.marketplace, lang), t(c.asin, lang), t(c.stage, lang), t(c.metric, lang), t(c.measured, lang), t(c.benchmark, lang), t(c.severity, lang), t(c.confounders, lang)],
    rows: d.findings.map((f) => [
      text(f.scope.marketplace ?? null), text(f.scope.asin ?? scopeText(f.scope)), text(t(stageLabels[f.stage], lang)), text(metricName(f.metric, lang)), metricCell(f.metric, f.value, null),
      text(`${f.benchmark.low === null ? '…' : metricValue(f.metric, f.benchmark.low)} – ${f.benchmark.high === null ? '…' : metricValue(f.metric, f.benchmark.high)}`),
      statusCell(f.severity, lang),
      text(f.confounders.map((e) => `${e.date} ${eventName(e.type, lang)}`).join(', ') || null),
    ]),
  };
  // what to try, once per stage and metric: the same advice repeated on every ASIN row reads as noise
  const actions = new Map<string, { stage: string; metric: string; count: number; actions: string[] }>();
  for (const f of d.findings) {
    const key = `${f.stage}|${f.metric}`;
    const entry = actions.get(key) ?? { stage: f.stage, metric: f.metric, count: 0, actions: f.actions[lang] };
    entry.count += 1;
    actions.set(key, entry);
  }
  const todo: Table = {
    title: t(labels.tables.actions, lang),
    columns: [t(c.stage, lang), t(c.metric, lang), t(c.asins, lang), t(c.actions, lang)],
    rows: [...actions.values()].map((a) => [text(t(stageLabels[a.stage as keyof typeof stageLabels], lang)), text(metricName(a.metric, lang)), num(a.count), text(a.actions.join(lang === 'zh' ? '；' : '; '))]),
  };
  return [todo, findings].filter((tb) => tb.rows.length > 0);
}

const metricValue = (id: string, v: number) => (id === 'impressions' ? String(v) : `${(v * 100).toFixed(1)}%`);
const eventName = (type: string, lang: Lang) => (isEventType(type) ? eventTypeNames[type][lang] : type);

export function eventTables(d: ReportData, lang: Lang): Table[] {
  const c = labels.col;
  return [{
    title: null,
    columns: [t(c.date, lang), t(c.endDate, lang), t(c.type, lang), t(c.marketplace, lang), t(c.asin, lang), t(c.note, lang), t(c.origin, lang)],
    rows: d.events.map((e) => [
      text(e.date), text(e.end_date === e.date ? null : e.end_date), text(eventName(e.type, lang)), text(e.marketplace), text(e.asin),
      text(lang === 'zh' ? (e.note_zh ?? e.note) : e.note), text(e.origin),
    ]),
  }].filter((tb) => tb.rows.length > 0);
}
