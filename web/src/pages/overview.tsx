import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import { addDays } from '../../../src/domain/calendar.ts';
import { api } from '../api/client.ts';
import { useCatalog, useLang, useSources } from '../api/hooks.ts';
import { Chart } from '../components/chart.tsx';
import { KpiTile } from '../components/kpi-tile.tsx';
import { EmptyState, ErrorNote, Loading, ProblemsNote } from '../components/states.tsx';
import { effectiveCompare, scopeOf } from '../filters/filters.ts';
import { formatMetric, metricName } from '../format/format.ts';
import type { PageProps } from '../app.tsx';
import { moneyBound, seriesOf, useMetricRows, valuesOf } from './kpi-data.ts';
import { MarketplaceTable } from './marketplace-table.tsx';

const kpis = ['sales', 'units', 'sessions', 'unit_session_pct', 'ad_spend', 'acos', 'tacos'];

const daysIn = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The Sunday that starts a date's week (the `week` dimension's weeks run Sunday to Saturday). */
const weekOf = (date: string) => addDays(date, -new Date(`${date}T00:00:00Z`).getUTCDay());

export function OverviewPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const sources = useSources();
  const scope = ready ? scopeOf(filters) : null;
  // week over week over four weeks would share three of them: the previous period of equal length instead, said so
  const compare = effectiveCompare(filters);
  const current = useMetricRows('kpi', scope, kpis, catalog, filters.currency, [], compare, true);
  const weekly = useMetricRows('kpi-week', scope, kpis, catalog, filters.currency, ['week']);
  const events = useQuery({ queryKey: ['events', scope], enabled: Boolean(scope), queryFn: () => api.events(scope ?? {}) });

  const currencies = [...new Set(valuesOf(current.data, 'sales').map((v) => v.currency))];
  const mainCurrency = currencies[0] ?? '';
  const option = useMemo((): EChartsOption => {
    const weeks = [...new Set(seriesOf(weekly.data, 'sessions', 'week', '').map(([w]) => w))];
    const sessions = new Map(seriesOf(weekly.data, 'sessions', 'week', ''));
    const salesName = metricName(catalog?.get('sales'), lang, 'sales');
    // one axis per currency: EUR, JPY and USD bars on one scale would compare numbers that are not comparable
    const sales = currencies.map((c, i) => {
      const byWeek = new Map(seriesOf(weekly.data, 'sales', 'week', c));
      return { name: currencies.length > 1 ? `${salesName} ${c}` : salesName, type: 'bar' as const, yAxisIndex: i, data: weeks.map((w) => byWeek.get(w) ?? null) };
    });
    const axisGap = 70;
    const marks = (events.data ?? []).filter((e) => weeks.includes(weekOf(e.date))).map((e) => ({ xAxis: weekOf(e.date), name: `${e.type}${e.asin ? ` ${e.asin}` : ''}` }));
    return {
      animationDuration: 300,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60 + axisGap * Math.max(0, currencies.length - 1), right: 60, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: weeks },
      yAxis: [
        ...currencies.map((c, i) => ({
          type: 'value' as const, name: c, position: 'left' as const, offset: axisGap * i, alignTicks: true,
          axisLabel: { formatter: (v: number) => formatMetric(catalog?.get('sales'), v, lang, c) },
        })),
        { type: 'value', name: metricName(catalog?.get('sessions'), lang, 'sessions'), position: 'right', axisLabel: { formatter: (v: number) => formatMetric(catalog?.get('sessions'), v, lang) } },
      ],
      series: [
        ...sales.map((s, i) => (i === 0 ? { ...s, markLine: { symbol: 'none', label: { formatter: '{b}' }, lineStyle: { type: 'dashed' as const, color: '#c2410c' }, data: marks } } : s)),
        { name: metricName(catalog?.get('sessions'), lang, 'sessions'), type: 'line', yAxisIndex: currencies.length, data: weeks.map((w) => sessions.get(w) ?? null) },
      ],
    };
  }, [weekly.data, events.data, catalog, lang, currencies.join()]);

  if (sources.data && sources.data.length === 0) return <EmptyState />;
  if (current.error) return <ErrorNote error={current.error} />;
  if (!ready || !current.data || !catalog) return <Loading />;
  const before = current.data.compare;
  const hasData = valuesOf(current.data, 'sessions').some((v) => v.value !== null) || valuesOf(current.data, 'sales').some((v) => v.value !== null);

  return (
    <div className="page" data-page="overview">
      <h1>{t('overview.title')}</h1>
      <p className="muted" data-period>
        {filters.from} – {filters.to}
        {/* the compared days as the server took them */}
        {before && compare !== filters.compare
          ? <span data-compare="previous"> · {t('common.vsPreviousDays', { days: daysIn(filters.from, filters.to), from: before.from, to: before.to, asked: t(`filters.${filters.compare || 'none'}`) })}</span>
          : before ? ` · ${t('common.vsPrevious', { from: before.from, to: before.to })}` : ` · ${t('common.noCompare')}`}
      </p>
      {!hasData && <EmptyState kind="period" />}
      <ProblemsNote problems={current.data.problems} />
      <div className="kpis">
        {kpis.map((id) => {
          const metric = catalog.get(id);
          const spark = seriesOf(weekly.data, id, 'week', moneyBound(catalog, id) ? mainCurrency : '').map(([, v]) => v);
          return <KpiTile key={id} id={id} metric={metric} lang={lang} current={valuesOf(current.data, id)}
            basis={current.data?.basis[id]} spark={spark} compared={Boolean(compare)} lineage={current.data?.lineage} />;
        })}
      </div>
      <MarketplaceTable kpis={kpis} filters={filters} scope={scope} />
      <section className="card">
        <h2>{t('overview.trend')}</h2>
        <Chart name="trend" option={option} />
      </section>
    </div>
  );
}
