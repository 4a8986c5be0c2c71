/**
 * One Leaflet layer that draws every point of a map on one canvas, in one pass per colour, and finds the
 * point under the pointer through a grid. Leaflet's own circle markers cost a layer object, a renderer
 * entry and a bounds check each: 22,000 of them took over a second to add, and every mouse move tested
 * them one by one. Here adding 22,000 points is filling a few arrays; drawing is one path per colour.
 * Follows Leaflet's canvas renderer for placement: the canvas covers the map's view, sits at the view's
 * top-left in layer coordinates, moves with the map while it is dragged, is scaled by CSS while a zoom
 * animates, and is redrawn when a move or zoom ends.
 */
import * as L from 'leaflet';
import { buildPointGrid, nearestPoint, type PointGrid } from './point-grid.ts';
import type { MapPoints } from './map-points.ts';

/** How points look and what they say. */
export interface PointLayerOptions {
  /** Circle radius, CSS pixels. */
  radius: number;
  /** The hovered point's tooltip content (built when it is hovered). */
  tooltipFor: (point: number) => HTMLElement;
  /** The clicked point's popup content; without it a click opens nothing. */
  popupFor?: ((point: number) => HTMLElement) | undefined;
}

/** Extra pixels around a point's circle that still count as on it (a pointer is not that precise). */
const HIT_SLOP = 2;

/** Every point of a map, on one canvas. */
export class PointLayer extends L.Layer {
  #points: MapPoints = {
    lats: new Float64Array(),
    lngs: new Float64Array(),
    rowOf: new Uint32Array(),
    colourOf: new Uint16Array(),
    palette: [],
  };
  /** Points projected at zoom 0: at zoom z a point is at `projected × 2^z` (Web Mercator is linear in scale). */
  #x0 = new Float64Array();
  #y0 = new Float64Array();
  #canvas: HTMLCanvasElement | undefined;
  #grid: PointGrid | undefined;
  /** The view as last drawn: its top-left in layer coordinates, centre and zoom. */
  #topLeft = L.point(0, 0);
  #center = L.latLng(0, 0);
  #zoom = 0;
  #hovered = -1;
  #stroke = '#000000';
  readonly #tooltip: L.Tooltip;
  readonly #settings: PointLayerOptions;

  constructor(settings: PointLayerOptions) {
    super();
    this.#settings = settings;
    this.#tooltip = L.tooltip({ direction: 'top', offset: [0, -settings.radius] });
  }

  /** Replace the points (and the outline colour of every point) and redraw. */
  setPoints(points: MapPoints, stroke: string): this {
    this.#points = points;
    this.#stroke = stroke;
    this.#project();
    this.#hover(-1);
    if (this._map) this.#redraw();
    return this;
  }

  /** Centre the map on a point and open its popup (or its tooltip, without popups): the keyboard's way in. */
  open(point: number): void {
    const map = this._map;
    if (!map || point < 0 || point >= this.#points.lats.length) return;
    const at = L.latLng(this.#points.lats[point]!, this.#points.lngs[point]!);
    map.panTo(at, { animate: false });
    if (this.#settings.popupFor) this.#popup(point);
    else this.#hover(point);
  }

  override onAdd(map: L.Map): this {
    const pane = map.getPane('points') ?? map.createPane('points');
    pane.style.zIndex = '450';
    pane.style.pointerEvents = 'none';
    this.#canvas = L.DomUtil.create('canvas', 'leaflet-zoom-animated', pane);
    this.#project();
    this.#redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.closeTooltip(this.#tooltip);
    map.getContainer().style.cursor = '';
    this.#canvas?.remove();
    this.#canvas = undefined;
    this.#grid = undefined;
    return this;
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return {
      viewreset: () => this.#redraw(),
      moveend: () => this.#redraw(),
      zoomend: () => this.#redraw(),
      resize: () => this.#redraw(),
      zoom: () => this.#transform(this._map.getCenter(), this._map.getZoom()),
      zoomanim: (event) => {
        const { center, zoom } = event as L.ZoomAnimEvent;
        this.#transform(center, zoom);
      },
      mousemove: (event) => this.#hover(this.#pointAt(event as L.LeafletMouseEvent)),
      mouseout: () => this.#hover(-1),
      click: (event) => {
        const point = this.#pointAt(event as L.LeafletMouseEvent);
        if (point >= 0 && this.#settings.popupFor) this.#popup(point);
      },
    };
  }

  #project(): void {
    const map = this._map;
    if (!map) return;
    const { lats, lngs } = this.#points;
    this.#x0 = new Float64Array(lats.length);
    this.#y0 = new Float64Array(lats.length);
    for (let point = 0; point < lats.length; point++) {
      const projected = map.project([lats[point]!, lngs[point]!], 0);
      this.#x0[point] = projected.x;
      this.#y0[point] = projected.y;
    }
  }

  /** Draw every point for the current view, one path per colour, and index where they landed. */
  #redraw(): void {
    const map = this._map;
    const canvas = this.#canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = globalThis.devicePixelRatio || 1;
    this.#topLeft = map.containerPointToLayerPoint([0, 0]);
    this.#center = map.getCenter();
    this.#zoom = map.getZoom();
    L.DomUtil.setPosition(canvas, this.#topLeft);
    canvas.width = Math.round(size.x * ratio);
    canvas.height = Math.round(size.y * ratio);
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
    const scale = map.getZoomScale(this.#zoom, 0);
    const origin = map.getPixelOrigin().add(this.#topLeft);
    const count = this.#x0.length;
    const xs = new Float64Array(count);
    const ys = new Float64Array(count);
    for (let point = 0; point < count; point++) {
      xs[point] = this.#x0[point]! * scale - origin.x;
      ys[point] = this.#y0[point]! * scale - origin.y;
    }
    this.#grid = buildPointGrid({ xs, ys, width: size.x, height: size.y });
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawCircles(context, {
      xs,
      ys,
      points: this.#points,
      size,
      radius: this.#settings.radius,
      stroke: this.#stroke,
    });
  }

  /** While a zoom animates, scale and move the last drawing like Leaflet's canvas renderer does. */
  #transform(center: L.LatLng, zoom: number): void {
    const map = this._map;
    if (!map || !this.#canvas) return;
    const scale = map.getZoomScale(zoom, this.#zoom);
    const half = map.getSize().multiplyBy(0.5);
    const panePosition = L.DomUtil.getPosition(map.getPane('mapPane')!) ?? L.point(0, 0);
    const newOrigin = map.project(center, zoom).subtract(half).add(panePosition).round();
    const offset = half.multiplyBy(-scale).add(map.project(this.#center, zoom)).subtract(newOrigin);
    L.DomUtil.setTransform(this.#canvas, offset, scale);
  }

  /** The point under a pointer event, or -1. */
  #pointAt(event: L.LeafletMouseEvent): number {
    if (!this.#grid || this._map.getZoom() !== this.#zoom) return -1;
    const at = event.layerPoint.subtract(this.#topLeft);
    return nearestPoint(this.#grid, at.x, at.y, this.#settings.radius + HIT_SLOP);
  }

  #hover(point: number): void {
    const map = this._map;
    if (point === this.#hovered || !map) return;
    this.#hovered = point;
    map.getContainer().style.cursor = point >= 0 ? 'pointer' : '';
    if (point < 0) return void map.closeTooltip(this.#tooltip);
    this.#tooltip.setLatLng(this.#latLngOf(point)).setContent(this.#settings.tooltipFor(point));
    map.openTooltip(this.#tooltip);
  }

  #popup(point: number): void {
    const content = this.#settings.popupFor?.(point);
    if (!content) return;
    L.popup({ maxWidth: 320 }).setLatLng(this.#latLngOf(point)).setContent(content).openOn(this._map);
  }

  #latLngOf(point: number): L.LatLng {
    return L.latLng(this.#points.lats[point]!, this.#points.lngs[point]!);
  }
}

/** Fill then outline every point on screen, one path per colour (a few draw calls for any number of points). */
function drawCircles(
  context: CanvasRenderingContext2D,
  options: { xs: Float64Array; ys: Float64Array; points: MapPoints; size: L.Point; radius: number; stroke: string },
): void {
  const { xs, ys, points, size, radius, stroke } = options;
  context.clearRect(0, 0, size.x, size.y);
  context.lineWidth = 1;
  context.strokeStyle = stroke;
  points.palette.forEach((fill, colour) => {
    context.beginPath();
    for (let point = 0; point < xs.length; point++) {
      if (points.colourOf[point] !== colour) continue;
      const x = xs[point]!;
      const y = ys[point]!;
      if (x < -radius || y < -radius || x > size.x + radius || y > size.y + radius) continue;
      context.moveTo(x + radius, y);
      context.arc(x, y, radius, 0, 2 * Math.PI);
    }
    context.globalAlpha = 0.75;
    context.fillStyle = fill;
    context.fill();
    context.globalAlpha = 1;
    context.stroke();
  });
}
