import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { addDays } from '../../../src/domain/calendar.ts';
import { previousPeriod, type Comparison } from '../../../src/analysis/periods.ts';
import { api, type Scope } from '../api/client.ts';
import type { Source } from '../api/types.ts';
import { navigate, useLocation } from './location.ts';

/** The global filters, kept in the URL so a view can be bookmarked and shared. */
export interface Filters {
  store: string;
  marketplace: string;
  from: string;
  to: string;
  compare: Comparison | '';
  currency: string;
}

const keys = ['store', 'marketplace', 'from', 'to', 'compare', 'currency'] as const;
const comparisons = new Set(['wow', 'mom', 'yoy']);

export function readFilters(search: string): Filters {
  const p = new URLSearchParams(search);
  const raw = p.get('compare') ?? 'wow';
  const compare = raw === 'none' ? '' : comparisons.has(raw) ? raw : 'wow';
  return {
    store: p.get('store') ?? '', marketplace: p.get('marketplace') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '',
    compare: (comparisons.has(compare) ? compare : 'wow') as Filters['compare'], currency: p.get('currency') ?? '',
  };
}

function writeFilters(f: Filters): string {
  const p = new URLSearchParams();
  for (const k of keys) if (f[k] !== '' || k === 'compare') p.set(k, f[k] === '' ? 'none' : f[k]);
  return p.toString();
}

/** Sources with dates (master data has none or its own), the last day any report covers. */
export function lastDataDay(sources: Source[]): string | null {
  const days = sources.filter((s) => !s.type.startsWith('master_') && s.to).map((s) => s.to as string);
  return days.length ? days.reduce((a, b) => (a > b ? a : b)) : null;
}

export function useFilters(): { filters: Filters; setFilters: (patch: Partial<Filters>) => void; ready: boolean } {
  const { path, search } = useLocation();
  const filters = readFilters(search);
  const sources = useQuery({ queryKey: ['sources'], queryFn: api.sources });
  const last = sources.data ? lastDataDay(sources.data) : null;

  // Without dates in the URL: the last four weeks of data, written into the URL so what is shown is what is linked.
  useEffect(() => {
    if ((!filters.from || !filters.to) && last) navigate(path, writeFilters({ ...filters, from: addDays(last, -27), to: last }), true);
  });
  const setFilters = (patch: Partial<Filters>) => navigate(path, writeFilters({ ...filters, ...patch }));
  return { filters, setFilters, ready: Boolean(filters.from && filters.to) };
}

export function scopeOf(f: Filters): Scope {
  return { from: f.from, to: f.to, ...(f.store ? { store: f.store } : {}), ...(f.marketplace ? { marketplace: f.marketplace } : {}) };
}

export function comparedScope(f: Filters): Scope | null {
  if (!f.compare || !f.from || !f.to || f.from > f.to) return null;
  return { ...scopeOf(f), ...previousPeriod(f.from, f.to, f.compare) };
}
