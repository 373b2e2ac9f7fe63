import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useLang, useSources } from '../api/hooks.ts';
import { useProducts } from '../api/products.ts';
import type { Product } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { EmptyState, ErrorNote, Loading, ProblemsNote } from '../components/states.tsx';
import { scopeOf } from '../filters/filters.ts';
import { navigate, useLocation } from '../filters/location.ts';
import { metricName } from '../format/format.ts';
import type { PageProps } from '../app.tsx';
import { joinedBy, useMetricRows } from './kpi-data.ts';

const metrics = ['sales', 'units', 'sessions', 'unit_session_pct', 'ad_spend', 'acos', 'available_units', 'days_of_cover'];

interface ProductRow {
  asin: string; marketplace: string | null; store: string | null; skus: string; parent: string | null; owner: string | null; productLine: string | null; tier: string | null;
  currency: string | null; values: Record<string, unknown>;
}

/** One row per ASIN: the products file's master data beside its metrics (one row per currency for money). */
function productRows(products: Product[], metricRows: Record<string, unknown>[]): ProductRow[] {
  const byAsin = new Map<string, Product[]>();
  for (const p of products) if (p.asin) byAsin.set(p.asin, [...(byAsin.get(p.asin) ?? []), p]);
  const withMetrics = new Set(metricRows.map((r) => String(r.asin)));
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const master = (asin: string) => {
    const list = byAsin.get(asin) ?? [];
    const first = list[0];
    return {
      // an ASIN sold in several marketplaces has one SKU each: the first, and how many more
      asin, store: first?.store ?? null, skus: list.length > 1 ? `${first?.sku ?? ''} +${list.length - 1}` : (first?.sku ?? ''), parent: first?.parent_asin ?? null,
      owner: first?.owner ?? null, productLine: first?.product_line ?? null, tier: first?.tier ?? null,
    };
  };
  const measured = metricRows.map((r) => ({ ...master(String(r.asin)), marketplace: text(r.marketplace), currency: text(r.currency), values: r }));
  // products without any figure in the period still show, with unknown metrics
  const quiet = [...byAsin.keys()].filter((a) => !withMetrics.has(a)).map((a) => ({ ...master(a), marketplace: null, currency: null, values: {} }));
  return [...measured, ...quiet];
}

export function ProductsPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const sources = useSources();
  const { search } = useLocation();
  const { list } = useProducts();
  const [owner, setOwner] = useState('');
  const [tier, setTier] = useState('');
  const [text, setText] = useState('');
  const scope = ready ? scopeOf({ ...filters, asin: '' }) : null;
  // per marketplace: an ASIN sold in the US and in Germany is two listings with their own traffic
  const answer = useMetricRows('products', scope, metrics, catalog, filters.currency, ['asin', 'marketplace']);

  if (sources.data && sources.data.length === 0) return <EmptyState />;
  if (answer.error) return <ErrorNote error={answer.error} />;
  if (!ready || !answer.data || !list || !catalog) return <Loading />;

  const inStore = list.filter((p) => !filters.store || p.store === filters.store);
  const all = productRows(inStore, joinedBy(answer.data, ['asin', 'marketplace']));
  const owners = [...new Set(all.flatMap((r) => (r.owner ? [r.owner] : [])))].sort();
  const tiers = [...new Set(all.flatMap((r) => (r.tier ? [r.tier] : [])))].sort();
  const needle = text.trim().toLowerCase();
  const names = new Map(list.map((p) => [p.asin ?? '', p.name ?? '']));
  const rows = all.filter((r) => (!owner || r.owner === owner) && (!tier || r.tier === tier)
    && (!needle || `${r.asin} ${r.skus} ${names.get(r.asin) ?? ''}`.toLowerCase().includes(needle)));
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const columns: Column<ProductRow>[] = [
    { id: 'asin', header: t('products.asin'), value: (r) => r.asin, asin: true },
    { id: 'marketplace', header: t('filters.marketplace'), value: (r) => r.marketplace },
    { id: 'sku', header: t('products.sku'), value: (r) => r.skus || null },
    { id: 'parent', header: t('products.parent'), value: (r) => r.parent, hidden: true },
    { id: 'store', header: t('products.store'), value: (r) => r.store, hidden: true },
    { id: 'owner', header: t('products.owner'), value: (r) => r.owner },
    { id: 'productLine', header: t('products.productLine'), value: (r) => r.productLine },
    { id: 'tier', header: t('products.tier'), value: (r) => (r.tier ? t(`products.tiers.${r.tier}`, { defaultValue: r.tier }) : null) },
    ...metrics.map((id): Column<ProductRow> => {
      const m = catalog.get(id);
      return { id, header: metricName(m, lang, id), value: (r) => num(r.values[id]), format: m?.format ?? 'dec2', currency: (r) => r.currency };
    }),
  ];
  const openFunnel = (r: ProductRow) => {
    const p = new URLSearchParams(search);
    p.set('asin', r.asin);
    if (r.marketplace) p.set('marketplace', r.marketplace);
    navigate('/funnel', p.toString());
  };

  return (
    <div className="page" data-page="products">
      <h1>{t('products.title')}</h1>
      <p className="muted">{t('products.hint')}</p>
      <div className="filter-bar">
        <label>{t('products.owner')}
          <select name="owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="">{t('products.allOwners')}</option>
            {owners.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label>{t('products.tier')}
          <select name="tier" value={tier} onChange={(e) => setTier(e.target.value)}>
            <option value="">{t('products.allTiers')}</option>
            {tiers.map((o) => <option key={o} value={o}>{t(`products.tiers.${o}`, { defaultValue: o })}</option>)}
          </select>
        </label>
        <label>{t('products.search')}
          <input name="search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      <ProblemsNote problems={answer.data.problems} />
      <DataTable id="products" title={t('products.title')} rows={rows} columns={columns} rowKey={(r) => `${r.asin}:${r.marketplace ?? ''}:${r.currency ?? ''}`}
        onRowClick={openFunnel} initialSort={{ id: 'sales', desc: true }}
        empty={<p className="empty">{list.length === 0 ? t('products.none') : t('empty.period')}</p>} />
    </div>
  );
}
