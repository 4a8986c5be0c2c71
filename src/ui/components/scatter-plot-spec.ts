import { defineComponent } from '../../core/report/component-spec.ts';
import { VALUE_FORMATS } from '../../core/report/value-format.ts';

/** The `<ScatterPlot>` tag a report may use: its attributes and what they mean (ScatterPlot.svelte draws it). */
export const spec = defineComponent({
  name: 'ScatterPlot',
  description: 'A point per row at two numeric columns, one colour per series: how two measures go together.',
  props: {
    data: { type: 'query', required: true, description: 'the query whose rows are the points' },
    x: { type: 'column', required: true, description: 'the numeric column across' },
    y: { type: 'column', required: true, description: 'the numeric column up' },
    series: { type: 'column', description: 'a column whose values colour the points, one series each' },
    tooltipTitle: { type: 'column', description: "a column naming each point in its tooltip (a school's name)" },
    title: { type: 'string', description: 'a title above the chart' },
    xFmt: { type: 'enum', values: VALUE_FORMATS, description: 'how x values are written' },
    yFmt: { type: 'enum', values: VALUE_FORMATS, description: 'how y values are written' },
    xAxisTitle: { type: 'string', description: 'a title for the x axis (default: the column)' },
    yAxisTitle: { type: 'string', description: 'a title for the y axis (default: the column)' },
  },
});
