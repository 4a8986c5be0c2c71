/**
 * The one place where SQL text is quoted. Everything that puts a name or a value into generated SQL goes
 * through these functions, so no identifier is ever interpolated raw.
 */

/** Quote an identifier for DuckDB: wrap in double quotes and double any embedded double quote. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a string literal for DuckDB: wrap in single quotes and double any embedded single quote. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A possibly schema-qualified relation name, each part quoted. */
export function quoteRelation(relation: { schema?: string | undefined; name: string }): string {
  return relation.schema
    ? `${quoteIdentifier(relation.schema)}.${quoteIdentifier(relation.name)}`
    : quoteIdentifier(relation.name);
}
