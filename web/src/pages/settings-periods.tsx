import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { SpecialPeriod } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote } from '../components/states.tsx';

/** Special KPI periods (Prime Day, BFCM) with the seller's own dates; the KPI page's picker offers them. */
export function PeriodSettings() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const periods = useQuery({ queryKey: ['kpi-periods'], queryFn: api.kpiPeriods });
  const [draft, setDraft] = useState({ name: '', from: '', to: '', note: '' });
  const save = useMutation({
    mutationFn: () => api.setKpiPeriod({ name: draft.name, from: draft.from, to: draft.to, ...(draft.note ? { note: draft.note } : {}) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['kpi-periods'] }),
  });
  const columns: Column<SpecialPeriod>[] = [
    { id: 'name', header: t('settings.name'), value: (p) => p.name },
    { id: 'from', header: t('settings.from'), value: (p) => p.from },
    { id: 'to', header: t('settings.to'), value: (p) => p.to },
    { id: 'note', header: t('settings.note'), value: (p) => p.note },
  ];
  return (
    <section className="card" data-settings="periods">
      <h2>{t('settings.periods')}</h2>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <input name="period-name" placeholder="Prime Day 2026" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required aria-label={t('settings.name')} />
        <input name="period-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} required aria-label={t('settings.from')} />
        <input name="period-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} required aria-label={t('settings.to')} />
        <input name="period-note" value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} placeholder={t('settings.note')} />
        <button type="submit" disabled={save.isPending}>{t('settings.save')}</button>
      </form>
      {save.error && <ErrorNote error={save.error} />}
      {periods.error ? <ErrorNote error={periods.error} /> : (
        <DataTable id="special-periods" title={t('settings.periods')} rows={periods.data ?? []} columns={columns} rowKey={(p) => p.name}
          empty={<p className="empty">{t('settings.periodsNone')}</p>} />
      )}
    </section>
  );
}
