import { useSyncExternalStore } from 'react';

/**
 * The viewer's own preferences, kept in this browser (localStorage): how timestamps read (the
 * marketplace's local time or Beijing time) and the default reporting currency ('' = each
 * marketplace's own; `auto` = CNY for a Chinese reader when the FX table can convert, else own).
 */
export type TimeMode = 'site' | 'beijing';
export interface Settings { time: TimeMode; currency: string }

const KEY = 'asterism.settings';
const defaults: Settings = { time: 'site', currency: 'auto' };
const listeners = new Set<() => void>();
let cached: Settings | null = null;

function read(): Settings {
  if (cached) return cached;
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>;
    cached = { time: saved.time === 'beijing' ? 'beijing' : 'site', currency: typeof saved.currency === 'string' ? saved.currency : defaults.currency };
  } catch {
    cached = { ...defaults };
  }
  return cached;
}

export function saveSettings(patch: Partial<Settings>): void {
  cached = { ...read(), ...patch };
  localStorage.setItem(KEY, JSON.stringify(cached));
  listeners.forEach((l) => l());
}

export function useSettings(): Settings {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, read);
}
