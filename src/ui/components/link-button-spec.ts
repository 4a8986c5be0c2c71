import { defineComponent } from '../../core/report/component-spec.ts';

/** The `<LinkButton>` tag a report may use: its attributes and what they mean (LinkButton.svelte draws it). */
export const spec = defineComponent({
  name: 'LinkButton',
  description: 'A button-styled link to another page of the site or to a web address; its text goes between the tags.',
  props: {
    url: { type: 'string', required: true, description: "where it goes: '#/reports/funding', '/…' or https://…" },
  },
  children: 'markdown',
});
