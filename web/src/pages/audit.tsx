import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type AuditEntry } from '../api/client.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/states.tsx';

/**
 * The audit log for the owner (issue 20): every change, who made it, when and from where, newest first as the
 * server lists it. The filters go to the server (`?user=&action=`), so its row limit applies to the filtered log.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [user, setUser] = useState('');
  const [action, setAction] = useState('');
  // the whole log names the users and actions to choose from; the filtered one is what the table shows
  const all = useQuery({ queryKey: ['audit', '', ''], queryFn: () => api.audit() });
  // the table keeps the rows it has until the filtered ones arrive, so it does not flash a loading line
  const entries = useQuery({ queryKey: ['audit', user, action], queryFn: () => api.audit({ user, action }), placeholderData: keepPreviousData });
  const distinct = (pick: (e: AuditEntry) => string) => [...new Set((all.data ?? []).map(pick))].sort();
  const columns: Column<AuditEntry>[] = [
    { id: 'at', header: t('audit.columns.at'), value: (e) => e.at.replace('T', ' ').replace('Z', '') },
    { id: 'user', header: t('audit.columns.user'), value: (e) => e.user },
    { id: 'action', header: t('audit.columns.action'), value: (e) => e.action },
    { id: 'target', header: t('audit.columns.target'), value: (e) => e.target },
    { id: 'detail', header: t('audit.columns.detail'), value: (e) => e.detail, className: 'audit-detail' },
    { id: 'origin', header: t('audit.columns.origin'), value: (e) => e.origin },
  ];
  return (
    <section className="page" data-page="audit">
      <h1>{t('audit.title')}</h1>
      <p className="hint">{t('audit.hint')}</p>
      <form className="filter-bar" onSubmit={(e) => e.preventDefault()}>
        <label>{t('audit.user')}
          <select name="audit-user" value={user} onChange={(e) => setUser(e.target.value)}>
            <option value="">{t('audit.all')}</option>
            {distinct((e) => e.user).map((u) => <option key={u} value={u}>{u}</option>)}
          </select>
        </label>
        <label>{t('audit.action')}
          <select name="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('audit.all')}</option>
            {distinct((e) => e.action).map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
      </form>
      {entries.error ? <ErrorNote error={entries.error} /> : entries.isPending ? <Loading /> : (
        <DataTable id="audit" title={t('audit.title')} rows={entries.data} columns={columns} rowKey={(e, i) => `${e.at}-${i}`}
          rowAttrs={(e) => ({ 'data-action': e.action, 'data-user': e.user })}
          empty={<p className="empty">{t(user === '' && action === '' ? 'audit.none' : 'audit.noneFiltered')}</p>} />
      )}
    </section>
  );
}
