import { defineComponent } from '../../core/report/component-spec.ts';
import { cartesianProps, REFERENCE_COMPONENTS } from './cartesian.ts';

/** The `<BarChart>` tag a report may use: its attributes and what they mean (BarChart.svelte draws it). */
export const spec = defineComponent({
  name: 'BarChart',
  description:
    'Bars of a value per category, one colour per series: grouped, stacked or as shares of 100%; horizontal with swapXY.',
  props: cartesianProps('bar'),
  children: { components: REFERENCE_COMPONENTS },
});
