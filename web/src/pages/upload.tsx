import { useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type UploadResult } from '../api/client.ts';

const options = ['store', 'marketplace', 'from', 'to', 'date'] as const;

/** Drop report files (or pick them): they are imported as `asterism import` would, one result per file. */
export function UploadCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [results, setResults] = useState<UploadResult[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const send = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setFailure(null);
    try {
      setResults(await api.upload(files, values));
      await client.invalidateQueries();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    void send([...e.dataTransfer.files]);
  };
  return (
    <section className="card" data-upload>
      <h2>{t('data.upload')}</h2>
      <div className="upload-options">
        {options.map((o) => (
          <label key={o}>{t(`data.option.${o}`)}
            <input type={o === 'from' || o === 'to' || o === 'date' ? 'date' : 'text'} value={values[o] ?? ''} name={o}
              onChange={(e) => setValues({ ...values, [o]: e.target.value })} />
          </label>
        ))}
      </div>
      <label className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        {busy ? t('data.uploading') : t('data.drop')}
        <input type="file" multiple hidden data-upload-input onChange={(e) => void send([...(e.target.files ?? [])])} />
      </label>
      <p className="hint">{t('data.uploadHint')}</p>
      {failure && <p className="error">{failure}</p>}
      {results.length > 0 && (
        <table className="table" data-table="upload-results">
          <thead><tr>{['file', 'type', 'marketplace', 'status', 'rows', 'period', 'error'].map((c) => <th key={c}>{t(`data.${c === 'status' ? 'result' : c}`)}</th>)}</tr></thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.file} data-status={r.status}>
                <td>{r.file}</td><td>{r.type ?? '—'}</td><td>{r.marketplace ?? '—'}</td>
                <td>{t(`data.status.${r.status}`)}</td><td className="num">{r.rows}</td>
                <td>{r.from ? `${r.from} – ${r.to ?? ''}` : '—'}</td><td className="error">{r.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
