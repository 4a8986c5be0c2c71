import { defineComponent } from '../../core/report/component-spec.ts';
import { cartesianProps, REFERENCE_COMPONENTS } from './cartesian.ts';

/** The `<LineChart>` tag a report may use: its attributes and what they mean (LineChart.svelte draws it). */
export const spec = defineComponent({
  name: 'LineChart',
  description: 'Lines of a value over an ordered axis (usually the year), one line per series.',
  props: cartesianProps('line'),
  children: { components: REFERENCE_COMPONENTS },
});
