import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useLang, useSources } from '../api/hooks.ts';
import { formatTimestamp } from '../format/time.ts';
import { useSettings } from '../settings/settings.ts';
import { EmptyState, ErrorNote, Loading } from '../components/states.tsx';
import { lastDataDay } from '../filters/filters.ts';
import { GuardTable, KpiRowsTable, ScorecardTable } from './kpi-tables.tsx';
import { PeriodPicker, periodOf } from './period-picker.tsx';
import { UploadCard } from './upload.tsx';

/** KPI attainment and pacing for a period, scorecards, guards; lock a closed period; upload targets. */
export function KpiPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const lang = useLang();
  const { time } = useSettings();
  const sources = useSources();
  const day = (sources.data && lastDataDay(sources.data)) ?? new Date().toISOString().slice(0, 10);
  const [chosen, setChosen] = useState<string | null>(() => new URLSearchParams(window.location.search).get('period'));
  const status = useQuery({
    // Targets are in their scope's own currency: the reporting currency is not passed (kpi status
    // would convert the actual but not the target), so money KPIs show in the marketplace's currency.
    // Without a chosen period the server picks the latest complete month with data, and says so.
    queryKey: ['kpi-status', chosen], enabled: Boolean(sources.data),
    queryFn: () => api.kpiStatus(chosen ? { period: chosen } : {}),
  });
  const period = chosen ?? status.data?.period.label ?? periodOf('month', day, []);
  const lock = useMutation({
    mutationFn: () => api.kpiLock({ period }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['kpi-status'] }),
  });
  const askLock = () => { if (window.confirm(t('kpi.lockConfirm', { period }))) lock.mutate(); };

  if (sources.data && sources.data.length === 0) return <div className="page" data-page="kpi"><h1>{t('kpi.title')}</h1><EmptyState /><KpiUpload /></div>;
  const answer = status.data;
  return (
    <div className="page" data-page="kpi">
      <h1>{t('kpi.title')}</h1>
      <PeriodPicker period={period} onChange={setChosen} day={day} />
      {status.error ? <ErrorNote error={status.error} /> : !answer ? <Loading /> : (
        <>
          <p className="muted" data-kpi-period>
            {answer.period.label} ({answer.period.from} – {answer.period.to}) · {t('kpi.asOf', { date: answer.as_of })}
            {answer.locked ? ` · ${t('kpi.locked', { at: formatTimestamp(answer.locked_at, time, null, lang) })}` : null}
          </p>
          {answer.period_note && <p className="muted" data-period-note>{answer.period_note[lang === 'zh-CN' ? 'zh' : 'en']}</p>}
          {answer.restated && <p className="warning">{t('kpi.restated')}</p>}
          {answer.problems.map((p) => <p key={p.message} className={p.severity === 'error' ? 'error' : 'muted'}>{p.message}</p>)}
          {answer.rows.length === 0 ? <p className="empty" data-empty="targets">{t('kpi.noTargets')}</p> : (
            <>
              <KpiRowsTable rows={answer.rows} />
              {!answer.locked && answer.period.to < new Date().toISOString().slice(0, 10) && (
                <p><button type="button" data-lock onClick={askLock} disabled={lock.isPending}>{t('kpi.lock')}</button></p>
              )}
              {lock.error && <ErrorNote error={lock.error} />}
              <h2>{t('kpi.scorecards')}</h2>
              <div className="two-columns">
                <section><h3>{t('kpi.people')}</h3><ScorecardTable id="kpi-people" cards={answer.scorecards.people} /></section>
                <section><h3>{t('kpi.roles')}</h3><ScorecardTable id="kpi-roles" cards={answer.scorecards.roles} roles /></section>
              </div>
              <h2>{t('kpi.guards')}</h2>
              <GuardTable findings={answer.findings} />
            </>
          )}
        </>
      )}
      <KpiUpload />
    </div>
  );
}

/** The targets file: the Data page's upload, and the template to start from in either language. */
function KpiUpload() {
  const { t } = useTranslation();
  return (
    <section data-kpi-targets>
      <h2>{t('kpi.targets')}</h2>
      <p>
        {t('kpi.template')}{' '}
        <a href="/api/templates/targets?lang=zh" download data-template="zh">{t('kpi.templateZh')}</a>{' · '}
        <a href="/api/templates/targets?lang=en" download data-template="en">{t('kpi.templateEn')}</a>
      </p>
      <UploadCard />
    </section>
  );
}
