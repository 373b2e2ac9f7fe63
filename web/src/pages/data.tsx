import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';
import { useImports, useLang } from '../api/hooks.ts';
import type { ImportEntry } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { EmptyState, ErrorNote, Loading } from '../components/states.tsx';
import { formatTimestamp } from '../format/time.ts';
import { useSettings } from '../settings/settings.ts';
import { UploadCard } from './upload.tsx';
import { SyncCard } from './sync-card.tsx';

/** What was imported, newest first; the import time in site or Beijing time as the settings say. Each import can be
 * undone: its rows out, the rows it replaced back (the server refuses, naming it, while a later import must go first). */
export function DataPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { time } = useSettings();
  const client = useQueryClient();
  const imports = useImports();
  const undo = useMutation({
    mutationFn: (id: number) => api.undoImport(id),
    // every answer may change: the rows of an earlier import came back
    onSuccess: () => client.invalidateQueries(),
  });
  if (imports.error) return <ErrorNote error={imports.error} />;
  if (!imports.data) return <Loading />;
  const ask = (i: ImportEntry) => {
    if (window.confirm(t('data.undoConfirm', { id: i.id, file: i.file, rows: i.rows, replaced: i.replaced }))) undo.mutate(i.id);
  };
  const columns: Column<ImportEntry>[] = [
    { id: 'id', header: '#', value: (i) => i.id, format: 'int' },
    { id: 'file', header: t('data.file'), value: (i) => i.file },
    { id: 'type', header: t('data.type'), value: (i) => i.type },
    { id: 'store', header: t('data.store'), value: (i) => i.store },
    // a unified-account file imported split per marketplace has no one marketplace: its marketplaces are listed
    { id: 'marketplace', header: t('data.marketplace'), value: (i) => i.marketplace ?? i.marketplaces?.join(', ') ?? null },
    { id: 'period', header: t('data.period'), value: (i) => (i.from ? `${i.from} – ${i.to ?? ''}` : null) },
    { id: 'rows', header: t('data.rows'), value: (i) => i.rows, format: 'int' },
    { id: 'replaced', header: t('data.replaced'), value: (i) => i.replaced, format: 'int' },
    // sorted by the stored UTC time; shown in the chosen clock
    { id: 'importedAt', header: t('data.importedAt'), value: (i) => i.imported_at, render: (i) => <span data-timestamp={i.imported_at}>{formatTimestamp(i.imported_at, time, i.marketplace, lang)}</span> },
    {
      id: 'state', header: t('data.state'), value: (i) => (i.undone ? t('data.undone') : t('data.active')), sortable: false,
      render: (i) => (i.undone ? <span data-undone>{t('data.undone')}</span> : (
        <button type="button" data-undo={i.id} disabled={undo.isPending} onClick={() => ask(i)}>{t('data.undo')}</button>
      )),
    },
  ];
  const refused = undo.error instanceof ApiError && lang === 'zh-CN' && undo.error.messageZh ? new Error(undo.error.messageZh) : undo.error;
  return (
    <div className="page" data-page="data">
      <h1>{t('data.title')}</h1>
      <UploadCard />
      <SyncCard />
      <h2>{t('data.history')}</h2>
      {refused && <ErrorNote error={refused} />}
      {undo.data && <p role="status" data-undo-result>{t('data.undoDone', { ...undo.data })}</p>}
      {imports.data.length === 0 ? <EmptyState /> : (
        <DataTable id="sources" title={t('data.history')} columns={columns} rows={imports.data} rowKey={(i) => String(i.id)} rowClass={(i) => (i.undone ? 'undone' : undefined)} />
      )}
    </div>
  );
}
