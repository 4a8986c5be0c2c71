// Leaflet and its stylesheet, loaded the first time a map is drawn rather than with the page.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export { L };
