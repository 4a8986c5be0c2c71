import { defineComponent } from '../../core/report/component-spec.ts';

/** The `<Alert>` tag a report may use: its attributes and what they mean (Alert.svelte draws it). */
export const spec = defineComponent({
  name: 'Alert',
  description: 'A coloured box of markdown text: a caveat, a warning, a finding.',
  props: {
    status: {
      type: 'enum',
      values: ['info', 'positive', 'warning', 'negative'],
      default: 'info',
      description: 'its colour and meaning',
    },
  },
  children: 'markdown',
});
