import { defineComponent } from '../../core/report/component-spec.ts';
import { VALUE_FORMATS } from '../../core/report/value-format.ts';

/** The `<BigValue>` tag a report may use: its attributes and what they mean (BigValue.svelte draws it). */
export const spec = defineComponent({
  name: 'BigValue',
  description:
    "One figure in large type: the first row's value, its change (comparison) and a sparkline of the value over the rows.",
  props: {
    data: { type: 'query', required: true, description: 'the query; its first row holds the value shown' },
    value: { type: 'column', required: true, description: 'the column of the value' },
    title: { type: 'string', description: 'the label above the value (default: the column name)' },
    fmt: { type: 'enum', values: VALUE_FORMATS, description: 'how the value is written (usd, pct1, num0…)' },
    comparison: { type: 'column', description: "the column of the first row's change, shown under the value" },
    comparisonTitle: { type: 'string', description: "what the change is against, e.g. 'vs previous year'" },
    comparisonFmt: { type: 'enum', values: VALUE_FORMATS, description: 'how the change is written' },
    downIsGood: { type: 'boolean', default: false, description: 'a fall is shown in green, a rise in red' },
    sparkline: { type: 'column', description: 'the column (e.g. the year) the value is drawn over, as a sparkline' },
    description: { type: 'string', description: "the figure's definition, shown on hover and to screen readers" },
  },
});
