import { defineComponent } from '../../core/report/component-spec.ts';
import { cartesianProps, REFERENCE_COMPONENTS } from './cartesian.ts';

/** The `<AreaChart>` tag a report may use: its attributes and what they mean (AreaChart.svelte draws it). */
export const spec = defineComponent({
  name: 'AreaChart',
  description: 'Areas of a value over an ordered axis, one per series, stacked by default.',
  props: cartesianProps('area'),
  children: { components: REFERENCE_COMPONENTS },
});
