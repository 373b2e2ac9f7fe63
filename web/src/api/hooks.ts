import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './client.ts';
import type { Metric } from './types.ts';
import type { Lang } from '../format/format.ts';

/** The metric catalog by id: names, units, formats and directions for everything the pages show. */
export function useCatalog(): Map<string, Metric> | undefined {
  const { data } = useQuery({ queryKey: ['metrics'], queryFn: api.metrics, staleTime: Infinity });
  return data ? new Map(data.map((m) => [m.id, m])) : undefined;
}

export function useSources() {
  return useQuery({ queryKey: ['sources'], queryFn: api.sources });
}

export function useImports() {
  return useQuery({ queryKey: ['imports'], queryFn: api.imports });
}

/** An upload's import job, asked for every half second until it has ended (then it no longer changes). */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['import-job', id], queryFn: () => api.importJob(id ?? ''), enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.state === 'done' || q.state.data?.state === 'failed' || q.state.error ? false : 500),
    staleTime: Infinity, refetchOnWindowFocus: false, retry: false,
  });
}

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}
