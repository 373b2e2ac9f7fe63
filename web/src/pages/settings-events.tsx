import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useLang, useSources } from '../api/hooks.ts';
import type { EventRecord, Source } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote } from '../components/states.tsx';
import { eventTypeNames, eventTypes, isEventType } from '../../../src/domain/event-types.ts';

/** Events the diagnosis weighs as confounders (coupons, price and image changes …): listed, and entered by hand. */
export function EventSettings() {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const events = useQuery({ queryKey: ['events-all'], queryFn: () => api.events({}) });
  const [draft, setDraft] = useState({ date: '', end_date: '', type: 'coupon', asin: '', marketplace: '', note: '' });
  const save = useMutation({
    mutationFn: () => api.addEvent(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '')) as { date: string; type: string }),
    onSuccess: () => client.invalidateQueries(),
  });
  const typeName = (type: string) => (isEventType(type) ? eventTypeNames[type][lang === 'zh-CN' ? 'zh' : 'en'] : type);
  const columns: Column<EventRecord>[] = [
    { id: 'date', header: t('settings.from'), value: (e) => e.date },
    { id: 'end_date', header: t('settings.to'), value: (e) => e.end_date },
    { id: 'type', header: t('settings.eventType'), value: (e) => typeName(e.type) },
    { id: 'asin', header: 'ASIN', value: (e) => e.asin, asin: true },
    { id: 'marketplace', header: t('settings.marketplace'), value: (e) => e.marketplace },
    { id: 'store', header: t('settings.store'), value: (e) => e.store },
    { id: 'note', header: t('settings.note'), value: (e) => (lang === 'zh-CN' ? e.note_zh ?? e.note : e.note) },
    { id: 'origin', header: t('settings.origin'), value: (e) => t(`settings.origins.${e.origin}`, { defaultValue: e.origin }) },
  ];
  return (
    <section className="card" data-settings="events">
      <h2>{t('settings.events')}</h2>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <input name="event-date" type="date" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} required aria-label={t('settings.from')} />
        <input name="event-end" type="date" value={draft.end_date} onChange={(e) => setDraft({ ...draft, end_date: e.target.value })} aria-label={t('settings.to')} />
        <select name="event-type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })} aria-label={t('settings.eventType')}>
          {eventTypes.map((type) => <option key={type} value={type}>{typeName(type)}</option>)}
        </select>
        <input name="event-asin" placeholder="ASIN" value={draft.asin} onChange={(e) => setDraft({ ...draft, asin: e.target.value })} />
        <input name="event-marketplace" placeholder="US" value={draft.marketplace} onChange={(e) => setDraft({ ...draft, marketplace: e.target.value })} aria-label={t('settings.marketplace')} />
        <input name="event-note" placeholder={t('settings.note')} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
        <button type="submit" disabled={save.isPending}>{t('settings.add')}</button>
      </form>
      {save.error && <ErrorNote error={save.error} />}
      {events.error ? <ErrorNote error={events.error} /> : (
        <DataTable id="events" title={t('settings.events')} rows={events.data ?? []} columns={columns} rowKey={(e) => String(e.id)}
          empty={<p className="empty">{t('settings.eventsNone')}</p>} />
      )}
    </section>
  );
}

interface StoreMarket { store: string; marketplace: string | null; files: number; from: string | null; to: string | null }

/** The stores and marketplaces the imported reports belong to (a store is named at import; a marketplace comes from the file). */
export function StoreSettings() {
  const { t } = useTranslation();
  const sources = useSources();
  const rows = [...(sources.data ?? []).reduce((m, s: Source) => {
    const key = `${s.store}|${s.marketplace ?? ''}`;
    const r = m.get(key) ?? { store: s.store, marketplace: s.marketplace, files: 0, from: null, to: null };
    r.files += 1;
    if (s.from && (!r.from || s.from < r.from)) r.from = s.from;
    if (s.to && (!r.to || s.to > r.to)) r.to = s.to;
    return m.set(key, r);
  }, new Map<string, StoreMarket>()).values()];
  const columns: Column<StoreMarket>[] = [
    { id: 'store', header: t('settings.store'), value: (r) => r.store },
    { id: 'marketplace', header: t('settings.marketplace'), value: (r) => r.marketplace },
    { id: 'files', header: t('settings.files'), value: (r) => r.files, format: 'int' },
    { id: 'from', header: t('settings.from'), value: (r) => r.from },
    { id: 'to', header: t('settings.to'), value: (r) => r.to },
  ];
  return (
    <section className="card" data-settings="stores">
      <h2>{t('settings.stores')}</h2>
      <p className="hint">{t('settings.storesHint')}</p>
      <DataTable id="stores" title={t('settings.stores')} rows={rows} columns={columns} rowKey={(r) => `${r.store}|${r.marketplace ?? ''}`} />
    </section>
  );
}
