import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from '../theme.svelte.ts';

// Register only what we draw, so the chart bundle stays small. Area charts are line series with an area
// style and histograms are bar series, so these cover every chart component.
echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  TitleComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
]);

/** Options for the `chart` action. */
export interface ChartActionOptions {
  /** The ECharts option to draw. */
  option: echarts.EChartsCoreOption;
  /** Called after each render has finished, with the chart instance. */
  onRendered?: (chart: echarts.ECharts) => void;
}

/** The page's theme as ECharts names it; the chart's own background stays transparent (the page's shows). */
const themeName = () => (theme.dark ? 'dark' : 'default');
const withBackground = (option: echarts.EChartsCoreOption) => ({ backgroundColor: 'transparent', ...option });

/**
 * Svelte action: draw an ECharts chart into the node, follow its size and the light/dark theme, and dispose
 * everything on destroy (as Evidence's chart action does), so navigating away leaks no chart or observer.
 */
export function chart(node: HTMLElement, options: ChartActionOptions) {
  let drawnTheme = themeName();
  const instance = echarts.init(node, drawnTheme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
  node.dataset.chartTheme = drawnTheme;
  let current = options;
  instance.on('finished', () => current.onRendered?.(instance));
  instance.setOption(withBackground(current.option));
  const observer = new ResizeObserver(() => instance.resize());
  observer.observe(node);
  const stopFollowingTheme = $effect.root(() => {
    $effect(() => {
      const next = themeName();
      if (next === drawnTheme) return;
      drawnTheme = next;
      // An empty theme is ECharts' own (light) one; a name it does not know would keep the old theme.
      instance.setTheme(next === 'dark' ? 'dark' : {});
      node.dataset.chartTheme = next;
    });
  });
  return {
    update(next: ChartActionOptions) {
      current = next;
      instance.setOption(withBackground(next.option), { notMerge: true });
    },
    destroy() {
      stopFollowingTheme();
      observer.disconnect();
      instance.dispose();
    },
  };
}

/** Escape text for ECharts' HTML tooltips: data values must never be read as HTML. */
export const encodeHTML = echarts.format.encodeHTML;
