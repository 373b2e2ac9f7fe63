import { useTranslation } from 'react-i18next';
import { useSources } from '../api/hooks.ts';
import type { Filters } from './filters.ts';

const currencies = ['USD', 'CNY', 'EUR', 'GBP', 'JPY', 'CAD'];

/** Store, marketplace, dates, comparison and currency: every page reads them from the URL. */
export function FilterBar({ filters, setFilters }: { filters: Filters; setFilters: (patch: Partial<Filters>) => void }) {
  const { t } = useTranslation();
  const sources = useSources().data ?? [];
  const stores = [...new Set(sources.map((s) => s.store))].sort();
  const marketplaces = [...new Set(sources.filter((s) => !filters.store || s.store === filters.store).flatMap((s) => (s.marketplace ? [s.marketplace] : [])))].sort();

  return (
    <form className="filter-bar" onSubmit={(e) => e.preventDefault()}>
      <label>{t('filters.store')}
        <select name="store" value={filters.store} onChange={(e) => setFilters({ store: e.target.value, marketplace: '' })}>
          <option value="">{t('filters.all')}</option>
          {stores.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label>{t('filters.marketplace')}
        <select name="marketplace" value={filters.marketplace} onChange={(e) => setFilters({ marketplace: e.target.value })}>
          <option value="">{t('filters.all')}</option>
          {marketplaces.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label>{t('filters.from')}
        <input name="from" type="date" value={filters.from} onChange={(e) => e.target.value && setFilters({ from: e.target.value })} />
      </label>
      <label>{t('filters.to')}
        <input name="to" type="date" value={filters.to} onChange={(e) => e.target.value && setFilters({ to: e.target.value })} />
      </label>
      <label>{t('filters.compare')}
        <select name="compare" value={filters.compare} onChange={(e) => setFilters({ compare: e.target.value as Filters['compare'] })}>
          <option value="wow">{t('filters.wow')}</option>
          <option value="mom">{t('filters.mom')}</option>
          <option value="yoy">{t('filters.yoy')}</option>
          <option value="previous">{t('filters.previous')}</option>
          <option value="">{t('filters.none')}</option>
        </select>
      </label>
      <label>{t('filters.currency')}
        <select name="currency" value={filters.currency} onChange={(e) => setFilters({ currency: e.target.value })}>
          <option value="">{t('filters.original')}</option>
          {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      {filters.asin && (
        <label>ASIN
          <span className="asin-filter">
            <code>{filters.asin}</code>
            <button type="button" name="clear-asin" onClick={() => setFilters({ asin: '' })} aria-label={t('filters.clear')}>×</button>
          </span>
        </label>
      )}
    </form>
  );
}
