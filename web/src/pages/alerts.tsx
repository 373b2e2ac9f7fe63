import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useLang } from '../api/hooks.ts';
import type { AlertChannel, AlertItem } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/states.tsx';

/** The Alerts page (issue 19): open alerts, the channels and the ones that cannot be reached. */
export function AlertsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const alerts = useQuery({ queryKey: ['alerts', 'open'], queryFn: () => api.alerts({ state: 'open' }), refetchInterval: 60_000 });
  const channels = useQuery({ queryKey: ['alert-channels'], queryFn: api.alertChannels });
  const text = (a: AlertItem) => (lang === 'zh-CN' ? a.message.zh : a.message.en);
  const columns: Column<AlertItem>[] = [
    { id: 'severity', header: t('alerts.severity'), value: (a) => a.severity },
    { id: 'what', header: t('alerts.what'), value: (a) => (text(a).split('\n')[0] ?? '').replace(/\*\*/g, '') },
    { id: 'scope', header: t('alerts.scope'), value: (a) => Object.values(a.scope).join(' · ') },
    { id: 'owner', header: t('alerts.owner'), value: (a) => a.owner ?? '' },
    { id: 'since', header: t('alerts.since'), value: (a) => a.as_of },
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
        <p key={f.channel} className="warning" data-failing-channel={f.channel}>{t('alerts.failing', { channel: f.channel, error: f.error, waiting: f.waiting })}</p>
      ))}
      <section className="card">
        <DataTable id="alerts" title={t('alerts.title')} rows={alerts.data?.alerts ?? []} columns={columns} rowKey={(a) => String(a.id)}
          onRowClick={(a) => { if (a.link) window.open(a.link, '_self'); }} empty={<p className="empty">{t('alerts.none')}</p>} />
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

/** The bell in the header: how many alerts are open, a link to the Alerts page. */
export function AlertBell({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const open = useQuery({ queryKey: ['alerts', 'open'], queryFn: () => api.alerts({ state: 'open' }), refetchInterval: 60_000 });
  const count = open.data?.alerts.length ?? 0;
  return (
    <a className="bell" href="/alerts" data-bell={count} title={t('alerts.bell', { count })} aria-label={t('alerts.bell', { count })}
      onClick={(e) => { e.preventDefault(); onOpen(); }}>
      🔔{count > 0 ? <span className="bell-count">{count}</span> : null}
    </a>
  );
}
