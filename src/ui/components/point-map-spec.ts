import { defineComponent } from '../../core/report/component-spec.ts';

/** The `<PointMap>` tag a report may use: its attributes and what they mean (PointMap.svelte draws it). */
export const spec = defineComponent({
  name: 'PointMap',
  description: 'One point per row on a map of NSW, drawn offline (no map tiles).',
  props: {
    data: { type: 'query', required: true, description: 'the query whose rows are the points' },
    lat: { type: 'column', default: 'latitude', description: 'the latitude column' },
    long: { type: 'column', default: 'longitude', description: 'the longitude column' },
    pointName: { type: 'column', description: "the column of each point's name, first in its tooltip" },
    tooltip: { type: 'columns', description: 'further columns shown in the tooltip, comma-separated' },
    value: { type: 'column', description: 'colour each point by this column (categories, or a numeric scale)' },
    popup: { type: 'columns', description: 'columns listed, labelled, in the popup a click on a point opens' },
  },
});
