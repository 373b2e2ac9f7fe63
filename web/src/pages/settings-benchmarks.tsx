import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useCatalog, useLang } from '../api/hooks.ts';
import type { BenchmarkOverride } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote } from '../components/states.tsx';
import { metricName } from '../format/format.ts';

const keyFields = ['marketplace', 'tier', 'category', 'price_band', 'variant'] as const;
// the key as the API takes it: absent parts are left out (not null)
const keyOf = (o: BenchmarkOverride): Record<string, string> => ({ metric: o.metric, ...Object.fromEntries(keyFields.flatMap((k) => (o[k] ? [[k, o[k]]] : []))) });

/** Benchmark overrides: one row replaces the default table's bounds for its metric and scope. */
export function BenchmarkSettings() {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const client = useQueryClient();
  const overrides = useQuery({ queryKey: ['benchmarks'], queryFn: api.benchmarks });
  const [draft, setDraft] = useState<Record<string, string>>({ metric: 'ctr' });
  const refresh = () => client.invalidateQueries();
  const ratio = catalog?.get(draft.metric ?? '')?.unit === 'ratio';
  // ratios are typed in percent (0.8 for 0.8%), as people say them; the API keeps fractions
  const bound = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : Number(v) / (ratio ? 100 : 1));
  const save = useMutation({
    mutationFn: () => api.setBenchmark({
      metric: draft.metric ?? '', low: bound(draft.low), high: bound(draft.high),
      ...Object.fromEntries(keyFields.flatMap((k) => (draft[k] ? [[k, draft[k]]] : []))), ...(draft.note ? { note: draft.note } : {}),
    }),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (o: BenchmarkOverride) => api.removeBenchmark(keyOf(o)), onSuccess: refresh });
  const formatOf = (o: BenchmarkOverride) => catalog?.get(o.metric)?.format ?? 'dec2';
  const columns: Column<BenchmarkOverride>[] = [
    { id: 'metric', header: t('settings.metric'), value: (o) => metricName(catalog?.get(o.metric), lang, o.metric) },
    { id: 'marketplace', header: t('settings.marketplace'), value: (o) => o.marketplace },
    { id: 'tier', header: t('settings.tier'), value: (o) => o.tier },
    { id: 'category', header: t('settings.category'), value: (o) => o.category, hidden: true },
    { id: 'price_band', header: t('settings.priceBand'), value: (o) => o.price_band, hidden: true },
    { id: 'variant', header: t('settings.variant'), value: (o) => o.variant, hidden: true },
    { id: 'low', header: t('settings.low'), value: (o) => o.low, format: formatOf },
    { id: 'high', header: t('settings.high'), value: (o) => o.high, format: formatOf },
    { id: 'note', header: t('settings.note'), value: (o) => o.note },
    { id: 'remove', header: '', value: () => null, sortable: false, render: (o) => <button type="button" onClick={() => remove.mutate(o)}>{t('settings.remove')}</button> },
  ];
  const field = (k: string, label: string, extra: Record<string, unknown> = {}) => (
    <input name={`benchmark-${k}`} placeholder={label} aria-label={label} value={draft[k] ?? ''} size={8} {...extra}
      onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
  );
  return (
    <section className="card" data-settings="benchmarks">
      <h2>{t('settings.benchmarks')}</h2>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <select name="benchmark-metric" value={draft.metric} onChange={(e) => setDraft({ ...draft, metric: e.target.value })} aria-label={t('settings.metric')}>
          {(catalog ? [...catalog.values()] : []).map((m) => <option key={m.id} value={m.id}>{metricName(m, lang, m.id)}</option>)}
        </select>
        {field('marketplace', t('settings.marketplace'))}
        {field('tier', t('settings.tier'))}
        {field('low', `${t('settings.low')}${ratio ? ' %' : ''}`, { inputMode: 'decimal' })}
        {field('high', `${t('settings.high')}${ratio ? ' %' : ''}`, { inputMode: 'decimal' })}
        {field('note', t('settings.note'))}
        <button type="submit" disabled={save.isPending}>{t('settings.save')}</button>
      </form>
      {(save.error ?? remove.error) && <ErrorNote error={save.error ?? remove.error} />}
      {overrides.error ? <ErrorNote error={overrides.error} /> : (
        <DataTable id="benchmark-overrides" title={t('settings.benchmarks')} rows={overrides.data ?? []} columns={columns}
          rowKey={(o) => JSON.stringify(keyOf(o))} empty={<p className="empty">{t('settings.benchmarksNone')}</p>} />
      )}
    </section>
  );
}
