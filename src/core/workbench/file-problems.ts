import type { StepResult } from '../plan/step-result.ts';
import type { ProjectError, ProjectNode } from '../project/types.ts';

/** A problem at a place in a file, for the editor to underline and the problems list to show. */
export interface FileProblem {
  /** File path. */
  path: string;
  /** 1-based line. */
  line: number;
  /** 1-based first column, when the message names what is at fault. */
  column?: number | undefined;
  /** 1-based column after the fault. */
  endColumn?: number | undefined;
  /** What is wrong, in plain words. */
  message: string;
  /** `error` stops a node; `warning` is a failing or warning test. */
  severity: 'error' | 'warning';
  /** The node at fault, when it is one. */
  nodeId?: string | undefined;
}

/**
 * Every problem of the project at its file and line: files that do not load (YAML, Jinja, refs to
 * nothing), nodes whose SQL failed (DuckDB's message, at the line of the model file it points at), and
 * tests that found rows (at the line of the YAML that declares them). Where DuckDB names the token at
 * fault (`at or near "fro"`), the column is that token's in the file's line.
 */
export function fileProblems(options: {
  projectErrors: readonly ProjectError[];
  results: ReadonlyMap<string, StepResult>;
  nodes: ReadonlyMap<string, ProjectNode>;
  /** The text of a file, to find columns in. */
  textOf: (path: string) => string | undefined;
}): FileProblem[] {
  const problems: FileProblem[] = options.projectErrors.map((error) => ({
    path: error.path,
    line: error.line ?? 1,
    message: error.message,
    severity: 'error',
  }));
  for (const result of options.results.values()) {
    const node = options.nodes.get(result.uniqueId);
    if (!node) continue;
    if (result.status === 'error' && result.error) {
      const path = result.error.path ?? node.path;
      const line = result.error.line ?? node.line ?? 1;
      problems.push({
        path,
        line,
        ...columnsOf(result.error.message, options.textOf(path)?.split('\n')[line - 1]),
        message: plainSqlError(result.error.message),
        severity: 'error',
        nodeId: node.uniqueId,
      });
    } else if (result.status === 'fail' || result.status === 'warn') {
      const rows = result.failures ?? 0;
      problems.push({
        path: node.path,
        line: node.line ?? 1,
        message: `Test ${node.name} ${result.status === 'fail' ? 'failed' : 'warned'}: ${rows.toLocaleString('en-AU')} row${rows === 1 ? '' : 's'} broke it.`,
        severity: result.status === 'fail' ? 'error' : 'warning',
        nodeId: node.uniqueId,
      });
    }
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

/** DuckDB's message without the quoted statement it appends (the editor shows the line itself). */
function plainSqlError(message: string): string {
  return message.replace(/\n+LINE \d+:[\s\S]*$/, '').trim();
}

function columnsOf(message: string, lineText: string | undefined): { column?: number; endColumn?: number } {
  const token = /at or near "([^"]+)"/.exec(message)?.[1];
  if (!token || lineText === undefined) return {};
  const index = lineText.indexOf(token);
  return index < 0 ? {} : { column: index + 1, endColumn: index + 1 + token.length };
}
