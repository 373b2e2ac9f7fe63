import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { FxRate } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote } from '../components/states.tsx';

/** The dated FX table (`PUT /api/fx`): money converts with the latest rate on or before each fact's date. */
export function FxSettings() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rates = useQuery({ queryKey: ['fx'], queryFn: api.fxRates });
  const [draft, setDraft] = useState<FxRate>({ date: new Date().toISOString().slice(0, 10), base: 'USD', quote: 'CNY', rate: '' });
  const save = useMutation({ mutationFn: () => api.setFxRates([{ ...draft, base: draft.base.toUpperCase(), quote: draft.quote.toUpperCase() }]), onSuccess: () => client.invalidateQueries() });
  // rates travel as text (exact decimals); shown as numbers with their own digits
  const columns: Column<FxRate>[] = [
    { id: 'date', header: t('settings.fxDate'), value: (r) => r.date },
    { id: 'base', header: t('settings.fxBase'), value: (r) => r.base },
    { id: 'quote', header: t('settings.fxQuote'), value: (r) => r.quote },
    { id: 'rate', header: t('settings.fxRate'), value: (r) => Number(r.rate), render: (r) => r.rate, format: 'dec2' },
  ];
  return (
    <section className="card" data-settings="fx">
      <h2>{t('settings.fx')}</h2>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <input name="fx-date" type="date" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} required aria-label={t('settings.fxDate')} />
        <input name="fx-base" value={draft.base} maxLength={3} size={4} onChange={(e) => setDraft({ ...draft, base: e.target.value })} required aria-label={t('settings.fxBase')} />
        →
        <input name="fx-quote" value={draft.quote} maxLength={3} size={4} onChange={(e) => setDraft({ ...draft, quote: e.target.value })} required aria-label={t('settings.fxQuote')} />
        <input name="fx-rate" value={draft.rate} placeholder="7.1234" inputMode="decimal" onChange={(e) => setDraft({ ...draft, rate: e.target.value })} required aria-label={t('settings.fxRate')} />
        <button type="submit" disabled={save.isPending}>{t('settings.add')}</button>
        {save.isSuccess && <span className="good">{t('settings.saved')}</span>}
      </form>
      {save.error && <ErrorNote error={save.error} />}
      {rates.error ? <ErrorNote error={rates.error} /> : (
        <DataTable id="fx-rates" title={t('settings.fx')} rows={rates.data ?? []} columns={columns} rowKey={(r) => `${r.date}:${r.base}:${r.quote}`}
          initialSort={{ id: 'date', desc: true }} empty={<p className="empty">{t('settings.fxNone')}</p>} />
      )}
    </section>
  );
}
