import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { AdNode, AdSuggestion } from '../api/ads-types.ts';
import { useLang } from '../api/hooks.ts';
import { ErrorNote, Loading } from '../components/states.tsx';
import { formatNumber, type Lang } from '../format/format.ts';
import type { PageProps } from '../app.tsx';

const questions = ['negatives', 'terms', 'bids', 'budgets'] as const;
type Question = (typeof questions)[number];
const userKey = 'asterism.user';

/**
 * The ads workbench (issue 21): the hierarchy (portfolio → campaign → ad group → target → search term) per ad type and
 * attribution window as an expandable table, then the suggestions with their evidence, approve / reject with a reason,
 * and the bulk file of the approved changes. Every figure comes from the server; the page only formats.
 */
export function AdsPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const scope = ready ? { store: filters.store, marketplace: filters.marketplace, from: filters.from, to: filters.to } : null;
  const hierarchy = useQuery({ queryKey: ['ads-hierarchy', scope], enabled: Boolean(scope), queryFn: () => api.adsHierarchy(scope ?? {}) });
  const [question, setQuestion] = useState<Question>('negatives');
  if (hierarchy.error) return <ErrorNote error={hierarchy.error} />;
  if (!ready || !hierarchy.data) return <Loading />;
  return (
    <div className="page" data-page="ads">
      <h1>{t('ads.title')}</h1>
      {hierarchy.data.markets.length === 0 && <p className="empty">{t('ads.none')}</p>}
      {hierarchy.data.markets.map((m) => (
        <section key={`${m.store}-${m.marketplace}`} className="card" aria-label={`${m.store} ${m.marketplace}`}>
          <h2>{m.store} · {m.marketplace} <span className="muted">{m.from} – {m.to}</span></h2>
          <Hierarchy nodes={m.nodes} lang={lang} />
        </section>
      ))}
      <section className="card" aria-labelledby="ads-suggestions">
        <h2 id="ads-suggestions">{t('ads.suggestions')}</h2>
        <div className="chips" role="group" aria-label={t('ads.suggestions')}>
          {questions.map((q) => (
            <button key={q} type="button" aria-pressed={q === question} data-question={q} onClick={() => setQuestion(q)}>{t(`ads.questions.${q}`)}</button>
          ))}
        </div>
        {scope && <Suggestions question={question} scope={scope} lang={lang} />}
      </section>
    </div>
  );
}

const pct = (v: number | null, lang: Lang) => formatNumber(v, 'pct1', lang);
const money = (v: string | null, currency: string, lang: Lang) => formatNumber(v === null ? null : Number(v), 'money', lang, currency);

function Hierarchy({ nodes, lang }: { nodes: AdNode[]; lang: Lang }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(nodes.filter((n) => n.parent === null).map((n) => n.id)));
  const children = new Map<string | null, AdNode[]>();
  for (const n of nodes) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const shown: { node: AdNode; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of children.get(parent) ?? []) {
      shown.push({ node: n, depth });
      if (open.has(n.id)) walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  const toggle = (id: string) => setOpen((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const columns = ['spend', 'sales', 'acos', 'roas', 'cpc', 'ctr', 'cvr', 'orders', 'tacos'] as const;
  return (
    <div className="table-scroll" role="region" aria-label={t('ads.hierarchy')} tabIndex={0}>
      <table className="table" data-table="ads-hierarchy">
        <thead>
          <tr><th scope="col">{t('ads.columns.name')}</th>{columns.map((c) => <th key={c} scope="col" className="num">{t(`ads.columns.${c}`)}</th>)}</tr>
        </thead>
        <tbody>
          {shown.map(({ node: n, depth }) => {
            const hasChildren = (children.get(n.id) ?? []).length > 0;
            return (
              <tr key={n.id} data-level={n.level} data-node={n.name}>
                <th scope="row" style={{ paddingLeft: `${0.6 + depth * 1.2}rem`, fontWeight: depth === 0 ? 600 : 400 }}>
                  {hasChildren
                    ? <button type="button" className="tree-toggle" aria-expanded={open.has(n.id)} aria-label={`${t(`ads.levels.${n.level}`)} ${n.name}`} onClick={() => toggle(n.id)}>{open.has(n.id) ? '▾' : '▸'}</button>
                    : <span className="tree-leaf" aria-hidden="true">·</span>}
                  {' '}<span className="muted">{t(`ads.levels.${n.level}`)}</span> {n.name}{n.match_type ? <span className="muted"> ({n.match_type})</span> : null}
                </th>
                <td className="num">{money(n.spend, n.currency, lang)}</td>
                <td className="num">{money(n.sales, n.currency, lang)}</td>
                <td className="num">{pct(n.acos, lang)}</td>
                <td className="num">{formatNumber(n.roas, 'dec2', lang)}</td>
                <td className="num">{money(n.cpc, n.currency, lang)}</td>
                <td className="num">{pct(n.ctr, lang)}</td>
                <td className="num">{pct(n.cvr, lang)}</td>
                <td className="num">{formatNumber(n.orders, 'int', lang)}</td>
                <td className="num">{n.level === 'ad_type' ? pct(n.tacos, lang) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Suggestions({ question, scope, lang }: { question: Question; scope: { store: string; marketplace: string; from: string; to: string }; lang: Lang }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [user, setUser] = useState(() => localStorage.getItem(userKey) ?? '');
  const asked = useQuery({ queryKey: ['ads-suggestions', question, scope], queryFn: () => api.adsAsk(question, scope) });
  const download = useMutation({
    mutationFn: () => api.adsExport(scope),
    onSuccess: (file) => {
      const bytes = Uint8Array.from(atob(file.file_base64), (c) => c.charCodeAt(0));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([bytes], { type: file.content_type }));
      link.download = file.file_name;
      link.click();
      URL.revokeObjectURL(link.href);
      void client.invalidateQueries({ queryKey: ['ads-suggestions'] });
    },
  });
  if (asked.error) return <ErrorNote error={asked.error} />;
  if (!asked.data) return <Loading />;
  const zh = lang === 'zh-CN';
  return (
    <>
      <div className="filter-bar">
        <label>{t('ads.user')}
          <input name="user" value={user} onChange={(e) => { setUser(e.target.value); localStorage.setItem(userKey, e.target.value); }} />
        </label>
        <button type="button" data-action="export" disabled={download.isPending} onClick={() => download.mutate()}>{t('ads.export')}</button>
        {download.isSuccess && <span role="status">{t('ads.exported', { count: download.data.count })}</span>}
        {download.error && <ErrorNote error={download.error} />}
      </div>
      {asked.data.suggestions.length === 0 && <p className="empty">{t('ads.noSuggestions')}</p>}
      {asked.data.suggestions.length > 0 && (
        <div className="table-scroll" role="region" aria-label={`${t('ads.suggestions')} · ${t(`ads.questions.${question}`)}`} tabIndex={0}>
          <table className="table" data-table="ads-suggestions">
            <thead><tr>{['id', 'kind', 'what', 'evidence', 'change', 'decision'].map((c) => <th key={c} scope="col">{t(`ads.columns.${c}`)}</th>)}</tr></thead>
            <tbody>
              {asked.data.suggestions.map((s) => (
                <tr key={s.id} data-suggestion={s.id} data-kind={s.kind}>
                  <td>{s.id}</td>
                  <td>{t(`ads.kinds.${s.kind}`, { defaultValue: s.kind })}</td>
                  <td>{String(s.scope.search_term ?? s.scope.targeting ?? s.scope.placement ?? s.scope.campaign ?? '')}<div className="muted">{String(s.scope.campaign ?? '')}{s.scope.ad_group ? ` / ${String(s.scope.ad_group)}` : ''}</div></td>
                  <td><Evidence s={s} lang={lang} /></td>
                  <td data-change>{changeText(s, t)}</td>
                  <td><Decision s={s} user={user} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(asked.data.economics?.length ?? 0) > 0 && (
        <details>
          <summary>{t('ads.economics')}</summary>
          <div className="table-scroll" role="region" aria-label={t('ads.economics')} tabIndex={0}>
            <table className="table" data-table="ads-economics">
              <thead><tr>{['sku', 'breakEvenAcos', 'targetAcos', 'aov', 'cvr', 'breakEvenCpc', 'why'].map((c) => <th key={c} scope="col">{t(`ads.economicsColumns.${c}`)}</th>)}</tr></thead>
              <tbody>
                {asked.data.economics?.map((e) => (
                  <tr key={`${e.store}-${e.marketplace}-${e.ad_type}-${e.attribution_days}-${e.sku}`} data-sku={e.sku}>
                    <td>{e.sku} <span className="muted">{e.marketplace} · {e.ad_type}</span></td>
                    <td className="num">{pct(e.break_even_acos, lang)}</td>
                    <td className="num">{pct(e.target_acos, lang)}{e.target_source ? <span className="muted"> ({t(`ads.targetSources.${e.target_source}`)})</span> : null}</td>
                    <td className="num">{money(e.average_order_value, e.currency, lang)}</td>
                    <td className="num">{pct(e.conversion_rate, lang)}</td>
                    <td className="num" data-cell="break-even-cpc">{money(e.break_even_cpc, e.currency, lang)}</td>
                    <td>{e.reasons.map((r) => (zh ? r.zh : r.en)).join('；')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {asked.data.left_alone.length > 0 && (
        <details>
          <summary>{t('ads.leftAlone', { count: asked.data.left_alone.length })}</summary>
          <ul data-list="left-alone">
            {asked.data.left_alone.slice(0, shownLeftAlone).map((l, i) => <li key={i}>{String(l.scope.search_term ?? l.scope.targeting ?? l.scope.campaign ?? '')}: {zh ? l.reason.zh : l.reason.en}</li>)}
          </ul>
        </details>
      )}
    </>
  );
}

/** a long period leaves thousands of terms alone: the first ones are shown, the count says how many */
const shownLeftAlone = 100;

const evidenceKeys = ['clicks', 'orders', 'spend', 'sales', 'acos', 'conversion_rate', 'wasted_spend', 'target_acos', 'clicks_needed', 'avg_time_in_budget', 'missed_sales_max'] as const;

function Evidence({ s, lang }: { s: AdSuggestion; lang: Lang }) {
  const { t } = useTranslation();
  const currency = String(s.evidence.currency ?? 'USD');
  const shown = (k: string, v: string | number) => {
    if (['acos', 'conversion_rate', 'target_acos', 'avg_time_in_budget'].includes(k)) return pct(Number(v), lang);
    if (['spend', 'sales', 'wasted_spend', 'missed_sales_max'].includes(k)) return money(String(v), currency, lang);
    return formatNumber(Number(v), 'int', lang);
  };
  return (
    <dl className="evidence">
      {evidenceKeys.filter((k) => s.evidence[k] !== undefined && s.evidence[k] !== null).map((k) => (
        <div key={k} style={{ display: 'contents' }}><dt>{t(`ads.evidence.${k}`)}</dt><dd data-evidence={k}>{shown(k, s.evidence[k] as string | number)}</dd></div>
      ))}
    </dl>
  );
}

function changeText(s: AdSuggestion, t: (k: string, o?: Record<string, unknown>) => string): string {
  const c = s.change;
  const target = c.keyword_text ?? c.expression ?? (c.placement ? t(`ads.placements.${String(c.placement)}`) : null);
  const value = c.bid !== undefined ? `${t('ads.bid')} ${String(c.bid)}` : c.percentage !== undefined ? `+${String(c.percentage)}%` : c.daily_budget !== undefined ? `${t('ads.budget')} ${String(c.daily_budget)}` : '';
  return [t(`ads.operations.${String(c.operation)}`), String(c.entity), target, c.match_type, value].filter(Boolean).join(' · ');
}

function Decision({ s, user }: { s: AdSuggestion; user: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (action: 'approve' | 'reject') => api.adsDecide(action, s.id, user, reason),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ads-suggestions'] }),
  });
  if (s.status !== 'pending') {
    return <span data-status={s.status}>{t(`ads.statuses.${s.status}`)} · {s.decided_by ?? '—'} · {s.decided_at?.slice(0, 16) ?? ''}{s.note ? ` · ${s.note}` : ''}{s.exported_at ? ` · ${t('ads.exportedAt')}` : ''}</span>;
  }
  return (
    <span className="decision" data-status="pending">
      <label>{t('ads.reason')} <input name={`reason-${s.id}`} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      <button type="button" data-action="approve" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>{t('ads.approve')}</button>
      <button type="button" data-action="reject" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>{t('ads.reject')}</button>
      {decide.error && <ErrorNote error={decide.error} />}
    </span>
  );
}
