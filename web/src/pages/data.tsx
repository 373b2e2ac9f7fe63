import { useTranslation } from 'react-i18next';
import { useSources } from '../api/hooks.ts';
import { EmptyState, ErrorNote, Loading } from '../components/states.tsx';
import { formatNumber } from '../format/format.ts';
import { useLang } from '../api/hooks.ts';
import { UploadCard } from './upload.tsx';

/** What was imported, newest first. */
export function DataPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const sources = useSources();
  if (sources.error) return <ErrorNote error={sources.error} />;
  if (!sources.data) return <Loading />;
  const rows = [...sources.data].sort((a, b) => b.imported_at.localeCompare(a.imported_at));
  return (
    <div className="page" data-page="data">
      <h1>{t('data.title')}</h1>
      <UploadCard />
      <h2>{t('data.history')}</h2>
      {rows.length === 0 ? <EmptyState /> : (
        <table className="table" data-table="sources">
          <thead><tr>{['file', 'type', 'store', 'marketplace', 'period', 'rows', 'importedAt'].map((c) => <th key={c}>{t(`data.${c}`)}</th>)}</tr></thead>
          <tbody>
            {rows.map((s) => (
              <tr key={`${s.file}:${s.imported_at}:${s.store}`}>
                <td>{s.file}</td><td>{s.type}</td><td>{s.store}</td><td>{s.marketplace ?? '—'}</td>
                <td>{s.from ? `${s.from} – ${s.to ?? ''}` : '—'}</td>
                <td className="num">{formatNumber(s.rows, 'int', lang)}</td><td>{s.imported_at.replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
