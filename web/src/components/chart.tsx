import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';

type ECharts = typeof import('./echarts.ts');
let loading: Promise<ECharts> | null = null;
// ECharts loads on first use, from its own chunk: pages without a chart never fetch it.
const loadECharts = () => (loading ??= import('./echarts.ts'));

/** An Apache ECharts chart that follows its option and its container's width. */
export function Chart({ option, height = 320, name }: { option: EChartsOption; height?: number; name: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<ECharts['init']> | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    const resize = () => chart.current?.resize();
    void loadECharts().then((echarts) => {
      if (disposed || !ref.current) return;
      chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chart.current.setOption(latest.current);
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []); // created once; option changes are applied below
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="chart" data-chart={name} data-axes={axesOf(option)} style={{ height }} />;
}

/** Which series each value axis carries, for tests and readers of the page (the canvas itself says nothing):
 * `[{ "axis": "USD", "series": ["Sales USD"] }, …]`. Money of two currencies never shares an axis. */
function axesOf(option: EChartsOption): string {
  const axes = Array.isArray(option.yAxis) ? option.yAxis : option.yAxis ? [option.yAxis] : [];
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return JSON.stringify(axes.map((a, i) => ({
    axis: typeof a.name === 'string' ? a.name : '',
    series: series.filter((s) => ((s as { yAxisIndex?: number }).yAxisIndex ?? 0) === i).map((s) => String(s.name ?? '')),
  })));
}
