import { useTranslation } from 'react-i18next';
import { useLang } from '../api/hooks.ts';
import type { ImportJob } from '../api/types.ts';
import { formatNumber } from '../format/format.ts';

type JobFile = ImportJob['files'][number];

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** While the server imports an upload: one line per file with its bar, rows, MB done of MB total and MB/s. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  return (
    <div className="import-progress" data-import-job={job.id} data-state={job.state}>
      {job.state === 'queued' && <p className="hint">{t('data.queued')}</p>}
      <ul>
        {job.files.map((f, i) => <FileProgress key={`${i}:${f.file}`} file={f} />)}
      </ul>
    </div>
  );
}

function FileProgress({ file }: { file: JobFile }) {
  const { t } = useTranslation();
  const lang = useLang();
  // rows in full (12,345 行), not in 万: they are counted up as the file goes in
  const rows = file.rows === null ? null
    : t(file.rowsEstimated ? 'data.progressRowsEstimated' : 'data.progressRows', { rows: new Intl.NumberFormat(lang).format(file.rows) });
  const parts = [
    t(`data.fileState.${file.state}`),
    rows,
    file.bytesTotal > 0 ? t('data.progressMb', { read: mb(file.bytesRead), total: mb(file.bytesTotal) }) : null,
    file.state === 'importing' && file.mbPerSecond !== null ? t('data.progressSpeed', { speed: formatNumber(file.mbPerSecond, 'dec1', lang) }) : null,
  ].filter((p): p is string => p !== null);
  return (
    <li data-import-file={file.file} data-state={file.state} data-rows={file.rows ?? ''} data-bytes-read={file.bytesRead}>
      <span className="import-file">{file.file}</span>
      <progress max={Math.max(file.bytesTotal, 1)} value={file.state === 'done' ? Math.max(file.bytesTotal, 1) : file.bytesRead} />
      <span className="import-figures">{parts.join(' · ')}</span>
    </li>
  );
}
