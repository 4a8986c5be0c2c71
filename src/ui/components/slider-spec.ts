import { defineComponent } from '../../core/report/component-spec.ts';

/** The `<Slider>` tag a report may use: its attributes and what they mean (Slider.svelte draws it). */
export const spec = defineComponent({
  name: 'Slider',
  description: "A slider to pick a number; the page's queries read it as ${inputs.<name>}.",
  input: true,
  initialValue: (props) => {
    const start = props['defaultValue'] ?? props['min'];
    return typeof start === 'number' ? start : undefined;
  },
  props: {
    name: { type: 'string', required: true, description: 'the input queries read, as ${inputs.<name>}' },
    min: { type: 'number', default: 0, description: 'the smallest value' },
    max: { type: 'number', default: 100, description: 'the largest value' },
    step: { type: 'number', default: 1, description: 'the distance between values' },
    defaultValue: { type: 'number', description: 'the value to start on (default: min)' },
    title: { type: 'string', description: 'the label above the slider' },
  },
});
