import { useTranslation } from 'react-i18next';
import { useCatalog, useLang } from '../api/hooks.ts';
import type { KpiRow, KpiStatusAnswer } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { Loading } from '../components/states.tsx';
import { formatNumber, metricName } from '../format/format.ts';
import { kpiRowWhy } from '../../../src/domain/partial-base.ts';
import { roleNames, type Role } from '../../../src/domain/roles.ts';

/** a role id (operator, ads …) in the reader's language; other text as it is */
const roleName = (role: string | null, lang: 'zh-CN' | 'en') => (role && role in roleNames ? roleNames[role as Role][lang === 'zh-CN' ? 'zh' : 'en'] : role);

type Scorecard = KpiStatusAnswer['scorecards']['people'][number];
type GuardFinding = KpiStatusAnswer['findings'][number];

/** Attainment as a bar (capped at 120% wide, as the scorecards cap it) with the server's number beside it. */
function AttainmentBar({ row, lang }: { row: KpiRow; lang: 'zh-CN' | 'en' }) {
  if (row.attainment === null) return <>—</>;
  const width = Math.max(0, Math.min(1.2, row.attainment)) / 1.2 * 100;
  return (
    <span className="attainment" data-attainment={row.attainment}>
      <span className={`bar ${row.status}`}><span style={{ width: `${width}%` }} /></span>
      {formatNumber(row.attainment, 'pct1', lang)}
    </span>
  );
}

export function KpiRowsTable({ rows }: { rows: KpiRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const formatOf = (r: KpiRow) => catalog?.get(r.kpi)?.format ?? 'dec2';
  const columns: Column<KpiRow>[] = [
    { id: 'kpi', header: t('kpi.kpi'), value: (r) => metricName(catalog?.get(r.kpi), lang, r.kpi) },
    { id: 'scope', header: t('kpi.scope'), value: (r) => Object.values(r.scope).join(' · ') || null },
    { id: 'owner', header: t('kpi.owner'), value: (r) => r.owner },
    { id: 'role', header: t('kpi.role'), value: (r) => roleName(r.role, lang) },
    { id: 'target', header: t('kpi.target'), value: (r) => r.target, format: formatOf, currency: (r) => r.currency },
    { id: 'actual', header: t('kpi.actual'), value: (r) => r.actual, format: formatOf, currency: (r) => r.currency },
    // the share of the target expected by now (elapsed days, or last year's shape): a fraction, not the metric's unit
    { id: 'expected', header: t('kpi.expected'), value: (r) => r.expected_to_date, format: 'pct1' },
    { id: 'pacing', header: t('kpi.pacing'), value: (r) => t(`kpi.pacings.${r.pacing}`, { defaultValue: r.pacing }), hidden: true },
    { id: 'attainment', header: t('kpi.attainment'), value: (r) => r.attainment, format: 'pct1', render: (r) => <AttainmentBar row={r} lang={lang} /> },
    { id: 'status', header: t('kpi.status'), value: (r) => t(`kpi.statuses.${r.status}`, { defaultValue: r.status }),
      render: (r) => <span className={`kpi-status ${r.status}`}>{t(`kpi.statuses.${r.status}`, { defaultValue: r.status })}</span> },
    // the server says why a row has no actual (or no attainment), or that its last period is a partial base, in both languages
    { id: 'why', header: t('kpi.why'), value: (r) => kpiRowWhy(r, lang === 'zh-CN' ? 'zh' : 'en') },
  ];
  // the catalog says how each KPI is formatted (count, money, %): no row is drawn in a guessed format
  if (!catalog) return <Loading />;
  return <DataTable id="kpi-status" title={t('kpi.title')} rows={rows} columns={columns}
    rowKey={(r, i) => `${r.kpi}:${JSON.stringify(r.scope)}:${r.owner ?? ''}:${i}`} rowAttrs={(r) => ({ 'data-kpi-row': r.kpi, 'data-status': r.status })} />;
}

export function ScorecardTable({ id, cards, roles = false }: { id: string; cards: Scorecard[]; roles?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns: Column<Scorecard>[] = [
    { id: 'name', header: t('kpi.name'), value: (s) => (roles ? roleName(s.name, lang) : s.name) },
    { id: 'score', header: t('kpi.score'), value: (s) => s.score, format: 'pct1' },
    { id: 'kpis', header: t('kpi.kpis'), value: (s) => s.kpis, format: 'int' },
    { id: 'noData', header: t('kpi.noData'), value: (s) => s.no_data, format: 'int' },
    { id: 'coverage', header: t('kpi.coverage'), value: (s) => s.coverage, format: 'pct1' },
  ];
  return <DataTable id={id} title={t('kpi.scorecards')} rows={cards} columns={columns} rowKey={(s) => s.name} />;
}

export function GuardTable({ findings }: { findings: GuardFinding[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns: Column<GuardFinding>[] = [
    { id: 'severity', header: t('kpi.status'), value: (g) => g.severity, render: (g) => <span className={`badge ${g.severity === 'error' ? 'critical' : 'warning'}`}>{g.severity}</span> },
    { id: 'guard', header: t('kpi.guard'), value: (g) => g.guard, hidden: true },
    { id: 'kpis', header: t('kpi.kpi'), value: (g) => g.kpis.join(', ') },
    { id: 'scope', header: t('kpi.scope'), value: (g) => Object.values(g.scope).join(' · ') || null },
    { id: 'owner', header: t('kpi.owner'), value: (g) => g.owner },
    { id: 'message', header: t('kpi.message'), value: (g) => (lang === 'zh-CN' ? g.message.zh : g.message.en) },
  ];
  return <DataTable id="kpi-guards" title={t('kpi.guards')} rows={findings} columns={columns} rowKey={(g, i) => `${g.guard}:${i}`}
    empty={<p className="empty">{t('kpi.noGuards')}</p>} />;
}
