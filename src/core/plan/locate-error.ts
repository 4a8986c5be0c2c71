/**
 * Find the line of a model file that a DuckDB error points at. DuckDB quotes the offending line of the
 * statement it ran (`LINE 4: select nope from ...`); we look for that text in the model's own file (exact
 * even when Jinja moved other lines), and otherwise count back from the statement to the compiled SQL.
 */
export function locateSqlError(options: {
  message: string;
  rawSql: string;
  statementLinesBefore: number;
}): number | undefined {
  const match = /LINE (\d+):\s?(.*)/.exec(options.message);
  if (!match) return undefined;
  const quoted = (match[2] ?? '').trim();
  const rawLines = options.rawSql.split('\n');
  if (quoted.length > 0) {
    const exact = rawLines.findIndex((line) => line.trim() === quoted);
    if (exact >= 0) return exact + 1;
    // Short lines (`from`, `)`) would match almost anything: only lines with some substance count.
    const partial = rawLines.findIndex((line) => line.trim().length >= 6 && quoted.includes(line.trim()));
    if (partial >= 0) return partial + 1;
  }
  const line = Number(match[1]) - options.statementLinesBefore;
  return line >= 1 && line <= rawLines.length ? line : undefined;
}
