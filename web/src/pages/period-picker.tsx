import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';

/** A KPI period as the API spells it: `2026-09`, `2026-W38` (ISO week), `2026-Q3`, or a special period's name. */
export type PeriodKind = 'month' | 'week' | 'quarter' | 'special';

export function kindOf(period: string): PeriodKind {
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}-W\d{2}$/.test(period)) return 'week';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  return 'special';
}

/** The first period of a kind around a day (the last day with data), when the user switches kind. */
function periodOf(kind: PeriodKind, day: string, specials: string[]): string {
  const [y = '2026', m = '01'] = day.split('-');
  if (kind === 'month') return `${y}-${m}`;
  if (kind === 'quarter') return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
  if (kind === 'special') return specials[0] ?? '';
  // ISO week: the Thursday of the day's week decides the year
  const d = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function PeriodPicker({ period, onChange, day }: { period: string; onChange: (p: string) => void; day: string }) {
  const { t } = useTranslation();
  const specials = useQuery({ queryKey: ['kpi-periods'], queryFn: api.kpiPeriods });
  const names = (specials.data ?? []).map((p) => p.name);
  const kind = kindOf(period);
  const [year = '', q = 'Q1'] = period.split('-');
  return (
    <div className="filter-bar" data-period-picker>
      <label>{t('kpi.period')}
        <select name="period-kind" value={kind} onChange={(e) => onChange(periodOf(e.target.value as PeriodKind, day, names))}>
          <option value="month">{t('kpi.month')}</option>
          <option value="week">{t('kpi.week')}</option>
          <option value="quarter">{t('kpi.quarter')}</option>
          {names.length > 0 && <option value="special">{t('kpi.special')}</option>}
        </select>
      </label>
      <label>&nbsp;
        {kind === 'month' && <input name="period" type="month" aria-label={t('kpi.period')} value={period} onChange={(e) => e.target.value && onChange(e.target.value)} />}
        {kind === 'week' && <input name="period" type="week" aria-label={t('kpi.period')} value={period} onChange={(e) => e.target.value && onChange(e.target.value)} />}
        {kind === 'quarter' && (
          <span>
            <input name="period-year" type="number" aria-label={t('kpi.period')} min={2000} max={2100} value={year} onChange={(e) => onChange(`${e.target.value}-${q}`)} style={{ width: '5em' }} />
            <select name="period-quarter" aria-label={t('kpi.quarter')} value={q} onChange={(e) => onChange(`${year}-${e.target.value}`)}>
              {['Q1', 'Q2', 'Q3', 'Q4'].map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
          </span>
        )}
        {kind === 'special' && (
          <select name="period" aria-label={t('kpi.special')} value={period} onChange={(e) => onChange(e.target.value)}>
            {(specials.data ?? []).map((p) => <option key={p.name} value={p.name}>{p.name} ({p.from} – {p.to})</option>)}
          </select>
        )}
      </label>
    </div>
  );
}

export { periodOf };
