/**
 * A uniform grid over points in screen pixels, for finding the point under the pointer among tens of
 * thousands without testing each one (what Leaflet's canvas renderer does per marker on every mouse move).
 * Built once per drawing in one pass over the points (counting sort into cells), queried in a few cells.
 * Pure: no DOM, so unit tests exercise it directly.
 */

/** Points by cell: the indexes of the points in cell `c` are `order[start[c] .. start[c + 1])`. */
export interface PointGrid {
  /** The points' x, by index (pixels). */
  readonly xs: Float64Array;
  /** The points' y, by index (pixels). */
  readonly ys: Float64Array;
  /** Cell side, in pixels. */
  readonly cellSize: number;
  /** Cells across and down. */
  readonly columns: number;
  /** Cells down. */
  readonly rows: number;
  /** Where each cell's run of point indexes starts in `order` (one more entry than cells). */
  readonly start: Uint32Array;
  /** Point indexes grouped by cell. */
  readonly order: Uint32Array;
}

/**
 * Index points lying in a `width` × `height` pixel area (points outside it are left out: they are not on
 * screen). `include[i] === 0` leaves point i out too (a row without coordinates).
 */
export function buildPointGrid(options: {
  xs: Float64Array;
  ys: Float64Array;
  width: number;
  height: number;
  cellSize?: number;
  include?: Uint8Array;
}): PointGrid {
  const { xs, ys, width, height, include } = options;
  const cellSize = options.cellSize ?? 16;
  const columns = Math.max(1, Math.ceil(width / cellSize));
  const rows = Math.max(1, Math.ceil(height / cellSize));
  const cellOf = new Int32Array(xs.length);
  const start = new Uint32Array(columns * rows + 1);
  for (let index = 0; index < xs.length; index++) {
    const x = xs[index]!;
    const y = ys[index]!;
    const onScreen = x >= 0 && y >= 0 && x < width && y < height && (!include || include[index] !== 0);
    const cell = onScreen ? Math.floor(y / cellSize) * columns + Math.floor(x / cellSize) : -1;
    cellOf[index] = cell;
    if (cell >= 0) start[cell + 1]!++;
  }
  for (let cell = 0; cell < columns * rows; cell++) start[cell + 1]! += start[cell]!;
  const order = new Uint32Array(start[columns * rows]!);
  const next = start.slice(0, columns * rows);
  for (let index = 0; index < xs.length; index++) {
    const cell = cellOf[index]!;
    if (cell >= 0) order[next[cell]!++] = index;
  }
  return { xs, ys, cellSize, columns, rows, start, order };
}

/**
 * The index of the point nearest (x, y) within `radius` pixels, or -1. Of points at the same distance the
 * later one wins: it is drawn on top.
 */
export function nearestPoint(grid: PointGrid, x: number, y: number, radius: number): number {
  const { cellSize, columns, rows, start, order, xs, ys } = grid;
  const firstColumn = Math.max(0, Math.floor((x - radius) / cellSize));
  const lastColumn = Math.min(columns - 1, Math.floor((x + radius) / cellSize));
  const firstRow = Math.max(0, Math.floor((y - radius) / cellSize));
  const lastRow = Math.min(rows - 1, Math.floor((y + radius) / cellSize));
  let best = -1;
  let bestDistance = radius * radius;
  for (let row = firstRow; row <= lastRow; row++) {
    for (let column = firstColumn; column <= lastColumn; column++) {
      const cell = row * columns + column;
      for (let at = start[cell]!; at < start[cell + 1]!; at++) {
        const index = order[at]!;
        const dx = xs[index]! - x;
        const dy = ys[index]! - y;
        const distance = dx * dx + dy * dy;
        if (distance < bestDistance || (distance === bestDistance && index > best)) {
          best = index;
          bestDistance = distance;
        }
      }
    }
  }
  return best;
}
