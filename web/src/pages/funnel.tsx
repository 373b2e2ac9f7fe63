import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import { api } from '../api/client.ts';
import { useCatalog, useLang, useSources } from '../api/hooks.ts';
import { useProducts } from '../api/products.ts';
import type { Finding, FunnelRow, FunnelStage } from '../api/types.ts';
import { AsinCell } from '../components/asin-cell.tsx';
import { Chart } from '../components/chart.tsx';
import { DataTable, type Column } from '../components/data-table.tsx';
import { EmptyState, ErrorNote, Loading, ProblemsNote } from '../components/states.tsx';
import { scopeOf } from '../filters/filters.ts';
import { formatMetric, formatNumber } from '../format/format.ts';
import type { PageProps } from '../app.tsx';

const rowKey = (r: FunnelRow) => Object.values(r.key).join(' · ');
const severityOrder: Record<string, number> = { critical: 0, warning: 1, info: 2 };

export function FunnelPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const sources = useSources();
  // one funnel per child ASIN, per parent ASIN or per marketplace
  const [grain, setGrain] = useState<'asin' | 'parent_asin' | 'marketplace'>('asin');
  const scope = ready ? scopeOf(filters) : null;
  const asked = scope ? { ...scope, by: [grain] } : null;
  const funnel = useQuery({ queryKey: ['funnel', asked], enabled: Boolean(asked), queryFn: () => api.funnelAnswer(asked ?? {}) });
  const findings = useQuery({ queryKey: ['diagnose', asked], enabled: Boolean(asked), queryFn: () => api.diagnose(asked ?? {}) });
  // the same funnel per marketplace, side by side (counts and rates need no currency)
  const markets = useQuery({ queryKey: ['funnel-markets', scope], enabled: Boolean(scope), queryFn: () => api.funnel({ ...(scope ?? {}), by: ['marketplace'] }) });
  const [chosen, setChosen] = useState<string | null>(null);
  const { byAsin } = useProducts();
  const rows = (funnel.data?.rows ?? []) as FunnelRow[];
  const row = rows.find((r) => rowKey(r) === chosen) ?? rows[0];

  const option = useMemo((): EChartsOption | null => {
    if (!row) return null;
    // Stages without data are left out of the drawing (unknown is not 0); the table names them.
    // Drawn as equal steps (exposure is often 100× the clicks, which would leave the rest as slivers);
    // the labels carry the counts and rates.
    const known = row.stages.filter((s) => s.count !== null);
    return {
      animationDuration: 300,
      tooltip: { trigger: 'item', formatter: '{b}' },
      series: [{
        type: 'funnel', name: rowKey(row), sort: 'none', left: '10%', width: '80%', minSize: '8%', gap: 2,
        label: { position: 'inside', formatter: '{b}', color: '#fff', fontSize: 13 },
        data: known.map((s, i) => ({
          name: `${t(`funnel.stages.${s.stage}`)}  ${formatNumber(s.count, 'int', lang)}${s.rate !== null ? ` (${formatMetric(catalog?.get(s.metric), s.rate, lang)})` : ''}`,
          value: known.length - i,
          itemStyle: { color: s.status === 'low' ? '#dc2626' : s.status === 'high' ? '#16a34a' : '#2563eb' },
        })),
      }],
    };
  }, [row, catalog, lang, t]);

  if (sources.data && sources.data.length === 0) return <EmptyState />;
  if (funnel.error) return <ErrorNote error={funnel.error} />;
  if (!ready || !funnel.data) return <Loading />;
  // an empty funnel says why: the nearest data, or an empty selection (issue 15.9)
  if (!row) return <div className="page" data-page="funnel"><h1>{t('funnel.title')}</h1><EmptyState kind="period" /><ProblemsNote problems={funnel.data.problems} /></div>;

  const weakest: Finding | undefined = (findings.data ?? [])
    .filter((f) => Object.entries(row.key).every(([k, v]) => (f.scope as Record<string, unknown>)[k] === v))
    .sort((a, b) => (severityOrder[a.severity] ?? 9) - (severityOrder[b.severity] ?? 9))[0];

  const stageColumns: Column<FunnelStage>[] = [
    { id: 'stage', header: t('funnel.stage'), value: (s) => t(`funnel.stages.${s.stage}`) },
    { id: 'count', header: t('funnel.count'), value: (s) => s.count, format: 'int' },
    { id: 'rate', header: t('funnel.rate'), value: (s) => s.rate, format: (s) => catalog?.get(s.metric)?.format ?? 'pct2' },
    { id: 'benchmark', header: t('funnel.benchmark'), value: (s) => benchmarkText(s) },
    { id: 'status', header: t('funnel.status'), value: (s) => t(`funnel.statuses.${s.status}`, { defaultValue: s.status }),
      render: (s) => <span className={`status ${s.status}`}>{t(`funnel.statuses.${s.status}`, { defaultValue: s.status })}</span> },
  ];
  function benchmarkText(s: FunnelStage): string | null {
    const b = 'benchmark' in s ? s.benchmark : undefined;
    const metric = catalog?.get(s.metric);
    return b ? `${formatMetric(metric, b.low, lang)} – ${formatMetric(metric, b.high, lang)}` : null;
  }

  return (
    <div className="page" data-page="funnel">
      <h1>{t('funnel.title')}</h1>
      <label className="grain">{t('funnel.grain')}
        <select name="funnel-grain" value={grain} onChange={(e) => { setGrain(e.target.value as typeof grain); setChosen(null); }}>
          {(['asin', 'parent_asin', 'marketplace'] as const).map((g) => <option key={g} value={g}>{t(`funnel.grains.${g}`)}</option>)}
        </select>
      </label>
      <div className="chips" role="tablist">
        {rows.map((r) => (
          <button key={rowKey(r)} type="button" role="tab" aria-selected={r === row} onClick={() => setChosen(rowKey(r))}
            title={typeof r.key.asin === 'string' ? byAsin.get(r.key.asin)?.name ?? undefined : undefined}>{rowKey(r)}</button>
        ))}
      </div>
      <div className="two-columns">
        <section className="card">
          <h2>{rowKey(row)}</h2>
          {'asin' in row.key && typeof row.key.asin === 'string' ? <p><AsinCell asin={row.key.asin} /></p> : null}
          <p className="muted">{t('funnel.source')}: {t(`funnel.sources.${row.source}`, { defaultValue: row.source })} · {t('funnel.tier')}: {String(row.tier ?? '—')}</p>
          {/* what the row stands on and how it is judged (ads only: the ads benchmark per ad type) */}
          {row.notes.map((n) => <p key={n.code} className="muted" data-note={n.code}>{n[lang === 'zh-CN' ? 'zh' : 'en']}</p>)}
          {option && <Chart name="funnel" option={option} height={360} />}
        </section>
        <section className="card" data-weakest={weakest?.stage ?? ''}>
          <h2>{t('funnel.weakest')}</h2>
          {weakest ? (
            <>
              <p><strong>{t(`funnel.stages.${weakest.stage}`)}</strong> · {formatMetric(catalog?.get(weakest.metric), weakest.value, lang)}</p>
              <ul>{weakest.actions[lang === 'zh-CN' ? 'zh' : 'en'].map((a) => <li key={a}>{a}</li>)}</ul>
            </>
          ) : <p>{t('funnel.noWeak')}</p>}
        </section>
      </div>
      <DataTable id="funnel-stages" title={rowKey(row)} rows={row.stages} rowKey={(s) => s.stage} columns={stageColumns}
        rowClass={(s) => (s.stage === weakest?.stage ? 'weakest' : undefined)} />
      {(markets.data?.length ?? 0) > 0 && <MarketplacesSideBySide rows={markets.data ?? []} />}
    </div>
  );
}

/** One column pair (count, rate) per marketplace, one row per stage: where each market leaks. */
function MarketplacesSideBySide({ rows }: { rows: readonly FunnelRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const stages = rows[0]?.stages.map((s) => s.stage) ?? [];
  const stageOf = (r: FunnelRow, stage: string) => r.stages.find((s) => s.stage === stage);
  const columns: Column<string>[] = [
    { id: 'stage', header: t('funnel.stage'), value: (stage) => t(`funnel.stages.${stage}`) },
    ...rows.flatMap((r): Column<string>[] => {
      const m = String(r.key.marketplace ?? '—');
      return [
        { id: `${m}-count`, header: `${m} · ${t('funnel.count')}`, value: (stage) => stageOf(r, stage)?.count ?? null, format: 'int' },
        { id: `${m}-rate`, header: `${m} · ${t('funnel.rate')}`, value: (stage) => stageOf(r, stage)?.rate ?? null,
          format: (stage) => { const s = stageOf(r, stage); return s ? catalog?.get(s.metric)?.format ?? 'pct2' : 'pct2'; },
          render: (stage) => { const s = stageOf(r, stage); return s?.rate == null ? '—' : <span className={`status ${s.status}`}>{formatMetric(catalog?.get(s.metric), s.rate, lang)}</span>; } },
      ];
    }),
  ];
  return <DataTable id="funnel-marketplaces" title={t('funnel.marketplaces')} rows={stages} rowKey={(stage) => stage} columns={columns} />;
}
