import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { neutraliseCell } from '../../../src/domain/formula-cells.ts';
import { api } from '../api/client.ts';
import { useLang } from '../api/hooks.ts';
import type { RestockAnswer } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorNote, Loading } from '../components/states.tsx';
import type { PageProps } from '../app.tsx';

type Row = RestockAnswer['rows'][number] & { detail: RestockAnswer['details'][number] | undefined };
const levels = ['0.9', '0.95', '0.98', '0.99'] as const;
const modes = ['', 'sea', 'air', 'rail', 'express'] as const;

/** What to order this week and why (issue 22): the server's plan per SKU × marketplace; the table's own export is XLSX, the button CSV. */
export function RestockPage({ filters, ready }: PageProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [serviceLevel, setServiceLevel] = useState<string>('0.95');
  const [floorWeeks, setFloorWeeks] = useState('6');
  const [freight, setFreight] = useState<string>('');
  const [orderOnly, setOrderOnly] = useState(false);
  const scope = ready ? {
    store: filters.store, marketplace: filters.marketplace, service_level: serviceLevel, floor_weeks: floorWeeks || undefined,
    freight_mode: freight || undefined, order_only: orderOnly ? 'true' : undefined,
  } : null;
  const plan = useQuery({ queryKey: ['restock', scope], enabled: Boolean(scope), queryFn: () => api.restock(scope ?? {}) });
  const int = (id: string, header: string, value: (r: Row) => number | null): Column<Row> => ({ id, header, value, format: 'int' });
  const columns: Column<Row>[] = [
    { id: 'sku', header: t('restock.columns.sku'), value: (r) => r.sku },
    { id: 'marketplace', header: t('restock.columns.marketplace'), value: (r) => r.marketplace },
    { id: 'velocity', header: t('restock.columns.velocity'), value: (r) => r.velocity, format: 'dec2' },
    { id: 'forecast', header: t('restock.columns.forecast'), value: (r) => r.forecast_daily, format: 'dec2' },
    int('leadTime', t('restock.columns.leadTime'), (r) => r.lead_time_days),
    int('safety', t('restock.columns.safety'), (r) => r.safety_stock),
    int('reorderPoint', t('restock.columns.reorderPoint'), (r) => r.reorder_point),
    int('available', t('restock.columns.available'), (r) => r.available),
    int('inbound', t('restock.columns.inbound'), (r) => r.inbound),
    int('onOrder', t('restock.columns.onOrder'), (r) => r.on_order),
    int('order', t('restock.columns.order'), (r) => r.order_quantity),
    { id: 'orderBy', header: t('restock.columns.orderBy'), value: (r) => r.order_by },
    { id: 'reason', header: t('restock.columns.reason'), value: (r) => (lang === 'zh-CN' ? r.reason.zh : r.reason.en) },
    { id: 'supplier', header: t('restock.columns.supplier'), value: (r) => [r.detail?.supplier, r.detail?.freight_mode ? t(`restock.modes.${r.detail.freight_mode}`) : null].filter(Boolean).join(' · ') || null, hidden: true },
    { id: 'method', header: t('restock.columns.method'), value: (r) => (r.detail ? t(`restock.methods.${r.detail.forecast_method}`) : null), hidden: true },
    { id: 'error', header: t('restock.columns.error'), value: (r) => r.detail?.forecast_error ?? null, format: 'pct1', hidden: true },
    int('stockouts', t('restock.columns.stockouts'), (r) => r.detail?.stockout_days ?? null),
  ];

  if (plan.error) return <ErrorNote error={plan.error} />;
  if (!ready || !plan.data) return <Loading />;
  const rows: Row[] = plan.data.rows.map((r, i) => ({ ...r, detail: plan.data.details[i] }));
  return (
    <div className="page" data-page="restock">
      <h1>{t('restock.title')}</h1>
      {plan.data.as_of && <p className="muted">{t('restock.asOf', { date: plan.data.as_of })}</p>}
      <div className="filter-bar">
        <label>{t('restock.serviceLevel')}
          <select name="service_level" value={serviceLevel} onChange={(e) => setServiceLevel(e.target.value)}>
            {levels.map((l) => <option key={l} value={l}>{`${Number(l) * 100}%`}</option>)}
          </select>
        </label>
        <label>{t('restock.floorWeeks')}
          <input name="floor_weeks" type="number" min="0" max="52" step="1" value={floorWeeks} onChange={(e) => setFloorWeeks(e.target.value)} />
        </label>
        <label>{t('restock.freight')}
          <select name="freight_mode" value={freight} onChange={(e) => setFreight(e.target.value)}>
            {modes.map((m) => <option key={m} value={m}>{m ? t(`restock.modes.${m}`) : t('restock.freightDefault')}</option>)}
          </select>
        </label>
        <label><input name="order_only" type="checkbox" checked={orderOnly} onChange={(e) => setOrderOnly(e.target.checked)} /> {t('restock.orderOnly')}</label>
        <button type="button" onClick={() => downloadCsv(columns.filter((c) => !c.hidden), rows)}>{t('restock.csv')}</button>
      </div>
      {rows.length === 0 && <p className="empty">{t('restock.none')}<code>npx asterism template lead_times --lang zh --out lead-times.csv</code></p>}
      {rows.length > 0 && (
        <DataTable id="restock" title={t('restock.title')} rows={rows} columns={columns} rowKey={(r) => `${r.detail?.store ?? ''}|${r.marketplace}|${r.sku}`}
          rowAttrs={(r) => ({ 'data-sku': r.sku, 'data-reason': r.reason.code })} />
      )}
    </div>
  );
}

/** The shown columns as CSV for purchasing (UTF-8 with a BOM for Excel); a cell Excel would run as a formula stays text. */
function downloadCsv(columns: Column<Row>[], rows: readonly Row[]): void {
  const cell = (v: unknown) => {
    const text = String(neutraliseCell(v === null || v === undefined ? '' : v));
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => cell(c.header)), ...rows.map((r) => columns.map((c) => cell(c.value(r))))].map((l) => l.join(','));
  const url = URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'restock.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
