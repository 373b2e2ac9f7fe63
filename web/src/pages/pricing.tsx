import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useLang } from '../api/hooks.ts';
import type { PriceSuggestion } from '../api/types.ts';
import { ErrorNote, Loading } from '../components/states.tsx';
import { formatNumber } from '../format/format.ts';
import type { PageProps } from '../app.tsx';

const statuses = ['pending', 'approved', 'rejected'] as const;
const userKey = 'asterism.user';

/** Price suggestions waiting for a person: approve or reject each with a note; decided ones show who, when and why. */
export function PricingPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [status, setStatus] = useState<(typeof statuses)[number]>('pending');
  const [user, setUser] = useState(() => localStorage.getItem(userKey) ?? '');
  const scope = ready ? { status, store: filters.store, marketplace: filters.marketplace } : null;
  const suggestions = useQuery({ queryKey: ['price-suggestions', scope], enabled: Boolean(scope), queryFn: () => api.priceSuggestions(scope ?? {}) });
  const money = (v: number | null, currency: string) => formatNumber(v, 'money', lang, currency);

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
        <table className="table" data-table="price-suggestions">
          <thead>
            <tr>
              {(['id', 'sku', 'current', 'breakEven', 'target', 'competitor', 'suggested', 'rules', 'decision'] as const).map((c) => <th key={c}>{t(`pricing.columns.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {suggestions.data.map((s) => (
              <tr key={s.id} data-suggestion={s.id}>
                <td>{s.id}</td>
                <td>{s.sku} <span className="muted">{s.marketplace}{s.asin ? ` · ${s.asin}` : ''}</span></td>
                <td className="num">{money(s.current_price, s.currency)}</td>
                <td className="num">{money(s.break_even_price, s.currency)}</td>
                <td className="num">{money(s.target_margin_price, s.currency)}</td>
                <td className="num">{money(s.competitor_price, s.currency)}</td>
                <td className="num"><strong>{money(s.suggested_price, s.currency)}</strong> <span className="muted">{t('pricing.estimated')}</span></td>
                <td>{s.rules_applied.map((r) => t(`pricing.rules.${r}`, { defaultValue: r })).join(', ') || '—'}</td>
                <td><Decision suggestion={s} user={user} /></td>
              </tr>
            ))}
          </tbody>
        </table>
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
