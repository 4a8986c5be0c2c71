import { defineComponent } from '../../core/report/component-spec.ts';

/** The `<Details>` tag a report may use: its attributes and what they mean (Details.svelte draws it). */
export const spec = defineComponent({
  name: 'Details',
  description: 'A disclosure: a title that opens to markdown text (methods, caveats, definitions).',
  props: {
    title: { type: 'string', default: 'Details', description: 'the line shown while it is closed' },
    open: { type: 'boolean', default: false, description: 'start open' },
  },
  children: 'markdown',
});
