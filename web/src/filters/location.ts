import { useSyncExternalStore } from 'react';

/** The address bar as state: the page is the path, the filters are the query string. No router needed for a handful of pages. */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): { path: string; search: string } {
  const path = useSyncExternalStore(subscribe, () => window.location.pathname);
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return { path, search };
}

export function navigate(path: string, search: string, replace = false): void {
  const target = `${path}${search ? `?${search.replace(/^\?/, '')}` : ''}`;
  if (target === `${window.location.pathname}${window.location.search}`) return;
  if (replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  notify();
}
