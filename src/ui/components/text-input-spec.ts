import { defineComponent } from '../../core/report/component-spec.ts';

/** The `<TextInput>` tag a report may use: its attributes and what they mean (TextInput.svelte draws it). */
export const spec = defineComponent({
  name: 'TextInput',
  description: "A box to type text into; the page's queries read it as ${inputs.<name>}.",
  input: true,
  initialValue: (props) => (typeof props['defaultValue'] === 'string' ? props['defaultValue'] : ''),
  props: {
    name: { type: 'string', required: true, description: 'the input queries read, as ${inputs.<name>}' },
    title: { type: 'string', description: 'the label above the box' },
    placeholder: { type: 'string', description: 'the hint shown while the box is empty' },
    defaultValue: { type: 'string', default: '', description: 'the text to start with' },
  },
});
