import * as echarts from 'echarts';
import type { Chart } from './document.ts';

/** A chart as inline SVG, rendered on the server (ECharts SSR): no script, no request, prints as drawn. */
export function chartSvg(chart: Chart): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chart.width, height: chart.height });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: 'Noto Sans CJK SC, Microsoft YaHei, PingFang SC, Helvetica, Arial, sans-serif' },
      ...chart.option,
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
