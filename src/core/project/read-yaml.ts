import { LineCounter, parseDocument, type Node } from 'yaml';
import type { ProjectError, ProjectFile } from './types.ts';

/** A parsed YAML file: its plain value, and the line where any list item or mapping entry starts. */
export interface YamlFile {
  /** The file as plain JS (undefined when empty or invalid). */
  value: unknown;
  /** Problems, each with its line. */
  errors: ProjectError[];
  /** 1-based line of the node at a key path (`['models', 0, 'columns', 2]`), when it exists. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/** Parse YAML keeping positions, so every later error can say "file:line" (dbt says less). */
export function readYaml(file: ProjectFile): YamlFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(file.content, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const errors: ProjectError[] = document.errors.map((error) => ({
    path: file.path,
    line: lineCounter.linePos(error.pos[0]).line,
    message: `Invalid YAML (${error.code}): ${firstLine(error.message)}`,
  }));
  return {
    value: errors.length > 0 ? undefined : (document.toJS() as unknown),
    errors,
    lineOf(path) {
      const node = document.getIn(path, true) as Node | undefined;
      const start = node?.range?.[0];
      return start === undefined ? undefined : lineCounter.linePos(start).line;
    },
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
