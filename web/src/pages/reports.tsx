import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../api/hooks.ts';
import type { PageProps } from '../app.tsx';

const kinds = ['daily', 'weekly', 'monthly'] as const;
const formats = ['html', 'pdf', 'xlsx', 'md'] as const;
type Kind = (typeof kinds)[number];

/** The review documents (日报 / 周报 / 月报): pick one, preview its HTML here, download any format.
 * The server renders them (GET /api/report/file), exactly as `asterism report` does. */
export function ReportsPage({ filters }: PageProps) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const [kind, setKind] = useState<Kind>('weekly');
  const [period, setPeriod] = useState('');
  const [owner, setOwner] = useState('');
  const [lang, setLang] = useState(uiLang === 'en' ? 'en' : 'zh');
  const [format, setFormat] = useState<(typeof formats)[number]>('html');
  const [preview, setPreview] = useState<string | null>(null);
  const params = (f: string, inline: boolean) => {
    const p = new URLSearchParams({ kind, format: f, lang });
    if (period) p.set('period', period);
    if (owner) p.set('owner', owner);
    if (filters.store) p.set('store', filters.store);
    if (filters.marketplace) p.set('marketplace', filters.marketplace);
    if (filters.currency) p.set('currency', filters.currency);
    if (inline) p.set('inline', 'true');
    return `/api/report/file?${p}`;
  };
  const needsOwner = kind === 'daily' && !owner;
  return (
    <section className="card" data-page="reports">
      <h2>{t('reports.title')}</h2>
      <div className="upload-options">
        <label>{t('reports.kind')}
          <select name="kind" value={kind} onChange={(e) => { setKind(e.target.value as Kind); setPeriod(''); }}>
            {kinds.map((k) => <option key={k} value={k}>{t(`reports.kinds.${k}`)}</option>)}
          </select>
        </label>
        <label>{t('reports.period')}
          <input name="period" value={period} placeholder={t(`reports.periodHint.${kind}`)} onChange={(e) => setPeriod(e.target.value.trim())} />
        </label>
        <label>{t('reports.owner')}
          <input name="owner" value={owner} placeholder={kind === 'daily' ? t('reports.ownerRequired') : t('reports.ownerOptional')} onChange={(e) => setOwner(e.target.value.trim())} />
        </label>
        <label>{t('reports.lang')}
          <select name="report-lang" value={lang} onChange={(e) => setLang(e.target.value)}>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>{t('reports.format')}
          <select name="format" value={format} onChange={(e) => setFormat(e.target.value as (typeof formats)[number])}>
            {formats.map((f) => <option key={f} value={f}>{f.toUpperCase()}</option>)}
          </select>
        </label>
      </div>
      <p className="hint">{t('reports.hint')}</p>
      {needsOwner && <p className="error">{t('reports.ownerRequired')}</p>}
      <p>
        <a className="button" data-download href={needsOwner ? undefined : params(format, false)} download>{t('reports.download')}</a>{' '}
        <button type="button" data-preview disabled={needsOwner} onClick={() => setPreview(params('html', true))}>{t('reports.preview')}</button>
      </p>
      {preview && <iframe title={t('reports.preview')} src={preview} style={{ width: '100%', height: '80vh', border: '1px solid #e5e7eb', background: '#fff' }} />}
    </section>
  );
}
