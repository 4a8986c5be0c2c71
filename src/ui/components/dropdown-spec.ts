import { defineComponent } from '../../core/report/component-spec.ts';

/** The `<Dropdown>` tag a report may use: its attributes and what they mean (Dropdown.svelte draws it). */
export const spec = defineComponent({
  name: 'Dropdown',
  description: "A list to pick one value from; the page's queries read it as ${inputs.<name>}.",
  input: true,
  props: {
    name: { type: 'string', required: true, description: 'the input queries read, as ${inputs.<name>}' },
    data: { type: 'query', required: true, description: 'the query whose rows are the choices' },
    value: { type: 'column', description: 'the column bound into queries (default: the first column)' },
    label: { type: 'column', description: 'the column shown for each choice (default: the value)' },
    title: { type: 'string', description: 'the label above the list' },
    defaultValue: { type: 'string', description: 'the value (or label) to start on; default: the first choice' },
    noDefault: { type: 'boolean', default: false, description: "start on nothing: the page's queries wait" },
  },
});
