import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type ConnectInput } from '../api/client.ts';
import { useLang } from '../api/hooks.ts';

type Field = 'store' | 'marketplaces' | 'client_id' | 'client_secret' | 'refresh_token' | 'profile';
const regions = ['na', 'eu', 'fe'] as const;

/**
 * Connecting a store from the Data page (issue 18): the app's client id and secret, the refresh token, region and
 * marketplaces, sent to POST /api/connections/amazon (or /ads). The secrets are password fields, emptied once sent;
 * the server keeps them sealed and never answers them, so the page can never show them back.
 */
export function SyncConnectForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const [which, setWhich] = useState<'amazon' | 'ads'>('amazon');
  const [region, setRegion] = useState<(typeof regions)[number]>('na');
  const [values, setValues] = useState<Record<Field, string>>({ store: '', marketplaces: '', client_id: '', client_secret: '', refresh_token: '', profile: '' });
  const connect = useMutation({
    mutationFn: (input: ConnectInput) => api.connect(which, input),
    onSuccess: () => {
      setValues((v) => ({ ...v, client_secret: '', refresh_token: '' }));
      void client.invalidateQueries({ queryKey: ['connections'] });
    },
    // a refused token: the secrets are wrong or stale, so they go too
    onError: () => setValues((v) => ({ ...v, client_secret: '', refresh_token: '' })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const marketplace = values.marketplaces.split(/[\s,]+/).map((m) => m.trim().toUpperCase()).filter(Boolean);
    connect.mutate({
      store: values.store.trim(), region, marketplace, client_id: values.client_id.trim(), client_secret: values.client_secret, refresh_token: values.refresh_token,
      ...(which === 'ads' && values.profile.trim() ? { profile: values.profile.trim() } : {}),
    });
  };
  const field = (name: Field, type: 'text' | 'password' = 'text') => (
    <label key={name}>{t(`sync.connect.${name}`)}
      <input type={type} name={name} value={values[name]} autoComplete={type === 'password' ? 'new-password' : 'off'} spellCheck={false}
        required={name !== 'profile' && !(name === 'marketplaces' && which === 'ads')} onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
    </label>
  );
  const failure = connect.error instanceof ApiError && lang === 'zh-CN' && connect.error.messageZh ? connect.error.messageZh : connect.error?.message;
  return (
    <form className="sync-connect" data-sync-connect onSubmit={submit} aria-labelledby="sync-connect-title">
      <h3 id="sync-connect-title">{t('sync.connect.title')}</h3>
      <div className="upload-options">
        <label>{t('sync.connect.api')}
          <select name="api" value={which} onChange={(e) => setWhich(e.target.value === 'ads' ? 'ads' : 'amazon')}>
            <option value="amazon">{t('sync.connect.sp')}</option>
            <option value="ads">{t('sync.connect.ads')}</option>
          </select>
        </label>
        {field('store')}
        <label>{t('sync.connect.region')}
          <select name="region" value={region} onChange={(e) => setRegion(regions.find((r) => r === e.target.value) ?? 'na')}>
            {regions.map((r) => <option key={r} value={r}>{t(`sync.connect.regions.${r}`)}</option>)}
          </select>
        </label>
        {field('marketplaces')}
        {field('client_id')}
        {field('client_secret', 'password')}
        {field('refresh_token', 'password')}
        {which === 'ads' && field('profile')}
      </div>
      <p className="hint">{t('sync.connect.hint')}</p>
      <button type="submit" data-connect-submit disabled={connect.isPending}>{connect.isPending ? t('sync.connect.checking') : t('sync.connect.submit')}</button>
      {failure && <p className="error" role="alert" data-connect-error>{failure}</p>}
      {connect.data && (
        <p role="status" data-connect-result>
          {t('sync.connect.done', { store: connect.data.connection.store, marketplaces: connect.data.connection.marketplaces.join(' ') })}
        </p>
      )}
    </form>
  );
}
