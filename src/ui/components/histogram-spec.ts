import { defineComponent } from '../../core/report/component-spec.ts';
import { VALUE_FORMATS } from '../../core/report/value-format.ts';

/** The `<Histogram>` tag a report may use: its attributes and what they mean (Histogram.svelte draws it). */
export const spec = defineComponent({
  name: 'Histogram',
  description: "How one numeric column's values are spread: a bar per range of values, its height the count of rows.",
  props: {
    data: { type: 'query', required: true, description: 'the query whose rows are counted' },
    x: { type: 'column', required: true, description: 'the numeric column whose values are binned' },
    bins: { type: 'number', default: 20, min: 1, max: 200, integer: true, description: 'about how many bars' },
    title: { type: 'string', description: 'a title above the chart' },
    xFmt: { type: 'enum', values: VALUE_FORMATS, description: 'how the range edges are written' },
    xAxisTitle: { type: 'string', description: 'a title for the value axis' },
  },
});
