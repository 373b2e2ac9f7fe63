import { useState } from 'react';

const key = (table: string) => `asterism.table.${table}.hidden`;

/**
 * Which columns of a table the user has hidden, remembered per table in this browser. Stored as the
 * hidden ids (with the ones shown on purpose), so a column added later shows up until hidden.
 */
export function useColumnChoice(table: string, hiddenByDefault: string[]): { hidden: Set<string>; toggle: (id: string) => void } {
  const [choice, setChoice] = useState<{ hidden: string[]; shown: string[] }>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(key(table)) ?? 'null') as { hidden?: unknown; shown?: unknown } | null;
      const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      return { hidden: list(saved?.hidden), shown: list(saved?.shown) };
    } catch {
      return { hidden: [], shown: [] };
    }
  });
  const hidden = new Set([...choice.hidden, ...hiddenByDefault.filter((id) => !choice.shown.includes(id))]);
  const toggle = (id: string) => {
    const hide = !hidden.has(id);
    const next = {
      hidden: hide ? [...choice.hidden.filter((h) => h !== id), id] : choice.hidden.filter((h) => h !== id),
      shown: hide ? choice.shown.filter((s) => s !== id) : [...choice.shown.filter((s) => s !== id), id],
    };
    localStorage.setItem(key(table), JSON.stringify(next));
    setChoice(next);
  };
  return { hidden, toggle };
}
