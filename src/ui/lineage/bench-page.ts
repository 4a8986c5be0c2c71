/**
 * The page `npm run bench` opens for P6: the real LineageView, mounted over a generated project, timed from
 * the graph to the first frame drawn. Not part of the app bundle.
 */
import { flushSync, mount, unmount } from 'svelte';
import { layoutLineage } from '../../core/workbench/layout-lineage.ts';
import { syntheticLineage } from '../../core/workbench/synthetic-lineage.ts';
import LineageView from './LineageView.svelte';

export interface LineageBenchRun {
  nodes: number;
  edges: number;
  /** The layered layout (layoutLineage). */
  layoutMs: number;
  /** Svelte mount of the SVG, then the browser's style and layout of it (forced). */
  drawMs: number;
  /** From the graph to the next frame after the drawing: what a user waits for. */
  totalMs: number;
}

async function run(size: number): Promise<LineageBenchRun> {
  const graph = syntheticLineage(size);
  const target = document.getElementById('app') as HTMLElement;
  const started = performance.now();
  const layout = layoutLineage(graph);
  const laidOut = performance.now();
  const view = mount(LineageView, {
    target,
    props: { layout, statusOf: () => 'ok', onOpen: () => {}, label: `Lineage of ${size} nodes` },
  });
  flushSync();
  target.querySelector('svg')?.getBoundingClientRect();
  const drawn = performance.now();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const framed = performance.now();
  const edges = target.querySelectorAll('.edges path').length;
  const nodes = target.querySelectorAll('[data-node]').length;
  await unmount(view);
  return { nodes, edges, layoutMs: laidOut - started, drawMs: drawn - laidOut, totalMs: framed - started };
}

(window as unknown as { runLineageBench: typeof run }).runLineageBench = run;
