import { useTranslation } from 'react-i18next';

/** What a new user sees before any import: which reports to bring and how. */
export function EmptyState({ kind = 'nothing' }: { kind?: 'nothing' | 'period' }) {
  const { t } = useTranslation();
  if (kind === 'period') return <div className="empty" data-empty="period"><p>{t('empty.period')}</p></div>;
  return (
    <div className="empty" data-empty="nothing">
      <h2>{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <p>{t('empty.command', { command: '' })}<code>npx asterism import BusinessReport.csv --store my-store --marketplace US --from 2026-10-01 --to 2026-10-31</code></p>
      <p>{t('empty.demo', { command: '' })}<code>npx asterism demo</code></p>
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}

export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <p className="error" role="alert">{t('common.error', { message: error instanceof Error ? error.message : String(error) })}</p>;
}

/** Warnings a page always says (issues 15.8, 15.9): a stale FX rate behind a converted amount, and why an answer is empty. */
const toldWarnings = new Set(['fx_stale', 'no_data']);

/** What the server said it could not answer (no FX rate, a report that does not fit the period): errors first, in its words;
 * then the notes a seller must read beside the numbers. */
export function ProblemsNote({ problems }: { problems: readonly { code: string; message: string; message_zh?: string | undefined; severity: string }[] }) {
  const { t, i18n } = useTranslation();
  const errors = problems.filter((p) => p.severity === 'error');
  const notes = problems.filter((p) => p.severity !== 'error' && toldWarnings.has(p.code));
  if (errors.length === 0 && notes.length === 0) return null;
  const texts = (list: typeof problems) => [...new Set(list.map((p) => (i18n.language === 'zh-CN' ? p.message_zh ?? p.message : p.message)))];
  return (
    <div className="empty" role="status" data-problems>
      {errors.length > 0 && <><p>{t('common.problems')}</p><ul>{texts(errors).map((m) => <li key={m}>{m}</li>)}</ul></>}
      {notes.length > 0 && <><p>{t('common.notes')}</p><ul data-notes>{texts(notes).map((m) => <li key={m}>{m}</li>)}</ul></>}
    </div>
  );
}
