import { useTranslation } from 'react-i18next';
import type { Scope } from '../api/client.ts';
import { useCatalog, useLang } from '../api/hooks.ts';
import type { QueryRow } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ChangeText } from '../components/kpi-tile.tsx';
import { formatMetric, metricName } from '../format/format.ts';
import { effectiveCompare, type Filters } from '../filters/filters.ts';
import { joinedBy, partialIn, useMetricRows } from './kpi-data.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/**
 * The Overview's KPIs with marketplaces side by side: one row per marketplace in its own currency,
 * or converted when a reporting currency is chosen; the change is the server's.
 */
export function MarketplaceTable({ kpis, filters, scope }: { kpis: string[]; filters: Filters; scope: Scope | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const answer = useMetricRows('kpi-marketplace', scope, kpis, catalog, filters.currency, ['marketplace'], effectiveCompare(filters));
  const rows = joinedBy(answer.data, 'marketplace');
  if (!answer.data || rows.length === 0) return null;
  const columns: Column<QueryRow>[] = [
    { id: 'marketplace', header: t('filters.marketplace'), value: (r) => (typeof r.marketplace === 'string' ? r.marketplace : null) },
    { id: 'currency', header: t('filters.currency'), value: (r) => (typeof r.currency === 'string' ? r.currency : null) },
    ...kpis.map((id): Column<QueryRow> => {
      const metric = catalog?.get(id);
      return {
        id, header: metricName(metric, lang, id), value: (r) => num(r[id]), format: metric?.format,
        currency: (r) => (typeof r.currency === 'string' ? r.currency : null),
        render: (r) => (
          <span data-metric={id}>
            {formatMetric(metric, num(r[id]), lang, typeof r.currency === 'string' ? r.currency : undefined)}
            {filters.compare ? <> <ChangeText metric={metric} change={num((r.change as Record<string, unknown> | undefined)?.[id])} basis={answer.data?.basis[id]} lang={lang} partial={partialIn(r, id)} /></> : null}
          </span>
        ),
      };
    }),
  ];
  return (
    <section className="card">
      <h2>{t('overview.marketplaces')}{filters.currency ? <span className="muted"> · {t('overview.converted', { currency: filters.currency })}</span> : null}</h2>
      <DataTable id="overview-marketplaces" title={t('overview.marketplaces')} rows={rows} columns={columns}
        rowKey={(r) => `${String(r.marketplace)}:${String(r.currency ?? '')}`} />
    </section>
  );
}
