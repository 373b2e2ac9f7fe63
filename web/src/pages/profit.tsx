import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import { api } from '../api/client.ts';
import { useCatalog, useLang, useSources } from '../api/hooks.ts';
import type { ProfitRow } from '../api/types.ts';
import { Chart } from '../components/chart.tsx';
import { DataTable, type Column } from '../components/data-table.tsx';
import { EmptyState, ErrorNote, Loading, ProblemsNote } from '../components/states.tsx';
import { scopeOf } from '../filters/filters.ts';
import { metricName } from '../format/format.ts';
import type { PageProps } from '../app.tsx';
import { CostEntryCard } from './cost-entry.tsx';

/** The waterfall's steps from revenue to net profit: income adds, every cost takes away (as the catalog's formula). */
const costs = ['refunds', 'referral_fees', 'refund_admin_fees', 'fba_fees', 'promotions', 'other_fees', 'storage_fees', 'ad_cost',
  'cogs', 'freight', 'duties', 'payout_costs'] as const;
const columns = ['revenue', ...costs, 'reimbursements', 'net_profit', 'net_margin', 'roi', 'break_even_acos'] as const;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const cents = (v: number) => Math.round(v * 100) / 100;

export function ProfitPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const sources = useSources();
  const [basis, setBasis] = useState<'order' | 'posted'>('order');
  const [chosen, setChosen] = useState<number>(0);
  const scope = ready ? { ...scopeOf(filters), by: ['sku'], basis, ...(filters.currency ? { currency: filters.currency } : {}) } : null;
  const profit = useQuery({ queryKey: ['profit', scope], enabled: Boolean(scope), queryFn: () => api.profit(scope ?? {}) });
  const rows = (profit.data?.rows ?? []).filter((r) => r.sku !== null);
  const row: ProfitRow | undefined = rows[chosen] ?? rows[0];

  const option = useMemo((): EChartsOption | null => {
    const revenue = num(row?.revenue);
    if (!row || revenue === null) return null;
    // a waterfall: an invisible base carries each step; missing parts are 0 (named below the chart)
    const steps: { name: string; value: number }[] = [
      { name: metricName(catalog?.get('revenue'), lang, 'revenue'), value: revenue },
      { name: metricName(catalog?.get('reimbursements'), lang, 'reimbursements'), value: num(row.reimbursements) ?? 0 },
      ...costs.map((id) => ({ name: metricName(catalog?.get(id), lang, id), value: -(num(row[id]) ?? 0) })),
    ];
    let level = 0;
    const base: number[] = [];
    const shown: { value: number; itemStyle: { color: string } }[] = [];
    for (const s of steps) {
      const from = level;
      level = cents(level + s.value);
      base.push(Math.min(from, level));
      shown.push({ value: cents(Math.abs(s.value)), itemStyle: { color: s.value >= 0 ? '#2563eb' : '#dc2626' } });
    }
    const net = num(row.net_profit) ?? level;
    const names = [...steps.map((s) => s.name), metricName(catalog?.get('net_profit'), lang, 'net_profit')];
    return {
      animationDuration: 300,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 60, right: 20, bottom: 90, top: 20 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: [...base, Math.min(0, net)] },
        { type: 'bar', stack: 'w', name: String(row.sku), data: [...shown, { value: Math.abs(net), itemStyle: { color: net >= 0 ? '#16a34a' : '#b91c1c' } }] },
      ],
    };
  }, [row, catalog, lang]);

  if (sources.data && sources.data.length === 0) return <EmptyState />;
  if (profit.error) return <ErrorNote error={profit.error} />;
  if (!ready || !profit.data) return <Loading />;

  const missing = (r: ProfitRow) => ((r.missing ?? {}) as Record<string, string[]>).net_profit ?? [];
  const currencyOf = (r: ProfitRow) => (typeof r.currency === 'string' ? r.currency : null);
  const tableColumns: Column<ProfitRow>[] = [
    { id: 'sku', header: 'SKU', value: (r) => (r.sku === null ? null : String(r.sku)) },
    ...columns.map((id): Column<ProfitRow> => ({
      id, header: metricName(catalog?.get(id), lang, id), value: (r) => num(r[id]), format: catalog?.get(id)?.format ?? 'dec2', currency: currencyOf,
    })),
    { id: 'notes', header: t('profit.notes'), className: 'muted', sortable: false,
      value: (r) => [r.estimated ? t('profit.estimated') : '', missing(r).length ? `${t('profit.missing')} ${missing(r).length}` : ''].filter(Boolean).join(' · ') },
  ];
  return (
    <div className="page" data-page="profit">
      <h1>{t('profit.title')}</h1>
      <div className="chips" role="tablist" aria-label={t('profit.basis')}>
        {(['order', 'posted'] as const).map((b) => (
          <button key={b} type="button" role="tab" aria-selected={b === basis} onClick={() => setBasis(b)}>{t(`profit.bases.${b}`)}</button>
        ))}
      </div>
      {/* a stale FX rate behind the costs, and why an empty answer is empty (issues 15.8, 15.9) */}
      <ProblemsNote problems={profit.data.problems} />
      {rows.length === 0 ? <EmptyState kind="period" /> : (
        <>
          {row && option && (
            <section className="card" data-chart="profit-waterfall">
              <h2>{String(row.sku)} · {t('profit.waterfall')}</h2>
              <Chart name="profit-waterfall" option={option} height={340} />
              {missing(row).length > 0 && <p className="muted">{t('profit.missing')}: {missing(row).map((id) => metricName(catalog?.get(id), lang, id)).join('、')}</p>}
              {row.estimated && <p className="muted">{t('profit.estimatedNote')}</p>}
            </section>
          )}
          <DataTable id="profit" title={t('profit.title')} rows={rows} columns={tableColumns}
            rowKey={(r) => `${String(r.sku)}-${String(r.currency)}`} rowClass={(r) => (r === row ? 'weakest' : undefined)}
            onRowClick={(r) => setChosen(rows.indexOf(r))} />
          <p className="muted">{t(`profit.basisNote.${basis}`)}</p>
          {/* how revenue stands to VAT / Japanese consumption tax, per store and marketplace (the answer's own sentences) */}
          {(profit.data?.taxes ?? []).map((x) => <p key={`${String(x.store)}-${x.marketplace}`} className="muted" data-tax>{lang === 'zh-CN' ? x.zh : x.en}</p>)}
        </>
      )}
      <CostEntryCard />
    </div>
  );
}
