/**
 * A map's rows as flat arrays a canvas draws from: coordinates, a palette index per point, and which row each
 * point came from. Rows without usable coordinates are left out (and counted). Pure.
 */

/** The drawable points of a result. */
export interface MapPoints {
  /** Latitude per point. */
  lats: Float64Array;
  /** Longitude per point. */
  lngs: Float64Array;
  /** The row each point came from (an index into the rows given). */
  rowOf: Uint32Array;
  /** Index into `palette` per point. */
  colourOf: Uint16Array;
  /** The fill colours used, each once, in order of first use. */
  palette: string[];
}

/** Turn rows into points; `fillOf` gives a row's fill colour. */
export function mapPoints(options: {
  rows: readonly Record<string, unknown>[];
  lat: string;
  long: string;
  fillOf: (row: Record<string, unknown>) => string;
}): MapPoints {
  const { rows, lat, long, fillOf } = options;
  const lats = new Float64Array(rows.length);
  const lngs = new Float64Array(rows.length);
  const rowOf = new Uint32Array(rows.length);
  const colourOf = new Uint16Array(rows.length);
  const paletteIndex = new Map<string, number>();
  let count = 0;
  rows.forEach((row, index) => {
    const latitude = coordinate(row[lat]);
    const longitude = coordinate(row[long]);
    if (latitude === undefined || longitude === undefined) return;
    const fill = fillOf(row);
    let colour = paletteIndex.get(fill);
    if (colour === undefined) paletteIndex.set(fill, (colour = paletteIndex.size));
    lats[count] = latitude;
    lngs[count] = longitude;
    rowOf[count] = index;
    colourOf[count] = colour;
    count++;
  });
  return {
    lats: lats.slice(0, count),
    lngs: lngs.slice(0, count),
    rowOf: rowOf.slice(0, count),
    colourOf: colourOf.slice(0, count),
    palette: [...paletteIndex.keys()],
  };
}

/** A finite number from a cell (numbers, numeric text, bigints); undefined for null, blanks and the rest. */
function coordinate(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
