import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useCatalog, useLang, useSources } from '../api/hooks.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { EmptyState, ErrorNote, Loading } from '../components/states.tsx';
import type { Finding } from '../api/types.ts';
import { scopeOf } from '../filters/filters.ts';
import { formatMetric, formatNumber, metricName } from '../format/format.ts';
import type { PageProps } from '../app.tsx';

/** Findings for the stages below their benchmark: evidence, what to try, and the events that may explain them. */
export function DiagnosisPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalog = useCatalog();
  const sources = useSources();
  // money at stake also in the chosen reporting currency (and ranked in it); '' = each marketplace's own
  const scope = ready ? { ...scopeOf(filters), ...(filters.currency ? { currency: filters.currency } : {}) } : null;
  const answer = useQuery({ queryKey: ['diagnoseAnswer', scope], enabled: Boolean(scope), queryFn: () => api.diagnoseAnswer(scope ?? {}) });

  if (sources.data && sources.data.length === 0) return <EmptyState />;
  if (answer.error) return <ErrorNote error={answer.error} />;
  if (!ready || !answer.data) return <Loading />;
  const findings = { data: answer.data.findings };
  // no finding: the server says why (no data in the period, every stage within benchmark, too little to judge …)
  const why = answer.data.no_findings;

  const text = (x: { zh: string; en: string } | null | undefined) => (x ? x[lang === 'zh-CN' ? 'zh' : 'en'] : '');
  // the figure the server ranked by: the reporting currency's when one was asked, else the scope's own
  const stake = (f: Finding) => (f.at_stake.reporting ?? f.at_stake);
  const stakeText = (f: Finding) => {
    const s = stake(f);
    return s.amount === null ? '—' : formatNumber(s.amount, 'money', lang, s.currency ?? undefined);
  };
  const scopeValue = (f: Finding, key: string) => { const v = (f.scope as Record<string, unknown>)[key]; return typeof v === 'string' ? v : null; };
  const columns: Column<Finding>[] = [
    { id: 'severity', header: t('funnel.status'), value: (f) => t(`diagnosis.severity.${f.severity}`, { defaultValue: f.severity }),
      render: (f) => <span className={`badge ${f.severity}`}>{t(`diagnosis.severity.${f.severity}`, { defaultValue: f.severity })}</span> },
    { id: 'at_stake', header: t('diagnosis.atStake'), value: (f) => stake(f).amount, format: 'money', currency: (f) => stake(f).currency,
      render: (f) => <span data-at-stake={stake(f).amount ?? ''} title={text(stake(f).reason) || text(f.at_stake.formula)}>{stakeText(f)}</span> },
    { id: 'marketplace', header: t('data.marketplace'), value: (f) => scopeValue(f, 'marketplace') },
    { id: 'asin', header: t('funnel.asin'), value: (f) => scopeValue(f, 'asin'), asin: true },
    { id: 'stage', header: t('funnel.stage'), value: (f) => t(`funnel.stages.${f.stage}`) },
    { id: 'metric', header: t('diagnosis.metric'), value: (f) => metricName(catalog?.get(f.metric), lang, f.metric) },
    { id: 'value', header: t('diagnosis.value'), value: (f) => f.value, format: (f) => catalog?.get(f.metric)?.format ?? 'dec2' },
    { id: 'low', header: t('diagnosis.benchmarkLow'), value: (f) => f.benchmark.low, format: (f) => catalog?.get(f.metric)?.format ?? 'dec2' },
    { id: 'high', header: t('diagnosis.benchmarkHigh'), value: (f) => f.benchmark.high, format: (f) => catalog?.get(f.metric)?.format ?? 'dec2', hidden: true },
  ];

  return (
    <div className="page" data-page="diagnosis">
      <h1>{t('diagnosis.title')}</h1>
      {findings.data.length === 0 ? <p className="empty" data-no-findings={why?.reason}>{why ? why[lang === 'zh-CN' ? 'zh' : 'en'] : t('diagnosis.none')}</p> : (
        <DataTable id="findings" title={t('diagnosis.title')} rows={findings.data} columns={columns}
          rowKey={(f) => `${JSON.stringify(f.scope)}:${f.stage}`} rowAttrs={(f) => ({ 'data-severity': f.severity })} />
      )}
      {findings.data.map((f) => {
        const metric = catalog?.get(f.metric);
        return (
          <article key={`${JSON.stringify(f.scope)}:${f.stage}`} className={`card finding ${f.severity}`} data-finding={f.stage}>
            <h2>
              <span className={`badge ${f.severity}`}>{t(`diagnosis.severity.${f.severity}`, { defaultValue: f.severity })}</span>{' '}
              {Object.values(f.scope).join(' · ')} — {t(`funnel.stages.${f.stage}`)}: {metricName(metric, lang, f.metric)} {formatMetric(metric, f.value, lang)}
              <span className="muted"> ({t('diagnosis.benchmark')} {formatMetric(metric, f.benchmark.low, lang)} – {formatMetric(metric, f.benchmark.high, lang)})</span>
            </h2>
            <p className="at-stake" data-at-stake={stake(f).amount ?? ''}>
              <strong>{t('diagnosis.atStake')}: {stakeText(f)}</strong>
              {f.at_stake.reporting && f.at_stake.amount !== null && f.at_stake.currency !== f.at_stake.reporting.currency
                && <> ({formatNumber(f.at_stake.amount, 'money', lang, f.at_stake.currency ?? undefined)})</>}
              {' '}<span className="muted">{stake(f).reason ? text(stake(f).reason) : `= ${text(f.at_stake.formula)}`}</span>
            </p>
            <div className="two-columns">
              <div>
                <h3>{t('diagnosis.evidence')}</h3>
                <dl className="evidence">
                  {Object.entries(f.evidence).map(([k, v]) => {
                    // Evidence keys are catalog ids, or `trailing_<id>` / `<stem>_benchmark_low` beside them.
                    const id = k.replace(/^trailing_/, '').replace(/_benchmark_low$/, '_pct');
                    const m = catalog?.get(id);
                    const suffix = k.startsWith('trailing_') ? ` (${t('diagnosis.trailing')})` : k.endsWith('_benchmark_low') ? ` (${t('diagnosis.benchmarkLow')})` : '';
                    return [<dt key={`${k}-t`}>{m ? `${metricName(m, lang)}${suffix}` : k}</dt>,
                      <dd key={`${k}-d`}>{typeof v === 'number' ? formatNumber(v, m?.format ?? 'dec2', lang) : '—'}</dd>];
                  })}
                </dl>
              </div>
              <div>
                <h3>{t('diagnosis.actions')}</h3>
                <ul>{f.actions[lang === 'zh-CN' ? 'zh' : 'en'].map((a) => <li key={a}>{a}</li>)}</ul>
                {f.confounders.length > 0 && (
                  <>
                    <h3>{t('diagnosis.confounders')}</h3>
                    <ul>{f.confounders.map((e) => <li key={e.id}>{e.date} {e.type} {e.asin ?? ''} {(lang === 'zh-CN' && e.note_zh) || e.note || ''}</li>)}</ul>
                  </>
                )}
              </div>
            </div>
          </article>
        );
      })}
    </div>
  );
}
