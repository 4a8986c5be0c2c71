import { defineComponent } from '../../core/report/component-spec.ts';
import { CELL_FORMATS, TOTAL_AGGREGATES } from '../../core/report/table-view.ts';

/** The `<DataTable>` tag a report may use: its attributes and what they mean (DataTable.svelte draws it). */
export const spec = defineComponent({
  name: 'DataTable',
  description: "The query's rows as a table: sortable by any heading, searchable, a page at a time, with totals.",
  props: {
    data: { type: 'query', required: true, description: 'the query to show' },
    rows: { type: 'number', default: 10, min: 1, integer: true, description: 'rows per page' },
    search: { type: 'boolean', default: false, description: 'a search box over the shown columns' },
    sortable: { type: 'boolean', default: true, description: 'click a heading to sort by it' },
    totalRow: { type: 'boolean', default: false, description: 'a last row of totals (sum, unless a Column says)' },
    title: { type: 'string', description: 'a title above the table' },
  },
  children: {
    components: [
      defineComponent({
        name: 'Column',
        description: 'One column to show, in this order, with its heading, format and total.',
        props: {
          id: { type: 'column', required: true, description: 'the column of the query' },
          title: { type: 'string', description: 'its heading (default: the column name)' },
          fmt: { type: 'enum', values: CELL_FORMATS, description: 'how its values are written' },
          totalAgg: {
            type: 'string',
            description: `how the total row sums it up: ${TOTAL_AGGREGATES.join(', ')}, or text to show`,
          },
          weightCol: { type: 'column', description: 'for totalAgg=weightedMean: the column weighting each row' },
        },
      }),
    ],
  },
});
