import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { PriceSuggestion } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/states.tsx';
import type { PageProps } from '../app.tsx';

const statuses = ['pending', 'approved', 'rejected'] as const;
const userKey = 'asterism.user';

/** Price suggestions waiting for a person: approve or reject each with a note; decided ones show who, when and why. */
export function PricingPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof statuses)[number]>('pending');
  const [user, setUser] = useState(() => localStorage.getItem(userKey) ?? '');
  const scope = ready ? { status, store: filters.store, marketplace: filters.marketplace } : null;
  const suggestions = useQuery({ queryKey: ['price-suggestions', scope], enabled: Boolean(scope), queryFn: () => api.priceSuggestions(scope ?? {}) });
  const price = (id: string, header: string, value: (s: PriceSuggestion) => number | null): Column<PriceSuggestion> =>
    ({ id, header, value, format: 'money', currency: (s) => s.currency });
  const columns: Column<PriceSuggestion>[] = [
    { id: 'id', header: t('pricing.columns.id'), value: (s) => s.id },
    { id: 'sku', header: t('pricing.columns.sku'), value: (s) => s.sku, render: (s) => <>{s.sku} <span className="muted">{s.marketplace}</span></> },
    { id: 'asin', header: 'ASIN', value: (s) => s.asin ?? null, asin: true, hidden: true },
    price('current', t('pricing.columns.current'), (s) => s.current_price),
    price('breakEven', t('pricing.columns.breakEven'), (s) => s.break_even_price),
    price('target', t('pricing.columns.target'), (s) => s.target_margin_price),
    price('competitor', t('pricing.columns.competitor'), (s) => s.competitor_price),
    price('suggested', `${t('pricing.columns.suggested')} (${t('pricing.estimated')})`, (s) => s.suggested_price),
    // which source decided each fee (the SKU's own settled orders, the fee preview, the tables)
    { id: 'fees', header: t('pricing.columns.fees'), hidden: true,
      value: (s) => (s.fees?.sources ? `${t('pricing.referral')}: ${t(`pricing.feeSources.${s.fees.sources.referral}`)} · ${t('pricing.fba')}: ${t(`pricing.feeSources.${s.fees.sources.fulfilment}`)}` : s.fees?.basis ?? null) },
    { id: 'rules', header: t('pricing.columns.rules'), value: (s) => s.rules_applied.map((r) => t(`pricing.rules.${r}`, { defaultValue: r })).join(', ') || '—' },
    { id: 'decision', header: t('pricing.columns.decision'), sortable: false,
      value: (s) => (s.status === 'pending' ? t('pricing.statuses.pending') : [t(`pricing.statuses.${s.status}`), s.decided_by, s.decided_at?.slice(0, 16), s.note].filter(Boolean).join(' · ')),
      render: (s) => <Decision suggestion={s} user={user} /> },
  ];

  if (suggestions.error) return <ErrorNote error={suggestions.error} />;
  if (!ready || !suggestions.data) return <Loading />;
  return (
    <div className="page" data-page="pricing">
      <h1>{t('pricing.title')}</h1>
      <div className="filter-bar">
        <label>{t('pricing.status')}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as (typeof statuses)[number])}>
            {statuses.map((s) => <option key={s} value={s}>{t(`pricing.statuses.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('pricing.user')}
          <input name="user" value={user} onChange={(e) => { setUser(e.target.value); localStorage.setItem(userKey, e.target.value); }} />
        </label>
      </div>
      {suggestions.data.length === 0 && <p className="empty">{t('pricing.none')}<code>npx asterism price suggest --sku SKU</code></p>}
      {suggestions.data.length > 0 && (
        <DataTable id="price-suggestions" title={t('pricing.title')} rows={suggestions.data} columns={columns} rowKey={(s) => String(s.id)}
          rowAttrs={(s) => ({ 'data-suggestion': String(s.id) })} />
      )}
    </div>
  );
}

function Decision({ suggestion: s, user }: { suggestion: PriceSuggestion; user: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (action: 'approve' | 'reject') => api.priceDecide(action, s.id, user, note),
    onSuccess: () => client.invalidateQueries({ queryKey: ['price-suggestions'] }),
  });
  if (s.status !== 'pending') {
    return <span>{t(`pricing.statuses.${s.status}`)} · {s.decided_by ?? '—'} · {s.decided_at?.slice(0, 16) ?? ''}{s.note ? ` · ${s.note}` : ''}</span>;
  }
  return (
    <span className="decision">
      <input name="note" placeholder={t('pricing.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>{t('pricing.approve')}</button>
      <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>{t('pricing.reject')}</button>
      {decide.error && <ErrorNote error={decide.error} />}
    </span>
  );
}
