/**
 * The page `npm run bench` opens for P6's map: the real PointMap with N generated points over NSW, timed from
 * mounting to the frame after every marker was drawn. Leaflet is loaded before the clock starts (the app loads
 * it with the first map). Not part of the app bundle.
 */
import { flushSync, mount, unmount } from 'svelte';
import PointMap from './PointMap.svelte';

/** One timed drawing of the map. */
export interface MapBenchRun {
  /** Markers the map drew. */
  points: number;
  /** From mounting to the next frame after the last marker. */
  totalMs: number;
}

async function run(size: number): Promise<MapBenchRun> {
  await import('./leaflet-setup.ts');
  const rows = Array.from({ length: size }, (_, index) => ({
    latitude: -37 + ((index * 7919) % 8800) / 1000,
    longitude: 141.5 + ((index * 104729) % 12100) / 1000,
    name: `School ${index}`,
  }));
  const target = document.getElementById('app') as HTMLElement;
  target.style.width = '800px';
  const started = performance.now();
  const view = mount(PointMap, {
    target,
    props: {
      data: { columns: [], rows },
      lat: 'latitude',
      long: 'longitude',
      pointName: 'name',
    },
  });
  flushSync();
  const map = target.querySelector('[data-marker-count]');
  while (Number(map?.getAttribute('data-marker-count')) < size) await new Promise((done) => setTimeout(done, 1));
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const totalMs = performance.now() - started;
  const points = Number(map?.getAttribute('data-marker-count'));
  await unmount(view);
  return { points, totalMs };
}

(window as unknown as { runMapBench: typeof run }).runMapBench = run;
