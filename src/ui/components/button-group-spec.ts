import { defineComponent } from '../../core/report/component-spec.ts';

/** The `<ButtonGroup>` tag a report may use: its attributes and what they mean (ButtonGroup.svelte draws it). */
export const spec = defineComponent({
  name: 'ButtonGroup',
  description: "A row of buttons to pick one value; the page's queries read it as ${inputs.<name>}.",
  input: true,
  props: {
    name: { type: 'string', required: true, description: 'the input queries read, as ${inputs.<name>}' },
    data: { type: 'query', required: true, description: 'the query whose rows are the buttons' },
    value: { type: 'column', description: 'the column bound into queries (default: the first column)' },
    label: { type: 'column', description: 'the column shown on each button (default: the value)' },
    title: { type: 'string', description: 'the label before the buttons' },
    defaultValue: { type: 'string', description: 'the value (or label) to start on; default: the first button' },
    noDefault: { type: 'boolean', default: false, description: "start on nothing: the page's queries wait" },
  },
});
