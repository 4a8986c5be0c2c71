import { DataType, tableFromIPC, util, type Field, type Table } from 'apache-arrow';

/** The kind of values a column holds, for formatting and charting. */
export type ColumnKind = 'integer' | 'number' | 'text' | 'boolean' | 'date' | 'timestamp' | 'other';

/** A column of a decoded result. */
export interface ResultColumn {
  /** Column name as returned by DuckDB. */
  name: string;
  /** Arrow type, e.g. `Int64`, `Decimal[38e0]`. */
  arrowType: string;
  /** What the values are. */
  kind: ColumnKind;
}

/** A query result as plain rows. */
export interface DecodedResult {
  /** Columns in order. */
  columns: ResultColumn[];
  /**
   * Rows keyed by column name. BIGINT and HUGEINT values within ±2^53 become numbers; larger ones stay
   * exact as `bigint` (format them with `formatValue`, never with JSON.stringify). DECIMAL becomes a
   * number; DATE an ISO `YYYY-MM-DD` string; TIMESTAMP an ISO string.
   */
  rows: Record<string, unknown>[];
}

/** Decode Arrow IPC bytes from the engine into plain rows. */
export function decodeResult(ipc: Uint8Array): DecodedResult {
  return decodeTable(tableFromIPC(ipc));
}

/** Decode an Arrow table into plain rows. */
export function decodeTable(table: Table): DecodedResult {
  const fields = table.schema.fields;
  const columns = fields.map((field) => ({ name: field.name, arrowType: String(field.type), kind: kindOf(field) }));
  const vectors = fields.map((field) => table.getChild(field.name));
  const rows: Record<string, unknown>[] = [];
  for (let index = 0; index < table.numRows; index++) {
    const row: Record<string, unknown> = {};
    fields.forEach((field, column) => {
      row[field.name] = toPlainValue(field, vectors[column]?.get(index));
    });
    rows.push(row);
  }
  return { columns, rows };
}

function kindOf(field: Field): ColumnKind {
  const type = field.type;
  if (DataType.isInt(type)) return 'integer';
  if (DataType.isDecimal(type)) return type.scale === 0 ? 'integer' : 'number';
  if (DataType.isFloat(type)) return 'number';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'text';
  if (DataType.isBool(type)) return 'boolean';
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'timestamp';
  return 'other';
}

function toPlainValue(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const type = field.type;
  if (typeof value === 'bigint') return toSafeNumber(value);
  if (DataType.isDecimal(type)) {
    const text = util.bigNumToString(value as never);
    return type.scale === 0 ? toSafeNumber(BigInt(text)) : Number(applyScale(text, type.scale));
  }
  if (DataType.isDate(type) && typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type) && typeof value === 'number') return new Date(value).toISOString();
  return value;
}

function toSafeNumber(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
}

/** Place the decimal point `scale` digits from the right of an integer string. */
export function applyScale(digits: string, scale: number): string {
  const negative = digits.startsWith('-');
  const magnitude = (negative ? digits.slice(1) : digits).padStart(scale + 1, '0');
  const text = `${magnitude.slice(0, -scale)}.${magnitude.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
