import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { addDays } from '../../../src/domain/calendar.ts';
import { comparedPeriod, type CompareTo } from '../../../src/domain/compared-period.ts';
import { api, type Scope } from '../api/client.ts';
import type { Source } from '../api/types.ts';
import { navigate, useLocation } from './location.ts';
import { useDefaultCurrency } from './default-currency.ts';

/** The global filters, kept in the URL so a view can be bookmarked and shared. */
export interface Filters {
  store: string;
  marketplace: string;
  from: string;
  to: string;
  compare: CompareTo | '';
  currency: string;
  /** one ASIN (the Products page links to its funnel) */
  asin: string;
}

const keys = ['store', 'marketplace', 'from', 'to', 'compare', 'currency', 'asin'] as const;
const LOCAL = 'local';
const comparisons = new Set(['wow', 'mom', 'yoy', 'previous']);

/** `defaultCurrency` applies when the link names none ('' = each marketplace's own; `currency=local` says so explicitly). */
export function readFilters(search: string, defaultCurrency = ''): Filters {
  const p = new URLSearchParams(search);
  const currency = p.get('currency');
  const raw = p.get('compare') ?? 'wow';
  const compare = raw === 'none' ? '' : comparisons.has(raw) ? raw : 'wow';
  return {
    store: p.get('store') ?? '', marketplace: p.get('marketplace') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '',
    compare: (comparisons.has(compare) ? compare : 'wow') as Filters['compare'],
    currency: currency === LOCAL ? '' : (currency ?? defaultCurrency).toUpperCase(), asin: p.get('asin') ?? '',
  };
}

function writeFilters(f: Filters): string {
  const p = new URLSearchParams();
  for (const k of keys) {
    if (k === 'compare') p.set(k, f[k] === '' ? 'none' : f[k]);
    else if (k === 'currency') p.set(k, f[k] === '' ? LOCAL : f[k]);
    else if (f[k] !== '') p.set(k, f[k]);
  }
  return p.toString();
}

/** Sources with dates (master data has none or its own), the last day any report covers. */
export function lastDataDay(sources: Source[]): string | null {
  const days = sources.filter((s) => !s.type.startsWith('master_') && s.to).map((s) => s.to as string);
  return days.length ? days.reduce((a, b) => (a > b ? a : b)) : null;
}

export function useFilters(): { filters: Filters; setFilters: (patch: Partial<Filters>) => void; ready: boolean } {
  const { path, search } = useLocation();
  const fallback = useDefaultCurrency();
  const filters = readFilters(search, fallback ?? '');
  const sources = useQuery({ queryKey: ['sources'], queryFn: api.sources });
  const last = sources.data ? lastDataDay(sources.data) : null;

  // Without dates in the URL: the last four weeks of data, written into the URL so what is shown is what is linked.
  useEffect(() => {
    if ((!filters.from || !filters.to) && last && fallback !== null) navigate(path, writeFilters({ ...filters, from: addDays(last, -27), to: last }), true);
  });
  const setFilters = (patch: Partial<Filters>) => navigate(path, writeFilters({ ...filters, ...patch }));
  return { filters, setFilters, ready: Boolean(filters.from && filters.to) && fallback !== null };
}

export function scopeOf(f: Filters): Scope {
  return { from: f.from, to: f.to, ...(f.store ? { store: f.store } : {}), ...(f.marketplace ? { marketplace: f.marketplace } : {}), ...(f.asin ? { asin: f.asin } : {}) };
}

export function comparedScope(f: Filters): Scope | null {
  const compare = effectiveCompare(f);
  if (!compare || !f.from || !f.to || f.from > f.to) return null;
  return { ...scopeOf(f), ...comparedPeriod(f.from, f.to, compare) };
}

/**
 * The comparison the pages ask for: the one chosen, unless its window would overlap the range (week over
 * week over 4 weeks shares 3 of them), then the previous period of equal length, labelled so (issue 15.9).
 */
export function effectiveCompare(f: Pick<Filters, 'compare' | 'from' | 'to'>): Filters['compare'] {
  if (!f.compare || f.compare === 'previous' || !f.from || !f.to || f.from > f.to) return f.compare;
  return comparedPeriod(f.from, f.to, f.compare).to >= f.from ? 'previous' : f.compare;
}
