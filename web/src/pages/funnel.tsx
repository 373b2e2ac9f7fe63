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
const pageSize = 50;
/** the sorts the server knows (app/funnel-page.ts) that the page offers */
const pageSorts = ['order', 'exposure', 'click', 'click_rate', 'cart_rate', 'order_rate', 'sessions', 'weakest', 'asin'] as const;
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
  // one page of scopes at a time, found and sorted by the server (10,000 ASINs are no list to draw)
  const [text, setText] = useState('');
  const [sort, setSort] = useState<(typeof pageSorts)[number]>('order');
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const [offset, setOffset] = useState(0);
  const paged = asked ? { ...asked, q: text.trim() || undefined, sort, order, limit: String(pageSize), offset: String(offset) } : null;
  const funnel = useQuery({ queryKey: ['funnel', paged], enabled: Boolean(paged), queryFn: () => api.funnelAnswer(paged ?? {}), placeholderData: (before) => before });
  const findings = useQuery({ queryKey: ['diagnose', asked], enabled: Boolean(asked), queryFn: () => api.diagnose(asked ?? {}) });
  // the same funnel per marketplace, side by side (counts and rates need no currency)
  const markets = useQuery({ queryKey: ['funnel-markets', scope], enabled: Boolean(scope), queryFn: () => api.funnel({ ...(scope ?? {}), by: ['marketplace'] }) });
  const [chosen, setChosen] = useState<string | null>(null);
  const { byAsin } = useProducts();
  const rows = (funnel.data?.rows ?? []) as FunnelRow[];
  const page = funnel.data && 'page' in funnel.data ? (funnel.data.page as { total: number } | undefined) : undefined;
  const total = page?.total ?? rows.length;
  const turn = (to: number) => { setOffset(to); setChosen(null); };
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
  const finder = (
    <div className="filter-bar">
      <label className="grain">{t('funnel.grain')}
        <select name="funnel-grain" value={grain} onChange={(e) => { setGrain(e.target.value as typeof grain); turn(0); }}>
          {(['asin', 'parent_asin', 'marketplace'] as const).map((g) => <option key={g} value={g}>{t(`funnel.grains.${g}`)}</option>)}
        </select>
      </label>
      <label>{t('funnel.search')}
        <input name="funnel-search" type="search" value={text} onChange={(e) => { setText(e.target.value); turn(0); }} />
      </label>
      <label>{t('funnel.sortBy')}
        <select name="funnel-sort" value={sort} onChange={(e) => { setSort(e.target.value as typeof sort); turn(0); }}>
          {pageSorts.map((s) => <option key={s} value={s}>{t(`funnel.sorts.${s}`)}</option>)}
        </select>
      </label>
      <label>{t('funnel.order')}
        <select name="funnel-order" value={order} onChange={(e) => { setOrder(e.target.value as typeof order); turn(0); }}>
          <option value="desc">{t('funnel.desc')}</option>
          <option value="asc">{t('funnel.asc')}</option>
        </select>
      </label>
    </div>
  );
  // found nothing: the text matched no scope (the funnel itself has rows)
  if (!row && text.trim()) return <div className="page" data-page="funnel"><h1>{t('funnel.title')}</h1>{finder}<p className="empty" data-found="0">{t('funnel.noMatch')}</p></div>;
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
  const stageOf = (r: FunnelRow, stage: string) => r.stages.find((s) => s.stage === stage);
  // the page is sorted by the server (the sort above): the columns do not re-sort it
  const scopeColumns: Column<FunnelRow>[] = [
    { id: 'scope', header: t(`funnel.grains.${grain}`), value: (r) => rowKey(r), sortable: false,
      render: (r) => <button type="button" className="link" aria-pressed={r === row} onClick={() => setChosen(rowKey(r))}>{rowKey(r)}</button> },
    { id: 'title', header: t('funnel.productTitle'), value: (r) => (typeof r.key.asin === 'string' ? byAsin.get(r.key.asin)?.name ?? null : null), sortable: false },
    { id: 'exposure', header: t('funnel.stages.exposure'), value: (r) => stageOf(r, 'exposure')?.count ?? null, format: 'int', sortable: false },
    ...(['click', 'cart', 'order'] as const).map((stage): Column<FunnelRow> => ({
      id: `${stage}_rate`, header: `${t(`funnel.stages.${stage}`)} · ${t('funnel.rate')}`, value: (r) => stageOf(r, stage)?.rate ?? null, sortable: false,
      format: (r) => catalog?.get(stageOf(r, stage)?.metric ?? '')?.format ?? 'pct2',
    })),
    { id: 'orders', header: `${t('funnel.stages.order')} · ${t('funnel.count')}`, value: (r) => stageOf(r, 'order')?.count ?? null, format: 'int', sortable: false },
    { id: 'low', header: t('funnel.sorts.weakest'), value: (r) => r.stages.filter((s) => s.status === 'low').map((s) => t(`funnel.stages.${s.stage}`)).join(', ') || null, sortable: false },
  ];
  function benchmarkText(s: FunnelStage): string | null {
    const b = 'benchmark' in s ? s.benchmark : undefined;
    const metric = catalog?.get(s.metric);
    return b ? `${formatMetric(metric, b.low, lang)} – ${formatMetric(metric, b.high, lang)}` : null;
  }

  return (
    <div className="page" data-page="funnel">
      <h1>{t('funnel.title')}</h1>
      {finder}
      <DataTable id="funnel-scopes" title={t('funnel.scopes')} rows={rows} rowKey={rowKey} columns={scopeColumns} limit={pageSize}
        rowClass={(r) => (r === row ? 'selected' : undefined)} rowAttrs={(r) => ({ 'data-scope': rowKey(r), 'aria-selected': String(r === row) })}
        onRowClick={(r) => setChosen(rowKey(r))} />
      <nav className="pager" aria-label={t('funnel.pages')}>
        <button type="button" name="funnel-previous" disabled={offset === 0} onClick={() => turn(Math.max(0, offset - pageSize))}>{t('funnel.previous')}</button>
        <span data-total={total}>{t('funnel.pageOf', { from: Math.min(total, offset + 1), to: Math.min(total, offset + rows.length), total: formatNumber(total, 'int', lang) })}</span>
        <button type="button" name="funnel-next" disabled={offset + pageSize >= total} onClick={() => turn(offset + pageSize)}>{t('funnel.next')}</button>
      </nav>
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
