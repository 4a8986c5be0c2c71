import { describe, expect, it } from 'vitest';
import { mapPoints } from './map-points.ts';

describe('mapPoints', () => {
  it('keeps rows with usable coordinates, remembers their rows, and gives each fill one palette entry', () => {
    const rows = [
      { lat: -33.9, long: 151.2, level: 'Primary' },
      { lat: null, long: 151.2, level: 'Primary' },
      { lat: '-32.5', long: 10n, level: 'Secondary' },
      { lat: '', long: 150, level: 'Primary' },
      { lat: 'north', long: 150, level: 'Primary' },
      { lat: -30, long: 149, level: 'Primary' },
    ];
    const points = mapPoints({
      rows,
      lat: 'lat',
      long: 'long',
      fillOf: (row) => (row.level === 'Primary' ? '#00f' : '#f00'),
    });
    expect([...points.lats]).toEqual([-33.9, -32.5, -30]);
    expect([...points.lngs]).toEqual([151.2, 10, 149]);
    expect([...points.rowOf]).toEqual([0, 2, 5]);
    expect(points.palette).toEqual(['#00f', '#f00']);
    expect([...points.colourOf]).toEqual([0, 1, 0]);
  });
});
