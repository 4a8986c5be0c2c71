import { defineComponent } from '../../core/report/component-spec.ts';
import { VALUE_FORMATS } from '../../core/report/value-format.ts';

/** The `<LinearRegression>` tag a report may use: its attributes and what they mean (LinearRegression.svelte draws it). */
export const spec = defineComponent({
  name: 'LinearRegression',
  description:
    'Fits ordinary least squares to the training rows of a query, predicts the held-out rows and shows MAE, MSE, R², the coefficients and actual against predicted.',
  props: {
    data: { type: 'query', required: true, description: 'the query: one row per observation, with its split' },
    y: { type: 'column', required: true, description: 'the numeric column predicted' },
    x: { type: 'columns', required: true, description: 'numeric feature columns, comma-separated' },
    categories: { type: 'columns', description: 'categorical feature columns, one-hot encoded, comma-separated' },
    split: { type: 'column', required: true, description: "the column whose value 'test' marks a held-out row" },
    tooltipTitle: { type: 'column', description: "a column naming each point in the scatter's tooltip" },
    yFmt: { type: 'enum', values: VALUE_FORMATS, description: 'how actual and predicted values are written' },
    title: { type: 'string', description: 'a title above the scatter' },
  },
});
