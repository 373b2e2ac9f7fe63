import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type SyncRun, type SyncStateRow } from '../api/client.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote } from '../components/states.tsx';
import { SyncConnectForm } from './sync-connect.tsx';

/**
 * The Data page's Amazon section (issue 18): which stores are connected and whether their tokens work, what each
 * report type has covered, its last error and next run, a button that syncs now, and the form that connects a store
 * (sync-connect.tsx; the secrets never come back to the page).
 */
export function SyncCard() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const connections = useQuery({ queryKey: ['connections'], queryFn: api.connections });
  const status = useQuery({ queryKey: ['sync-status'], queryFn: api.syncStatus });
  const run = useMutation({
    mutationFn: () => api.syncRun(),
    // imports change every answer
    onSuccess: () => client.invalidateQueries(),
  });
  const columns: Column<SyncStateRow>[] = [
    { id: 'store', header: t('sync.store'), value: (r) => r.store },
    { id: 'marketplace', header: t('sync.marketplace'), value: (r) => r.marketplace },
    { id: 'report', header: t('sync.report'), value: (r) => r.report_type },
    { id: 'covered', header: t('sync.covered'), value: (r) => (r.covered_from ? `${r.covered_from} – ${r.covered_to ?? ''}` : null) },
    { id: 'lastSuccess', header: t('sync.lastSuccess'), value: (r) => r.last_success },
    { id: 'lastError', header: t('sync.lastError'), value: (r) => (i18n.language === 'zh-CN' ? r.last_error_zh ?? r.last_error : r.last_error) },
    { id: 'nextRun', header: t('sync.nextRun'), value: (r) => r.next_run },
  ];
  const list = connections.data ?? [];
  const failed = (run.data?.runs ?? []).filter((r: SyncRun) => r.status === 'error');
  return (
    <section className="card" data-sync>
      <h2>{t('sync.title')}</h2>
      {connections.error && <ErrorNote error={connections.error} />}
      {list.length === 0 ? <p>{t('sync.none', { command: 'asterism connect amazon --store S --region na --marketplace US …' })}</p> : (
        <ul data-connections>
          {list.map((c) => (
            <li key={`${c.api}:${c.store}`}>
              {c.api === 'sp' ? 'SP-API' : 'Ads API'} · {c.store} · {c.region} · {c.marketplaces.join(' ')} · {c.token_ok ? t('sync.tokenOk') : t('sync.tokenBad', { error: c.token_error ?? '' })}
            </li>
          ))}
        </ul>
      )}
      <button type="button" data-sync-now disabled={run.isPending || list.length === 0} onClick={() => run.mutate()}>
        {run.isPending ? t('sync.running') : t('sync.now')}
      </button>
      {run.error && <ErrorNote error={run.error} />}
      {run.data && <p role="status" data-sync-result>{t('sync.done', { runs: run.data.runs.length, failed: failed.length })}</p>}
      <SyncConnectForm />
      {status.data && status.data.length > 0 && (
        <DataTable id="sync-status" title={t('sync.title')} columns={columns} rows={status.data} rowKey={(r) => `${r.store}:${r.marketplace}:${r.report_type}`} />
      )}
    </section>
  );
}
