import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type UploadResult } from '../api/client.ts';
import { useImportJob, useImports } from '../api/hooks.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ImportProgress } from './import-progress.tsx';

const options = ['store', 'marketplace', 'from', 'to', 'date'] as const;
/** `--ad-type`: sent as the form field `adType` only when chosen (ingest/ads-console/ad-type.ts) */
const adTypes = ['sp', 'sb', 'sd'] as const;

/** Drop report files (or pick them): they are imported as `asterism import` would, one result per file. The
 * upload's bar follows the transfer; then the server's import job is asked for every half second. */
export function UploadCard() {
  const { t, i18n } = useTranslation();
  // the server sends each refusal in both languages (error, error_zh; a problem's message_zh): show the dashboard's own
  const errorOf = (r: UploadResult) => (i18n.language === 'zh-CN' ? r.error_zh ?? r.problems.find((p) => p.severity === 'error')?.message_zh ?? r.error : r.error);
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const job = useImportJob(jobId);
  // the stores imported into, offered in the Store field: left empty, the server takes the one store or asks which
  const stores = [...new Set((useImports().data ?? []).map((i) => i.store))].sort();
  const state = job.data?.state;
  const importing = jobId !== null && !job.error && state !== 'done' && state !== 'failed';
  const busy = sending || importing;
  const results: UploadResult[] = state === 'done' ? job.data?.results ?? [] : [];
  const problem = failure ?? (state === 'failed' ? job.data?.error?.message ?? null : null) ?? (job.error ? job.error.message : null);
  useEffect(() => {
    // the files are in: every page's numbers may have changed (the job itself no longer does)
    if (state === 'done') void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'import-job' });
  }, [state, jobId, client]);
  const send = async (files: File[]) => {
    if (files.length === 0) return;
    setSending(true);
    setFailure(null);
    setSent(null);
    setJobId(null);
    try {
      setJobId((await api.upload(files, values, (loaded, total) => setSent({ loaded, total }))).id);
    } catch (e) {
      // a refusal such as "which store?" (issue 27) comes in both languages
      setFailure(e instanceof ApiError && i18n.language === 'zh-CN' && e.messageZh ? e.messageZh : e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
      setSent(null);
    }
  };
  const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
  // while the files travel: how much has gone; once they are all sent, the server is importing
  const progressText = () => (sent && sent.loaded < sent.total
    ? t('data.sending', { percent: Math.floor((sent.loaded / sent.total) * 100), loaded: mb(sent.loaded), total: mb(sent.total) })
    : t('data.uploading'));
  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    void send([...e.dataTransfer.files]);
  };
  const columns: Column<UploadResult>[] = [
    { id: 'file', header: t('data.file'), value: (r) => r.file },
    { id: 'type', header: t('data.type'), value: (r) => r.type },
    { id: 'marketplace', header: t('data.marketplace'), value: (r) => r.marketplace },
    { id: 'status', header: t('data.result'), value: (r) => t(`data.status.${r.status}`) },
    { id: 'rows', header: t('data.rows'), value: (r) => r.rows, format: 'int' },
    { id: 'period', header: t('data.period'), value: (r) => (r.from ? `${r.from} – ${r.to ?? ''}` : null) },
    { id: 'error', header: t('data.error'), value: errorOf, render: (r) => errorOf(r) ?? '', className: 'error' },
  ];
  return (
    <section className="card" data-upload>
      <h2>{t('data.upload')}</h2>
      <div className="upload-options">
        {options.map((o) => (
          <label key={o}>{t(`data.option.${o}`)}
            <input type={o === 'from' || o === 'to' || o === 'date' ? 'date' : 'text'} value={values[o] ?? ''} name={o}
              {...(o === 'store' ? { list: 'upload-stores' } : {})} onChange={(e) => setValues({ ...values, [o]: e.target.value })} />
          </label>
        ))}
        <datalist id="upload-stores">{stores.map((s) => <option key={s} value={s} />)}</datalist>
        <label>{t('data.option.adType')}
          <select name="adType" value={values.adType ?? ''} onChange={(e) => setValues({ ...values, adType: e.target.value })}>
            <option value="">{t('data.adType.auto')}</option>
            {adTypes.map((a) => <option key={a} value={a}>{t(`data.adType.${a}`)}</option>)}
          </select>
        </label>
      </div>
      <label className="replace-option">
        <input type="checkbox" name="replace" checked={values.replace === 'true'} onChange={(e) => setValues({ ...values, replace: e.target.checked ? 'true' : '' })} />
        {t('data.option.replace')}
      </label>
      <label className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        {busy ? progressText() : t('data.drop')}
        {sending && sent && <progress data-upload-progress max={sent.total} value={sent.loaded} />}
        <input type="file" multiple hidden data-upload-input onChange={(e) => void send([...(e.target.files ?? [])])} />
      </label>
      <p className="hint">{t('data.uploadHint')}</p>
      {importing && job.data && <ImportProgress job={job.data} />}
      {problem && <p className="error">{problem}</p>}
      {results.length > 0 && (
        <DataTable id="upload-results" title={t('data.upload')} rows={results} rowKey={(r) => r.file} columns={columns}
          rowAttrs={(r) => ({ 'data-status': r.status })} />
      )}
    </section>
  );
}
