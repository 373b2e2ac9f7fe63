import { useTranslation } from 'react-i18next';
import { useLang, useSources } from '../api/hooks.ts';
import type { Source } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { EmptyState, ErrorNote, Loading } from '../components/states.tsx';
import { formatTimestamp } from '../format/time.ts';
import { useSettings } from '../settings/settings.ts';
import { UploadCard } from './upload.tsx';

/** What was imported, newest first; the import time in site or Beijing time as the settings say. */
export function DataPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { time } = useSettings();
  const sources = useSources();
  if (sources.error) return <ErrorNote error={sources.error} />;
  if (!sources.data) return <Loading />;
  const rows = [...sources.data].sort((a, b) => b.imported_at.localeCompare(a.imported_at));
  const columns: Column<Source>[] = [
    { id: 'file', header: t('data.file'), value: (s) => s.file },
    { id: 'type', header: t('data.type'), value: (s) => s.type },
    { id: 'store', header: t('data.store'), value: (s) => s.store },
    { id: 'marketplace', header: t('data.marketplace'), value: (s) => s.marketplace },
    { id: 'period', header: t('data.period'), value: (s) => (s.from ? `${s.from} – ${s.to ?? ''}` : null) },
    { id: 'rows', header: t('data.rows'), value: (s) => s.rows, format: 'int' },
    // sorted by the stored UTC time; shown in the chosen clock
    { id: 'importedAt', header: t('data.importedAt'), value: (s) => s.imported_at, render: (s) => <span data-timestamp={s.imported_at}>{formatTimestamp(s.imported_at, time, s.marketplace, lang)}</span> },
  ];
  return (
    <div className="page" data-page="data">
      <h1>{t('data.title')}</h1>
      <UploadCard />
      <h2>{t('data.history')}</h2>
      {rows.length === 0 ? <EmptyState /> : (
        <DataTable id="sources" title={t('data.history')} columns={columns} rows={rows} rowKey={(s) => `${s.file}:${s.imported_at}:${s.store}`} />
      )}
    </div>
  );
}
