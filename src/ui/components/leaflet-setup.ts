// Leaflet, its stylesheet and our point layer, loaded the first time a map is drawn rather than with the page.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export { L };
export { PointLayer } from './point-layer.ts';
