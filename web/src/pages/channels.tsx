import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useCatalog, useLang, useSources } from '../api/hooks.ts';
import type { ChannelRow } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { EmptyState, ErrorNote, Loading, ProblemsNote } from '../components/states.tsx';
import { scopeOf } from '../filters/filters.ts';
import { metricName } from '../format/format.ts';
import type { PageProps } from '../app.tsx';

/** The figures shown per channel, in this order: sales and its share first, then fees, then profit and its share. */
const figures = ['sales', 'sales_share', 'units', 'orders', 'refunds', 'referral_fees', 'fba_fees', 'promotions', 'cogs', 'ad_cost', 'net_profit', 'profit_share', 'net_margin'] as const;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Amazon, Walmart and Shopify side by side (issue 23): GET /api/channels, one row per channel and currency. */
export function ChannelsPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const sources = useSources();
  const scope = ready ? { ...scopeOf(filters), ...(filters.currency ? { currency: filters.currency } : {}) } : null;
  const answer = useQuery({ queryKey: ['channels', scope], enabled: Boolean(scope), queryFn: () => api.channels(scope ?? {}) });
  if (sources.data && sources.data.length === 0) return <EmptyState />;
  if (answer.error) return <ErrorNote error={answer.error} />;
  if (!ready || !answer.data) return <Loading />;
  const rows = answer.data.rows;
  const named = new Map(answer.data.columns.map((c) => [c.id, c]));
  const header = (id: string) => (catalog?.get(id) ? metricName(catalog.get(id), lang, id) : (lang === 'zh-CN' ? named.get(id)?.name_zh : named.get(id)?.name_en) ?? id);
  const missing = (r: ChannelRow) => ((r.missing ?? {}) as Record<string, string[]>).net_profit ?? [];
  const columns: Column<ChannelRow>[] = [
    { id: 'channel', header: t('channels.channel'), value: (r) => t(`channels.names.${String(r.channel)}`, { defaultValue: String(r.channel) }) },
    ...figures.map((id): Column<ChannelRow> => ({
      id, header: header(id), value: (r) => num(r[id]), format: named.get(id)?.format ?? catalog?.get(id)?.format ?? 'dec2',
      currency: (r) => (typeof r.currency === 'string' ? r.currency : null),
    })),
    { id: 'notes', header: t('profit.notes'), className: 'muted', sortable: false,
      value: (r) => (missing(r).length ? `${t('profit.missing')}: ${missing(r).map((id) => metricName(catalog?.get(id), lang, id)).join(lang === 'zh-CN' ? '、' : ', ')}` : '') },
  ];
  return (
    <div className="page" data-page="channels">
      <h1>{t('channels.title')}</h1>
      <ProblemsNote problems={answer.data.problems} />
      {rows.length === 0 ? <EmptyState kind="period" /> : (
        <DataTable id="channels" title={t('channels.title')} rows={rows} columns={columns} rowKey={(r) => `${String(r.channel)}-${String(r.currency)}`} />
      )}
      <p className="muted">{t('channels.note')}</p>
    </div>
  );
}
