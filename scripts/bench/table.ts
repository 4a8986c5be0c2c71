/**
 * One row per figure of `npm run bench`, and the three ways it is written out: a plain-text table for the
 * terminal, a markdown table for bench/results.md and the README, and JSON for bench/results.json.
 */
import { describeTarget, formatNumber, ratioOf, verdictOf, type Target, type Verdict } from './stats.ts';

/** A measured figure before it is judged. */
export interface Measurement {
  /** Short id, e.g. `P1`, `P2`, `P4 ×10`. */
  id: string;
  /** What was measured, in words. */
  figure: string;
  /** The measured value; undefined when it could not be measured (then `note` says why). */
  value?: number | undefined;
  /** The value's unit: `ms`, `KB`, `MB`, `requests`. */
  unit: string;
  /** The reference measured side by side in the same run, if the target is a ratio. */
  reference?: number | undefined;
  /** What the reference is, e.g. `bare engine + select 42`. */
  referenceLabel?: string | undefined;
  /** The target. */
  target: Target;
  /** Context: the runs, what was left out, why something is missing. */
  note?: string | undefined;
}

/** A measurement judged: its ratio and verdict filled in. */
export interface BenchRow extends Measurement {
  /** `value / reference`, when both are known. */
  ratio?: number | undefined;
  /** The target as the table shows it. */
  targetText: string;
  /** pass, FAIL or n/a. */
  verdict: Verdict;
}

/** Compute a measurement's ratio and verdict. */
export function judge(measurement: Measurement): BenchRow {
  const ratio = ratioOf(measurement.value, measurement.reference);
  return {
    ...measurement,
    ratio,
    targetText: describeTarget(measurement.target, measurement.unit),
    verdict: verdictOf({ value: measurement.value, ratio, target: measurement.target }),
  };
}

const HEADER = ['', 'Figure', 'Measured', 'Reference', 'Ratio', 'Target', 'Result'] as const;

/** The table's cells, one array of strings per row, header first. */
export function tableCells(rows: readonly BenchRow[]): string[][] {
  return [
    [...HEADER],
    ...rows.map((row) => [
      row.id,
      row.figure,
      row.value === undefined ? '—' : `${formatNumber(row.value)} ${row.unit}`,
      row.reference === undefined
        ? '—'
        : `${formatNumber(row.reference)} ${row.unit}${row.referenceLabel ? ` (${row.referenceLabel})` : ''}`,
      row.ratio === undefined ? '—' : `${row.ratio.toFixed(2)}×`,
      row.targetText,
      row.verdict,
    ]),
  ];
}

/** A plain-text table with padded columns, for the terminal. */
export function formatTextTable(rows: readonly BenchRow[]): string {
  const cells = tableCells(rows);
  const widths = HEADER.map((_, column) => Math.max(...cells.map((line) => [...(line[column] ?? '')].length)));
  const pad = (text: string, width: number) => text + ' '.repeat(width - [...text].length);
  const lines = cells.map((line) =>
    line
      .map((cell, column) => pad(cell, widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return lines.join('\n');
}

/** A markdown table (pipes in cells escaped), then each row's note as a list item. */
export function formatMarkdownTable(rows: readonly BenchRow[]): string {
  const cells = tableCells(rows).map((line) => line.map((cell) => cell.replaceAll('|', '\\|')));
  const [header = [], ...body] = cells;
  const table = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...body.map((line) => `| ${line.join(' | ')} |`),
  ];
  const notes = rows.filter((row) => row.note).map((row) => `- **${row.id}**: ${row.note}`);
  return [...table, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

/** Counts of each verdict, e.g. `3 pass, 5 FAIL, 1 n/a`. */
export function summarizeVerdicts(rows: readonly BenchRow[]): string {
  const count = (verdict: Verdict) => rows.filter((row) => row.verdict === verdict).length;
  return `${count('pass')} pass, ${count('FAIL')} FAIL, ${count('n/a')} n/a`;
}
