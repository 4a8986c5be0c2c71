import { DataType, util, type Field, type Table, type Vector } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ExportFormat } from './contract.ts';
import { applyScale } from './decode-result.ts';

/**
 * A query's rows as a downloadable file, written from its Arrow table. DuckDB's own `COPY … TO` cannot
 * serve here: Parquet is an extension DuckDB-WASM fetches from the internet, and in DuckDB-WASM's Node
 * build a COPY either hangs (Parquet, duckdb-wasm#2010) or writes nothing (CSV).
 */
export function exportTable(table: Table, format: ExportFormat): Uint8Array {
  return format === 'csv' ? tableToCsv(table) : tableToParquet(table);
}

/** CSV with a header row; a field holding a comma, quote, newline or edge space is quoted (RFC 4180). */
export function tableToCsv(table: Table): Uint8Array {
  const fields = table.schema.fields;
  const vectors = fields.map((field) => table.getChild(field.name));
  const lines = [fields.map((field) => csvField(field.name)).join(',')];
  for (let row = 0; row < table.numRows; row++) {
    lines.push(fields.map((field, column) => csvField(csvText(field, vectors[column]?.get(row)))).join(','));
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** Parquet with each column's type kept: integers, exact decimals, doubles, text, booleans, dates, timestamps. */
export function tableToParquet(table: Table): Uint8Array {
  const fields = table.schema.fields;
  const schema: Record<string, unknown>[] = [{ name: 'root', num_children: fields.length }];
  const columnData = fields.map((field) => {
    const vector = table.getChild(field.name);
    const { element, convert } = parquetColumn(field);
    schema.push({ name: field.name, repetition_type: 'OPTIONAL', ...element });
    const data: unknown[] = new Array(table.numRows);
    for (let row = 0; row < table.numRows; row++) {
      const value: unknown = vector?.get(row);
      data[row] = value === null || value === undefined ? null : convert(value);
    }
    return { name: field.name, data };
  });
  const buffer = parquetWriteBuffer({ columnData, schema } as unknown as Parameters<typeof parquetWriteBuffer>[0]);
  return new Uint8Array(buffer);
}

interface ParquetColumn {
  element: Record<string, unknown>;
  convert: (value: unknown) => unknown;
}

function parquetColumn(field: Field): ParquetColumn {
  const type = field.type;
  if (DataType.isInt(type)) {
    if (type.bitWidth <= 16 || (type.bitWidth === 32 && type.isSigned))
      return { element: { type: 'INT32' }, convert: Number };
    return { element: { type: 'INT64' }, convert: (value) => BigInt(value as number | bigint) };
  }
  if (DataType.isDecimal(type)) {
    const element =
      type.precision <= 18
        ? { type: 'INT64' }
        : { type: 'FIXED_LEN_BYTE_ARRAY', type_length: type.bitWidth === 256 ? 32 : 16 };
    return {
      element: { ...element, converted_type: 'DECIMAL', precision: type.precision, scale: type.scale },
      convert: (value) => BigInt(util.bigNumToString(value as never)),
    };
  }
  if (DataType.isFloat(type)) return { element: { type: 'DOUBLE' }, convert: Number };
  if (DataType.isBool(type)) return { element: { type: 'BOOLEAN' }, convert: Boolean };
  if (DataType.isDate(type))
    return { element: { type: 'INT32', converted_type: 'DATE' }, convert: (v) => new Date(v as number) };
  if (DataType.isTimestamp(type))
    return { element: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }, convert: (v) => new Date(v as number) };
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type))
    return { element: { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, convert: String };
  // Lists, structs, intervals and the rest: their text, as DuckDB would print them.
  return { element: { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, convert: (value) => textOf(value) };
}

function csvText(field: Field, value: unknown): string {
  if (value === null || value === undefined) return '';
  const type = field.type;
  if (DataType.isDecimal(type)) {
    const digits = util.bigNumToString(value as never);
    return type.scale === 0 ? digits : applyScale(digits, type.scale);
  }
  if (DataType.isDate(type)) return new Date(value as number).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type)) return new Date(value as number).toISOString().replace('T', ' ').replace('Z', '');
  return textOf(value);
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  const json = (value as Vector | { toJSON?: () => unknown }).toJSON?.() ?? value;
  return JSON.stringify(json, (_, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
}

function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
