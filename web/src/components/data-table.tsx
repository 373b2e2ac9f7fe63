import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../api/hooks.ts';
import { useProducts } from '../api/products.ts';
import { formatNumber } from '../format/format.ts';
import { AsinCell } from './asin-cell.tsx';
import { useColumnChoice } from './column-choice.ts';
import { downloadXlsx, type ExportCell } from './excel-export.ts';

/**
 * The one table of the dashboard: sortable columns, column choice remembered per table, Excel export
 * of exactly what is shown (visible columns, current order, numbers as numbers), ASINs with names.
 *
 *   <DataTable id="products" rows={rows} rowKey={(r) => r.asin} columns={[
 *     { id: 'asin', header: t('…'), value: (r) => r.asin, asin: true },
 *     { id: 'sales', header: metricName(m, lang), value: (r) => r.sales, format: m.format, currency: (r) => r.currency },
 *     { id: 'status', header: t('…'), value: (r) => r.status, render: (r) => <Badge … />, hidden: true },
 *   ]} />
 *
 * Column: `value` is the raw value (sorting, export, and the cell unless `render`); `format` is the
 * catalog's format (int dec1 dec2 pct1 pct2 money, or per row) and makes the column numeric; `currency` gives
 * money its code; `asin` shows the product name (the export adds a name column beside it);
 * `hidden` hides it until the user shows it. Only the first `limit` rows are drawn until "show all". The browser never computes here: values come from the API.
 */
export interface Column<R> {
  id: string;
  header: string;
  value: (row: R) => string | number | null | undefined;
  format?: string | ((row: R) => string | undefined);
  currency?: (row: R) => string | null | undefined;
  asin?: boolean;
  render?: (row: R) => ReactNode;
  hidden?: boolean;
  sortable?: boolean;
  /** a class for the cells (e.g. `error`) */
  className?: string;
}

export interface DataTableProps<R> {
  /** names the table: `data-table`, the remembered column choice and the export file */
  id: string;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string;
  rowClass?: (row: R) => string | undefined;
  rowAttrs?: (row: R) => Record<string, string>;
  onRowClick?: (row: R) => void;
  /** the sheet's name in the export (default: the id) */
  title?: string;
  empty?: ReactNode;
  initialSort?: { id: string; desc: boolean };
  /** rows drawn before "show all" (default 200): a long import log or catalog stays quick; the export has every row */
  limit?: number;
}

type Sort = { id: string; desc: boolean } | null;

const formatOf = <R,>(c: Column<R>, r: R) => (typeof c.format === 'function' ? c.format(r) : c.format);

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

function sorted<R>(rows: readonly R[], column: Column<R> | undefined, desc: boolean): readonly R[] {
  if (!column) return rows;
  const known = (v: unknown) => v !== null && v !== undefined && v !== '';
  // unknown values go last whichever way the column is sorted; money sorts within its currency
  // (¥681,360 is not more than $10,000), currencies in a fixed order
  return [...rows].sort((x, y) => {
    const a = column.value(x);
    const b = column.value(y);
    if (!known(a) || !known(b)) return Number(!known(a)) - Number(!known(b));
    const byCurrency = column.currency ? String(column.currency(x) ?? '').localeCompare(String(column.currency(y) ?? '')) : 0;
    if (byCurrency !== 0) return byCurrency;
    return desc ? compare(b, a) : compare(a, b);
  });
}

export function DataTable<R>({ id, columns, rows, rowKey, rowClass, rowAttrs, onRowClick, title, empty, initialSort, limit = 200 }: DataTableProps<R>) {
  const { t } = useTranslation();
  const lang = useLang();
  const { byAsin } = useProducts();
  const { hidden, toggle } = useColumnChoice(id, columns.filter((c) => c.hidden).map((c) => c.id));
  const [sort, setSort] = useState<Sort>(initialSort ?? null);
  const [exporting, setExporting] = useState(false);
  const [all, setAll] = useState(false);
  const shown = columns.filter((c) => !hidden.has(c.id));
  const ordered = sorted(rows, columns.find((c) => c.id === sort?.id), sort?.desc ?? false);

  const cellText = (c: Column<R>, r: R): string => {
    const v = c.value(r);
    if (v === null || v === undefined || v === '') return '—';
    const format = formatOf(c, r);
    return typeof v === 'number' && format ? formatNumber(v, format, lang, c.currency?.(r) ?? undefined) : String(v);
  };
  const exportRows = async () => {
    setExporting(true);
    try {
      const headers = shown.flatMap((c) => (c.asin ? [c.header, t('table.productName')] : [c.header]));
      const cells = ordered.map((r) => shown.flatMap((c): ExportCell[] => {
        const v = c.value(r);
        const cell: ExportCell = { value: v === undefined || v === '' ? null : v, format: formatOf(c, r), currency: c.currency?.(r) };
        return c.asin ? [cell, { value: byAsin.get(String(v))?.name ?? null }] : [cell];
      }));
      await downloadXlsx(`asterism-${id}-${new Date().toISOString().slice(0, 10)}.xlsx`, title ?? id, headers, cells);
    } finally {
      setExporting(false);
    }
  };
  const onSort = (c: Column<R>) => {
    if (c.sortable === false) return;
    setSort(sort?.id === c.id ? (sort.desc ? null : { id: c.id, desc: true }) : { id: c.id, desc: false });
  };

  return (
    <div className="data-table" data-table-wrapper={id}>
      <div className="table-tools">
        <details className="column-choice">
          <summary>{t('table.columns')}</summary>
          <div className="column-list">
            {columns.map((c) => (
              <label key={c.id}>
                <input type="checkbox" name={`column-${c.id}`} checked={!hidden.has(c.id)} onChange={() => toggle(c.id)} /> {c.header}
              </label>
            ))}
          </div>
        </details>
        <button type="button" data-export onClick={() => void exportRows()} disabled={exporting || rows.length === 0}>
          {exporting ? t('table.exporting') : t('table.export')}
        </button>
      </div>
      {rows.length === 0 ? (empty ?? <p className="empty">{t('table.empty')}</p>) : (
        // a region the keyboard can reach and scroll, named for a screen reader (WCAG 2.1.1)
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title ?? id}>
        <table className="table" data-table={id}>
          <thead>
            <tr>
              {shown.map((c) => {
                const dir = sort?.id === c.id ? (sort.desc ? 'descending' : 'ascending') : 'none';
                return (
                  <th key={c.id} data-column={c.id} className={c.format ? 'num' : undefined} aria-sort={dir}
                    onClick={() => onSort(c)} style={c.sortable === false ? undefined : { cursor: 'pointer' }}>
                    {/* a sortable header is a button, so the keyboard sorts too (its click reaches the th) */}
                    {c.sortable === false ? c.header : <button type="button" className="sort">{c.header}</button>}
                    {dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : ''}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {(all ? ordered : ordered.slice(0, limit)).map((r, i) => (
              <tr key={rowKey(r, i)} className={rowClass?.(r)} {...rowAttrs?.(r)} onClick={onRowClick ? () => onRowClick(r) : undefined}
                // a row that opens something opens with Enter too
                tabIndex={onRowClick ? 0 : undefined} onKeyDown={onRowClick ? (e) => { if (e.key === 'Enter') onRowClick(r); } : undefined}
                style={onRowClick ? { cursor: 'pointer' } : undefined}>
                {shown.map((c) => (
                  <td key={c.id} data-column={c.id} className={[c.format ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined}>
                    {c.render ? c.render(r) : c.asin ? <AsinCell asin={c.value(r) as string | null} /> : cellText(c, r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!all && ordered.length > limit && (
          <p><button type="button" data-show-all onClick={() => setAll(true)}>{t('table.showAll', { count: ordered.length })}</button></p>
        )}
        </div>
      )}
    </div>
  );
}
