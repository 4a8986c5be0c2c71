import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Register only what we draw, so the chart bundle stays small.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, TitleComponent, AriaComponent, CanvasRenderer]);

/** Options for the `chart` action. */
export interface ChartActionOptions {
  /** The ECharts option to draw. */
  option: echarts.EChartsCoreOption;
  /** Called after each render has finished, with the chart instance. */
  onRendered?: (chart: echarts.ECharts) => void;
}

/**
 * Svelte action: draw an ECharts chart into the node, follow its size, and dispose everything on destroy
 * (as Evidence's chart action does), so navigating away leaks no chart or observer.
 */
export function chart(node: HTMLElement, options: ChartActionOptions) {
  const instance = echarts.init(node, undefined, { renderer: 'canvas' });
  let current = options;
  instance.on('finished', () => current.onRendered?.(instance));
  instance.setOption(current.option);
  const observer = new ResizeObserver(() => instance.resize());
  observer.observe(node);
  return {
    update(next: ChartActionOptions) {
      current = next;
      instance.setOption(next.option, { notMerge: true });
    },
    destroy() {
      observer.disconnect();
      instance.dispose();
    },
  };
}

/** Escape text for ECharts' HTML tooltips: data values must never be read as HTML. */
export const encodeHTML = echarts.format.encodeHTML;
