import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReportComponent, reportComponents } from './registry.ts';

const componentFiles = readdirSync(new URL('../components/', import.meta.url)).filter((file) =>
  file.endsWith('.svelte'),
);

describe('report component registry', () => {
  it('has a spec for every tag drawn by a component file, and a component file for every spec', () => {
    const names = [...reportComponents.keys()].sort();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(componentFiles).toContain(`${name}.svelte`);
    // CartesianChart is the shared drawing of BarChart, LineChart and AreaChart, not a tag of its own.
    expect(componentFiles.filter((file) => !names.includes(file.replace('.svelte', '')))).toEqual([
      'CartesianChart.svelte',
    ]);
  });

  it("loads a tag's component once, sharing the fetch between the page's preload and the tag", async () => {
    const first = loadReportComponent('Alert');
    expect(loadReportComponent('Alert')).toBe(first);
    expect(typeof (await first)).toBe('function');
  });

  it('has nothing to load for a name that is not a report component', () => {
    expect(loadReportComponent('NoSuchChart')).toBeUndefined();
  });
});
