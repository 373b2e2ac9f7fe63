import { lineageText, type LineageFacts } from '../../../src/domain/lineage-text.ts';
import { partialBaseText, type BaseCoverage } from '../../../src/domain/partial-base.ts';
import type { Metric } from '../api/types.ts';
import { changeTone, formatServerChange, headlineFigure, metricName, type Lang } from '../format/format.ts';
import type { ChangeBasis, Valued } from '../pages/kpi-data.ts';

function Spark({ values }: { values: (number | null)[] }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return <svg className="spark" />;
  const min = Math.min(...known);
  const span = Math.max(...known) - min || 1;
  const step = 100 / (values.length - 1);
  const points = values.flatMap((v, i) => (v === null ? [] : [`${(i * step).toFixed(1)},${(28 - ((v - min) / span) * 26).toFixed(1)}`]));
  return <svg className="spark" viewBox="0 0 100 30" preserveAspectRatio="none"><polyline points={points.join(' ')} /></svg>;
}

/** A value with the server's change beside it, coloured by whether the change is good for the metric (lower ACoS is good).
 * Against a base with fewer days of data (`partial_base`), its coverage instead, uncoloured: not a change of the business. */
export function ChangeText({ metric, change, basis, lang, partial }: { metric: Metric | undefined; change: number | null; basis: ChangeBasis | undefined; lang: Lang; partial?: BaseCoverage | undefined }) {
  if (partial && change !== null) {
    const said = partialBaseText(partial)[lang === 'en' ? 'en' : 'zh'];
    return <span className="kpi-change partial" data-partial-base={`${partial.base_days}/${partial.base_period_days}`} title={said}>{said}</span>;
  }
  const tone = changeTone(metric?.direction, change);
  return <span className={`kpi-change ${tone}`} data-tone={tone} data-change={change ?? ''}>{formatServerChange(change, basis, lang)}</span>;
}

/** The figure as it fits the card ($43.1M), the exact value on hover and for a screen reader (which reads it instead). */
function HeadlineValue({ figure }: { figure: { short: string; exact: string } }) {
  const compacted = figure.short !== figure.exact;
  return (
    <span className="kpi-value" title={compacted ? figure.exact : undefined}>
      <span data-value data-exact={figure.exact} aria-hidden={compacted || undefined}>{figure.short}</span>
      {compacted && <span className="sr-only">{figure.exact}</span>}
    </span>
  );
}

/** A KPI: its value (per currency for money), the change against the compared period, a spark line. */
export function KpiTile({ id, metric, current, basis, spark, lang, compared, lineage = [] }: {
  id: string; metric: Metric | undefined; current: Valued[]; basis: ChangeBasis | undefined; spark: (number | null)[]; lang: Lang; compared: boolean;
  /** the reports behind the answer: the tile's tooltip names those this metric reads */
  lineage?: (LineageFacts & { metrics: string[] })[];
}) {
  const rows = current.length ? current : [{ currency: '', value: null, change: null }];
  const from = lineage.filter((l) => l.metrics.includes(id)).map((l) => lineageText(l)[lang === 'en' ? 'en' : 'zh']).join('\n');
  return (
    <section className="kpi" data-kpi={id} {...(from ? { title: from, 'data-lineage': from } : {})}>
      <h3 title={metric?.formula}>{metricName(metric, lang, id)}</h3>
      {rows.map((v) => (
        <div key={v.currency} className="kpi-row">
          <HeadlineValue figure={headlineFigure(v.value, metric?.format ?? 'dec2', lang, v.currency || undefined)} />
          {/* a ratio of money per currency (ACoS in USD, in EUR…) says which currency it is */}
          {rows.length > 1 && metric?.unit !== 'money' && v.currency ? <span className="muted kpi-currency">{v.currency}</span> : null}
          {compared && <ChangeText metric={metric} change={v.change} basis={basis} lang={lang} partial={v.partial} />}
        </div>
      ))}
      <Spark values={spark} />
    </section>
  );
}
