import { stageNames, type FunnelRow } from '../analysis/index.ts';

/**
 * One page of a funnel answer (10,000 ASINs are not one answer to draw): rows found by a text (ASIN, parent
 * ASIN, SKU or title, any case), sorted by a chosen number, `limit` from `offset`, with how many were found.
 * Sorts: a stage's count (`exposure` … `repeat`), its rate (`click_rate` …), the detail page's `sessions`,
 * `weakest` (most stages judged low first) or `asin`. Unknown numbers sort last either way; ties keep the
 * answer's order (marketplace, then ASIN).
 */
export const funnelSorts = [...stageNames, ...stageNames.map((s) => `${s}_rate` as const), 'sessions', 'weakest', 'asin'] as const;
export type FunnelSort = (typeof funnelSorts)[number];

export interface FunnelPageRequest {
  q?: string | undefined;
  sort?: FunnelSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit: number;
  offset?: number | undefined;
}

export interface FunnelPage {
  /** rows found (before the page is cut) */
  total: number;
  offset: number;
  limit: number;
  sort: FunnelSort;
  order: 'asc' | 'desc';
  q: string | null;
}

/** what a row is sorted by: a number, or text (`asin`) */
function sortValue(row: FunnelRow, sort: FunnelSort): number | string | null {
  if (sort === 'asin') return row.key.asin ?? row.key.parent_asin ?? row.key.marketplace ?? null;
  if (sort === 'sessions') return row.detail.sessions;
  if (sort === 'weakest') return row.stages.filter((s) => s.status === 'low').length;
  const rate = sort.endsWith('_rate');
  const stage = row.stages.find((s) => s.stage === (rate ? sort.slice(0, -'_rate'.length) : sort));
  return (rate ? stage?.rate : stage?.count) ?? null;
}

/** The page; `names(row)` gives the SKUs and titles a text may also match. */
export function pageOfFunnels<R extends FunnelRow>(rows: readonly R[], request: FunnelPageRequest, names: (row: R) => readonly string[] = () => []): { rows: R[]; page: FunnelPage } {
  const q = request.q?.trim().toLowerCase() || null;
  const found = q === null ? [...rows] : rows.filter((r) => [...Object.values(r.key), ...names(r)].some((v) => typeof v === 'string' && v.toLowerCase().includes(q)));
  const sort = request.sort ?? 'order';
  // numbers largest first, text A to Z, unless asked otherwise
  const order = request.order ?? (sort === 'asin' ? 'asc' : 'desc');
  const sign = order === 'asc' ? 1 : -1;
  const keyed = found.map((row, i) => ({ row, i, v: sortValue(row, sort) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
    return c === 0 ? a.i - b.i : sign * c;
  });
  const offset = request.offset ?? 0;
  return {
    rows: keyed.slice(offset, offset + request.limit).map((k) => k.row),
    page: { total: found.length, offset, limit: request.limit, sort, order, q: request.q?.trim() || null },
  };
}
