/// <reference types="vite/client" />
// The Node tsconfig type-checks this file too (through its test): it needs `import.meta.glob`'s types.
import type { Component } from 'svelte';
import { componentRegistry, type ComponentSpec } from '../../core/report/component-spec.ts';
import type { ReportDocument } from '../../core/report/parse-report.ts';

/** A report component's Svelte code, as its chunk's `default` export. */
export type ReportComponentView = Component<Record<string, unknown>>;

// A report component is two files in ui/components: `<Name>.svelte` draws it, and `<name>-spec.ts` exports
// its `spec`. The specs (what reports are parsed and checked against) are small and load with the page;
// the Svelte code (charts, tables, the map) is a chunk of its own, fetched when a page shows the tag, so
// the first download does not carry every component (P5).
const specs = import.meta.glob<ComponentSpec>('../components/*-spec.ts', { eager: true, import: 'spec' });
const views = import.meta.glob<ReportComponentView>('../components/*.svelte', { import: 'default' });

/** The specs reports are parsed against, by tag name. */
export const reportComponents = componentRegistry(Object.values(specs));

const loaders = new Map(
  [...reportComponents.keys()].map((name) => {
    const load = views[`../components/${name}.svelte`];
    if (!load) throw new Error(`The report component ${name} has a spec but no ui/components/${name}.svelte`);
    return [name, load];
  }),
);
const loading = new Map<string, Promise<ReportComponentView>>();

/**
 * The Svelte component that draws a tag, fetching its chunk on first use. The promise is shared, so a page
 * that preloads its tags and the tags themselves wait on the same fetch; a failed fetch is forgotten, so
 * asking again (Try again) fetches again. Undefined for a name that is not a report component.
 */
export function loadReportComponent(name: string): Promise<ReportComponentView> | undefined {
  const load = loaders.get(name);
  if (!load) return undefined;
  let view = loading.get(name);
  if (!view) {
    view = load();
    loading.set(name, view);
    view.catch(() => {
      if (loading.get(name) === view) loading.delete(name);
    });
  }
  return view;
}

/**
 * Start fetching the components a report's tags need, all at once: the page's view calls it as it starts its
 * queries, so the chunks arrive while its results are fetched, not after (no waterfall before P1).
 * Resolves when every one has arrived or failed (a failure is shown by the tag itself).
 */
export async function preloadReportComponents(report: ReportDocument): Promise<void> {
  const names = new Set(report.blocks.flatMap((block) => (block.kind === 'component' ? [block.name] : [])));
  await Promise.allSettled([...names].map((name) => loadReportComponent(name)));
}
