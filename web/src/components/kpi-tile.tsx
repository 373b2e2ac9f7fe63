import type { Metric } from '../api/types.ts';
import { changeTone, formatChange, formatMetric, metricName, type Lang } from '../format/format.ts';
import type { Valued } from '../pages/kpi-data.ts';

function Spark({ values }: { values: (number | null)[] }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return <svg className="spark" />;
  const min = Math.min(...known);
  const span = Math.max(...known) - min || 1;
  const step = 100 / (values.length - 1);
  const points = values.flatMap((v, i) => (v === null ? [] : [`${(i * step).toFixed(1)},${(28 - ((v - min) / span) * 26).toFixed(1)}`]));
  return <svg className="spark" viewBox="0 0 100 30" preserveAspectRatio="none"><polyline points={points.join(' ')} /></svg>;
}

/** A KPI: its value (per currency for money), the change against the compared period coloured by the metric's direction, a spark line. */
export function KpiTile({ id, metric, current, previous, spark, lang, compared }: {
  id: string; metric: Metric | undefined; current: Valued[]; previous: Valued[] | null; spark: (number | null)[]; lang: Lang; compared: boolean;
}) {
  const rows = current.length ? current : [{ currency: '', value: null }];
  return (
    <section className="kpi" data-kpi={id}>
      <h3 title={metric?.formula}>{metricName(metric, lang, id)}</h3>
      {rows.map((v) => {
        const before = previous?.find((p) => p.currency === v.currency)?.value ?? null;
        const change = compared ? formatChange(metric, v.value, before, lang) : null;
        const tone = change ? changeTone(metric?.direction, change.delta) : 'flat';
        return (
          <div key={v.currency} className="kpi-row">
            <span className="kpi-value" data-value>{formatMetric(metric, v.value, lang, v.currency || undefined)}</span>
            {change && <span className={`kpi-change ${tone}`} data-tone={tone}>{change.text}</span>}
          </div>
        );
      })}
      <Spark values={spark} />
    </section>
  );
}
