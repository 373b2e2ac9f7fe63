import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useLang } from '../api/hooks.ts';
import type { AlertChannel, AlertItem } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/states.tsx';
import { AlertRuleForm, AlertRules } from './alert-rules.tsx';

/** Open alerts that still ask for attention: not acknowledged, not snoozed now (what the bell counts). */
export const waiting = (a: AlertItem, now = Date.now()): boolean =>
  a.acknowledged_at === null && !(a.snoozed_until !== null && Date.parse(a.snoozed_until) > now);

/** The Alerts page (issue 19): open alerts (acknowledge, snooze), the rules, the channels and the ones that cannot be reached. */
export function AlertsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const alerts = useQuery({ queryKey: ['alerts', 'open'], queryFn: () => api.alerts({ state: 'open' }), refetchInterval: 60_000 });
  const channels = useQuery({ queryKey: ['alert-channels'], queryFn: api.alertChannels });
  const refresh = () => client.invalidateQueries({ queryKey: ['alerts'] });
  const acknowledge = useMutation({ mutationFn: (id: number) => api.acknowledgeAlert(id), onSuccess: refresh });
  const snooze = useMutation({ mutationFn: (id: number) => api.snoozeAlert(id, 24), onSuccess: refresh });
  const text = (a: AlertItem) => (lang === 'zh-CN' ? a.message.zh : a.message.en);
  const stateOf = (a: AlertItem) => (a.acknowledged_at ? t('alerts.acknowledged')
    : a.snoozed_until && Date.parse(a.snoozed_until) > Date.now() ? t('alerts.snoozedUntil', { until: a.snoozed_until.slice(0, 16).replace('T', ' ') }) : t('alerts.new'));
  const columns: Column<AlertItem>[] = [
    { id: 'severity', header: t('alerts.severity'), value: (a) => t(`alerts.severities.${a.severity}`, { defaultValue: a.severity }) },
    { id: 'what', header: t('alerts.what'), value: (a) => (text(a).split('\n')[0] ?? '').replace(/\*\*/g, '') },
    { id: 'scope', header: t('alerts.scope'), value: (a) => Object.values(a.scope).join(' · ') },
    { id: 'owner', header: t('alerts.owner'), value: (a) => a.owner ?? '' },
    { id: 'since', header: t('alerts.since'), value: (a) => a.as_of },
    { id: 'state', header: t('alerts.state'), value: stateOf },
    {
      id: 'actions', header: t('alerts.actions'), value: () => '', sortable: false,
      render: (a) => (
        <span className="row-actions" onClick={(e) => e.stopPropagation()}>
          <button type="button" data-acknowledge={a.id} disabled={a.acknowledged_at !== null || acknowledge.isPending}
            aria-label={t('alerts.acknowledgeOne', { id: a.id })} onClick={() => acknowledge.mutate(a.id)}>{t('alerts.acknowledge')}</button>
          <button type="button" data-snooze={a.id} disabled={snooze.isPending}
            aria-label={t('alerts.snoozeOne', { id: a.id })} onClick={() => snooze.mutate(a.id)}>{t('alerts.snooze')}</button>
        </span>
      ),
    },
  ];
  const channelColumns: Column<AlertChannel>[] = [
    { id: 'name', header: t('alerts.channel'), value: (c) => c.name },
    { id: 'type', header: t('alerts.type'), value: (c) => c.type },
    { id: 'owner', header: t('alerts.owner'), value: (c) => c.owner ?? c.role ?? (c.is_default ? 'default' : '') },
    { id: 'lang', header: t('alerts.lang'), value: (c) => c.lang },
    { id: 'quiet', header: t('alerts.quiet'), value: (c) => (c.quiet_hours ? `${c.quiet_hours} ${c.time_zone}` : '') },
  ];
  if (alerts.isLoading) return <Loading />;
  return (
    <section className="page" data-page="alerts">
      <h1>{t('alerts.title')}</h1>
      {alerts.error ? <ErrorNote error={alerts.error} /> : null}
      {(alerts.data?.failing ?? []).map((f) => (
        // the channel's raw answer stays in the delivery log; the page says what it means in the reader's language
        <p key={f.channel} className="warning" data-failing-channel={f.channel}>
          {t('alerts.failing', { channel: f.channel, error: lang === 'zh-CN' ? f.message.zh : f.message.en, waiting: f.waiting })}
        </p>
      ))}
      {acknowledge.error ? <ErrorNote error={acknowledge.error} /> : null}
      {snooze.error ? <ErrorNote error={snooze.error} /> : null}
      <section className="card">
        <DataTable id="alerts" title={t('alerts.title')} rows={alerts.data?.alerts ?? []} columns={columns} rowKey={(a) => String(a.id)}
          rowAttrs={(a) => ({ 'data-alert': String(a.id) })}
          onRowClick={(a) => { if (a.link) window.open(a.link, '_self'); }} empty={<p className="empty">{t('alerts.none')}</p>} />
      </section>
      <section className="card" data-alert-rules="">
        <h2>{t('alerts.rules')}</h2>
        <AlertRuleForm />
        <AlertRules />
      </section>
      <section className="card">
        <h2>{t('alerts.channels')}</h2>
        {channels.error ? <ErrorNote error={channels.error} /> : (
          <DataTable id="alert-channels" title={t('alerts.channels')} rows={channels.data?.channels ?? []} columns={channelColumns} rowKey={(c) => c.name}
            empty={<p className="empty">{t('alerts.noChannels')}</p>} />
        )}
      </section>
    </section>
  );
}

/** The bell in the header: how many open alerts wait for someone (not acknowledged, not snoozed), a link to the Alerts page. */
export function AlertBell({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const open = useQuery({ queryKey: ['alerts', 'open'], queryFn: () => api.alerts({ state: 'open' }), refetchInterval: 60_000 });
  const count = (open.data?.alerts ?? []).filter((a) => waiting(a)).length;
  return (
    <a className="bell" href="/alerts" data-bell={count} title={t('alerts.bell', { count })} aria-label={t('alerts.bell', { count })}
      onClick={(e) => { e.preventDefault(); onOpen(); }}>
      🔔{count > 0 ? <span className="bell-count">{count}</span> : null}
    </a>
  );
}
