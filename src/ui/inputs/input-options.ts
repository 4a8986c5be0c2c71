import type { InputValue } from '../../core/report/bind-inputs.ts';
import type { DecodedResult } from '../../engine/decode-result.ts';
import { formatValue } from '../format-value.ts';

/** One choice of a Dropdown or ButtonGroup: the value bound into queries, and the text shown. */
export interface InputOption {
  value: InputValue;
  label: string;
}

/**
 * The distinct choices in a query's rows, in the query's order: `value` is the column bound into queries
 * (the first column when not named), `label` the column shown (the value when not named).
 */
export function inputOptions(options: { data: DecodedResult; value?: string | undefined; label?: string | undefined }) {
  const valueColumn = options.value ?? options.data.columns[0]?.name;
  const labelColumn = options.label ?? valueColumn;
  const seen = new Set<string>();
  const choices: InputOption[] = [];
  if (!valueColumn || !labelColumn) return choices;
  for (const row of options.data.rows) {
    const value = toInputValue(row[valueColumn]);
    const key = keyOf(value);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = row[labelColumn];
    choices.push({ value, label: label === null || label === undefined ? '(none)' : formatValue(label) });
  }
  return choices;
}

/** A cell as a parameter value: big integers become numbers when exact, text otherwise; dates, ISO text. */
export function toInputValue(cell: unknown): InputValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'bigint') return Number.isSafeInteger(Number(cell)) ? Number(cell) : cell.toString();
  if (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean') return cell;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** A stable key for comparing values of any type (1 and '1' differ). */
export function keyOf(value: InputValue): string {
  return `${typeof value}:${String(value)}`;
}

/**
 * The choice an input starts on when it has no value yet: the one whose value (or label) is
 * `defaultValue`, else the first; none when `noDefault` (the page's queries then wait for a choice).
 */
export function initialChoice(options: {
  choices: readonly InputOption[];
  defaultValue?: string | undefined;
  noDefault?: boolean | undefined;
}): InputOption | undefined {
  if (options.noDefault) return undefined;
  const wanted = options.defaultValue;
  if (wanted !== undefined) {
    const match = options.choices.find((choice) => String(choice.value) === wanted || choice.label === wanted);
    if (match) return match;
  }
  return options.choices[0];
}
