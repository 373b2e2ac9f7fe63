/**
 * The read routes the dashboard's pages ask when they open, with the scope a page writes into its URL
 * (the last four weeks of data: web/src/filters/filters.ts). One list for the dashboard and load benchmarks.
 */
export interface Route { page: string; path: string }

export function dashboardRoutes(from: string, to: string): Route[] {
  const scope = `from=${from}&to=${to}`;
  return [
    { page: 'every page', path: '/api/sources' },
    { page: 'every page', path: '/api/metrics' },
    { page: 'overview', path: `/api/query?${scope}&metric=sales&metric=units&metric=sessions&metric=unit_session_pct&compare=wow` },
    { page: 'overview', path: `/api/query?${scope}&metric=sales&metric=units&metric=sessions&by=date` },
    { page: 'overview', path: `/api/events?${scope}` },
    // the funnel page asks one page of 50 ASINs, sorted by orders (a search too); the whole answer stays for API callers
    { page: 'funnel', path: `/api/funnel?${scope}&by=asin&sort=order&order=desc&limit=50&offset=0` },
    { page: 'funnel, next page', path: `/api/funnel?${scope}&by=asin&sort=order&order=desc&limit=50&offset=50` },
    { page: 'funnel, found', path: `/api/funnel?${scope}&by=asin&q=B0&sort=exposure&order=desc&limit=50&offset=0` },
    { page: 'API, every ASIN', path: `/api/funnel?${scope}&by=asin` },
    { page: 'funnel', path: `/api/funnel?${scope}&by=marketplace` },
    { page: 'funnel, diagnosis', path: `/api/diagnose?${scope}&by=asin` },
    { page: 'products', path: '/api/products' },
    { page: 'profit', path: `/api/profit?${scope}` },
    { page: 'kpi', path: '/api/kpi/status' },
    { page: 'pricing', path: '/api/price/suggestions' },
  ];
}
