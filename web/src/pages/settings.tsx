import { useTranslation } from 'react-i18next';
import { useLang } from '../api/hooks.ts';
import { setLanguage } from '../i18n/index.ts';
import { navigate } from '../filters/location.ts';
import { saveSettings, useSettings } from '../settings/settings.ts';
import { BenchmarkSettings } from './settings-benchmarks.tsx';
import { FxSettings } from './settings-fx.tsx';
import { EventSettings, StoreSettings } from './settings-events.tsx';
import { PeriodSettings } from './settings-periods.tsx';

const currencies = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'CAD'];

/** A new default applies at once: the current link's own currency is dropped, so the pages read the default. */
function chooseCurrency(currency: string): void {
  saveSettings({ currency });
  const search = new URLSearchParams(window.location.search);
  search.delete('currency');
  navigate(window.location.pathname, search.toString(), true);
}

/** This browser's preferences (language, clock, reporting currency) and the shared tables (FX, benchmarks, special periods). */
export function SettingsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const settings = useSettings();
  return (
    <div className="page" data-page="settings">
      <h1>{t('settings.title')}</h1>
      <section className="card settings-prefs">
        <label>{t('settings.language')}
          <select name="settings-lang" value={lang} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'zh-CN')}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('settings.time')}</legend>
          <label><input type="radio" name="time" value="site" checked={settings.time === 'site'} onChange={() => saveSettings({ time: 'site' })} /> {t('settings.timeSite')}</label>
          <label><input type="radio" name="time" value="beijing" checked={settings.time === 'beijing'} onChange={() => saveSettings({ time: 'beijing' })} /> {t('settings.timeBeijing')}</label>
        </fieldset>
        <label>{t('settings.currency')}
          <select name="settings-currency" value={settings.currency} onChange={(e) => chooseCurrency(e.target.value)}>
            <option value="auto">{t('settings.currencyAuto')}</option>
            <option value="">{t('settings.currencyLocal')}</option>
            {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <span className="hint">{t('settings.currencyHint')}</span>
        </label>
      </section>
      <StoreSettings />
      <FxSettings />
      <BenchmarkSettings />
      <PeriodSettings />
      <EventSettings />
    </div>
  );
}
