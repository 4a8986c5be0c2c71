import { defineComponent, type PropSpec, type ResolvedChild } from '../../core/report/component-spec.ts';
import { VALUE_FORMATS } from '../../core/report/value-format.ts';

/** Reference marks a chart may hold between its tags, with Evidence's names and props. */
export const REFERENCE_COMPONENTS = [
  defineComponent({
    name: 'ReferenceArea',
    description: 'A shaded band across the chart between two values of the x axis, with a label.',
    props: {
      xMin: { type: 'string', required: true, description: 'the first x value of the band (as written on the axis)' },
      xMax: { type: 'string', description: 'the last x value of the band (default: xMin)' },
      label: { type: 'string', description: 'text written on the band' },
      color: {
        type: 'enum',
        values: ['grey', 'amber', 'red', 'green', 'blue'],
        default: 'grey',
        description: 'its colour',
      },
    },
  }),
  defineComponent({
    name: 'ReferenceLine',
    description: 'A line across the chart at one x value or one y value, with a label.',
    props: {
      x: { type: 'string', description: 'the x value the line stands at (as written on the axis)' },
      y: { type: 'number', description: 'the y value the line stands at' },
      label: { type: 'string', description: 'text written at the line' },
    },
  }),
];

/** The attributes every x/y chart (LineChart, AreaChart, BarChart) shares, as Evidence names them. */
export function cartesianProps(kind: 'line' | 'area' | 'bar') {
  const props = {
    data: { type: 'query', required: true, description: 'the query whose rows are the points' },
    x: { type: 'column', required: true, description: 'the column along the axis (a year, a category)' },
    y: { type: 'column', required: true, description: 'the column of the values' },
    series: { type: 'column', description: 'a column whose values split the rows into one series each' },
    title: { type: 'string', description: 'a title above the chart' },
    yFmt: { type: 'enum', values: VALUE_FORMATS, description: 'how values are written on the axis and tooltip' },
    xAxisTitle: { type: 'string', description: 'a title for the x axis' },
    yAxisTitle: { type: 'string', description: 'a title for the value axis' },
  } satisfies Record<string, PropSpec>;
  if (kind === 'line') return props;
  return {
    ...props,
    // As in Evidence, bars and areas with a series stack by default.
    type:
      kind === 'bar'
        ? {
            type: 'enum',
            values: ['stacked', 'grouped', 'stacked100'],
            default: 'stacked',
            description: 'how series share a category: stacked, side by side (grouped), or as shares of 100%',
          }
        : {
            type: 'enum',
            values: ['stacked', 'stacked100'],
            default: 'stacked',
            description: 'how series share the axis: stacked, or as shares of 100%',
          },
    ...(kind === 'bar' && {
      swapXY: { type: 'boolean', default: false, description: 'horizontal bars: categories down the side' },
    }),
  } satisfies Record<string, PropSpec>;
}

/** A reference band or line, as the chart draws it. */
export type Reference =
  | { kind: 'area'; from: string; to: string; label: string | undefined; color: string }
  | { kind: 'line'; x: string | undefined; y: number | undefined; label: string | undefined };

const BAND_COLOURS: Record<string, string> = {
  grey: 'rgba(120, 120, 120, 0.15)',
  amber: 'rgba(217, 119, 6, 0.18)',
  red: 'rgba(220, 38, 38, 0.15)',
  green: 'rgba(22, 163, 74, 0.15)',
  blue: 'rgba(37, 99, 235, 0.15)',
};

/** The chart's reference child tags as bands and lines. */
export function referencesOf(children: readonly ResolvedChild[] | undefined): Reference[] {
  return (children ?? []).map((child): Reference => {
    const text = (name: string) => {
      const value = child.props[name];
      return typeof value === 'string' ? value : undefined;
    };
    if (child.name === 'ReferenceArea') {
      const from = text('xMin') ?? '';
      return {
        kind: 'area',
        from,
        to: text('xMax') ?? from,
        label: text('label'),
        color: BAND_COLOURS[text('color') ?? 'grey'] ?? BAND_COLOURS.grey ?? '',
      };
    }
    const y = child.props.y;
    return { kind: 'line', x: text('x'), y: typeof y === 'number' ? y : undefined, label: text('label') };
  });
}
