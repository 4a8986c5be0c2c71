import { formatValue } from '../format-value.ts';

/** Colours for categories, distinguishable for most colour vision (Okabe–Ito, then greys). */
const CATEGORY_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];
/** Light to dark blue, for numbers in five equal bands. */
const SCALE_COLOURS = ['#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8', '#1e3a8a'];
const OTHER = '#9ca3af';

/** How a map colours its points by one column, and the legend that explains it. */
export interface PointColours {
  colourOf: (value: unknown) => string;
  legend: { label: string; colour: string }[];
}

/**
 * Numbers get five equal bands from the smallest to the largest; anything else one colour per category,
 * the most common first, with the rest (past eight) and blanks grey.
 */
export function pointColours(values: readonly unknown[]): PointColours {
  const present = values.filter((value) => value !== null && value !== undefined && value !== '');
  const numeric =
    present.length > 0 && present.every((value) => typeof value === 'number' || typeof value === 'bigint');
  return numeric ? bands(present.map(Number)) : categories(present.map((value) => formatValue(value)));
}

function bands(numbers: number[]): PointColours {
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const width = (max - min) / SCALE_COLOURS.length;
  const bandOf = (value: number) =>
    width === 0 ? 0 : Math.min(SCALE_COLOURS.length - 1, Math.floor((value - min) / width));
  const legend = SCALE_COLOURS.map((colour, band) => ({
    colour,
    label: `${formatValue(min + band * width)} – ${formatValue(band === SCALE_COLOURS.length - 1 ? max : min + (band + 1) * width)}`,
  })).slice(0, width === 0 ? 1 : SCALE_COLOURS.length);
  return {
    colourOf: (value) => {
      const number = Number(value);
      return value === null || value === undefined || !Number.isFinite(number)
        ? OTHER
        : (SCALE_COLOURS[bandOf(number)] ?? OTHER);
    },
    legend,
  };
}

function categories(labels: string[]): PointColours {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const ordered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label]) => label);
  const colour = new Map(
    ordered.slice(0, CATEGORY_COLOURS.length).map((label, i) => [label, CATEGORY_COLOURS[i] ?? OTHER]),
  );
  const legend = [...colour].map(([label, c]) => ({ label, colour: c }));
  if (ordered.length > CATEGORY_COLOURS.length) legend.push({ label: 'Other', colour: OTHER });
  return {
    colourOf: (value) =>
      value === null || value === undefined || value === '' ? OTHER : (colour.get(formatValue(value)) ?? OTHER),
    legend,
  };
}
