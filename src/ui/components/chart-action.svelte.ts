import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { theme } from '../theme.svelte.ts';

/** Options for the `chart` action. */
export interface ChartActionOptions {
  /** The ECharts option to draw. */
  option: EChartsCoreOption;
  /** Called after each render has finished, with the chart instance. */
  onRendered?: (chart: ECharts) => void;
}

/** The page's theme as ECharts names it; the chart's own background stays transparent (the page's shows). */
const themeName = () => (theme.dark ? 'dark' : 'default');
const withBackground = (option: EChartsCoreOption) => ({ backgroundColor: 'transparent', ...option });

/**
 * Svelte action: draw an ECharts chart into the node, follow its size and the light/dark theme, and dispose
 * everything on destroy (as Evidence's chart action does), so navigating away leaks no chart or observer.
 * ECharts itself is loaded on the first chart drawn, so it is not part of the page's first download.
 */
export function chart(node: HTMLElement, options: ChartActionOptions) {
  let current = options;
  let instance: ECharts | undefined;
  let destroyed = false;
  let observer: ResizeObserver | undefined;
  let stopFollowingTheme: (() => void) | undefined;
  void import('./echarts-setup.ts').then(({ echarts }) => {
    if (destroyed) return;
    let drawnTheme = themeName();
    const drawn = echarts.init(node, drawnTheme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    instance = drawn;
    node.dataset.chartTheme = drawnTheme;
    drawn.on('finished', () => current.onRendered?.(drawn));
    drawn.setOption(withBackground(current.option));
    observer = new ResizeObserver(() => drawn.resize());
    observer.observe(node);
    stopFollowingTheme = $effect.root(() => {
      $effect(() => {
        const next = themeName();
        if (next === drawnTheme) return;
        drawnTheme = next;
        // An empty theme is ECharts' own (light) one; a name it does not know would keep the old theme.
        drawn.setTheme(next === 'dark' ? 'dark' : {});
        node.dataset.chartTheme = next;
      });
    });
  });
  return {
    update(next: ChartActionOptions) {
      current = next;
      instance?.setOption(withBackground(next.option), { notMerge: true });
    },
    destroy() {
      destroyed = true;
      stopFollowingTheme?.();
      observer?.disconnect();
      instance?.dispose();
    },
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for ECharts' HTML tooltips: data values must never be read as HTML. */
export function encodeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}
