import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Product } from './types.ts';

/** What the dashboard shows beside an ASIN: the product's name and, when one is known, its image. */
export interface ProductLabel { name: string | null; image: string | null }

/**
 * The products (products file, else the All Listings report) once per session (names change rarely),
 * as a map by ASIN. An ASIN sold under several SKUs or stores takes the first name and the first image given.
 */
export function useProducts(): { list: Product[] | undefined; byAsin: Map<string, ProductLabel> } {
  const { data } = useQuery({ queryKey: ['products'], queryFn: api.products, staleTime: 10 * 60_000 });
  const byAsin = useMemo(() => {
    const map = new Map<string, ProductLabel>();
    for (const p of data ?? []) {
      if (!p.asin) continue;
      const known = map.get(p.asin);
      map.set(p.asin, { name: known?.name ?? p.name, image: known?.image ?? p.image });
    }
    return map;
  }, [data]);
  return { list: data, byAsin };
}
