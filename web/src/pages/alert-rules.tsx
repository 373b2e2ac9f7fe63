import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useLang } from '../api/hooks.ts';
import type { AlertRule, AlertRuleInput, Metric } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote } from '../components/states.tsx';

/** The scopes a rule may name: the KPI targets' shape (store … tier), a SKU and an owner, as the API takes them. */
const scopeKinds = ['store', 'marketplace', 'asin', 'parent_asin', 'sku', 'product_line', 'tier', 'owner'] as const;
type ScopeKind = (typeof scopeKinds)[number];

const blank = { metric: '', op: 'gt' as 'gt' | 'lt', value: '', change: '', scope: '' as ScopeKind | '', scopeValue: '' };

/** A new rule on any catalog metric: threshold or change (wow, mom, yoy), in one scope. */
export function AlertRuleForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const metrics = useQuery({ queryKey: ['metrics'], queryFn: api.metrics });
  const [draft, setDraft] = useState(blank);
  const add = useMutation({
    mutationFn: () => {
      const rule: AlertRuleInput = { metric: draft.metric, op: draft.op, value: draft.value };
      if (draft.change) rule.change = draft.change as AlertRuleInput['change'];
      if (draft.scope && draft.scopeValue.trim()) rule[draft.scope] = draft.scopeValue.trim();
      return api.addAlertRule(rule);
    },
    onSuccess: () => {
      setDraft(blank);
      return client.invalidateQueries({ queryKey: ['alert-rules'] });
    },
  });
  const name = (m: Metric) => (lang === 'zh-CN' ? m.name_zh : m.name_en);
  return (
    <>
      <form className="inline-form" data-rule-form="" onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
        <label>{t('alerts.metric')}
          <select name="rule-metric" value={draft.metric} required onChange={(e) => setDraft({ ...draft, metric: e.target.value })}>
            <option value="" />
            {(metrics.data ?? []).map((m) => <option key={m.id} value={m.id}>{`${name(m)} (${m.id})`}</option>)}
          </select>
        </label>
        <label>{t('alerts.op')}
          <select name="rule-op" value={draft.op} onChange={(e) => setDraft({ ...draft, op: e.target.value as 'gt' | 'lt' })}>
            <option value="gt">{t('alerts.above')}</option>
            <option value="lt">{t('alerts.below')}</option>
          </select>
        </label>
        <label>{t('alerts.value')}
          <input name="rule-value" value={draft.value} required placeholder="35%" onChange={(e) => setDraft({ ...draft, value: e.target.value })} />
        </label>
        <label>{t('alerts.change')}
          <select name="rule-change" value={draft.change} onChange={(e) => setDraft({ ...draft, change: e.target.value })}>
            <option value="">{t('alerts.noChange')}</option>
            <option value="wow">{t('filters.wow')}</option>
            <option value="mom">{t('filters.mom')}</option>
            <option value="yoy">{t('filters.yoy')}</option>
          </select>
        </label>
        <label>{t('alerts.scopeKind')}
          <select name="rule-scope" value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value as ScopeKind | '' })}>
            <option value="">{t('alerts.everywhere')}</option>
            {scopeKinds.map((k) => <option key={k} value={k}>{t(`alerts.scopes.${k}`)}</option>)}
          </select>
        </label>
        <label>{t('alerts.scopeValue')}
          <input name="rule-scope-value" value={draft.scopeValue} disabled={!draft.scope}
            placeholder={draft.scope === 'tier' ? 'new / mature / clearance' : ''} onChange={(e) => setDraft({ ...draft, scopeValue: e.target.value })} />
        </label>
        <button type="submit" disabled={add.isPending}>{t('alerts.addRule')}</button>
      </form>
      {add.error ? <ErrorNote error={add.error} /> : null}
    </>
  );
}

/** The seller's rules (the built-in detectors are on without one). */
export function AlertRules() {
  const { t } = useTranslation();
  const rules = useQuery({ queryKey: ['alert-rules'], queryFn: api.alertRules });
  const scopeText = (r: AlertRule) => scopeKinds.filter((k) => r[k]).map((k) => `${t(`alerts.scopes.${k}`)} ${r[k]}`).join(' · ');
  const columns: Column<AlertRule>[] = [
    { id: 'id', header: '#', value: (r) => r.id },
    { id: 'rule', header: t('alerts.rule'), value: (r) => r.metric ?? r.detector ?? '' },
    { id: 'condition', header: t('alerts.condition'), value: (r) => (r.op ? `${r.op === 'gt' ? '>' : '<'} ${r.value ?? ''}${r.change ? ` (${r.change})` : ''}` : r.enabled ? '' : t('alerts.off')) },
    { id: 'scope', header: t('alerts.scope'), value: scopeText },
    { id: 'channel', header: t('alerts.channel'), value: (r) => r.channel ?? '' },
  ];
  if (rules.error) return <ErrorNote error={rules.error} />;
  return (
    <DataTable id="alert-rules" title={t('alerts.rules')} rows={rules.data ?? []} columns={columns} rowKey={(r) => String(r.id)}
      rowAttrs={(r) => ({ 'data-rule': String(r.id) })} empty={<p className="empty">{t('alerts.noRules')}</p>} />
  );
}
