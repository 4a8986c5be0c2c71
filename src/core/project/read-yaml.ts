import { LineCounter, parseDocument, type Node } from 'yaml';
import type { ProjectError, ProjectFile } from './types.ts';
import { messageOf } from '../text/message-of.ts';

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
  const document = parseDocument(file.content, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: true });
  const errors: ProjectError[] = document.errors.map((error) => ({
    path: file.path,
    line: lineCounter.linePos(error.pos[0]).line,
    message: `Invalid YAML (${error.code}): ${firstLine(error.message)}`,
  }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = document.toJS();
    } catch (error) {
      // An alias whose anchor does not exist (`*name`) only fails when the document is resolved.
      const message = messageOf(error);
      const alias = /alias\b.*:\s*([A-Za-z0-9_-]+)\s*$/i.exec(firstLine(message))?.[1];
      const at = alias ? file.content.indexOf(`*${alias}`) : -1;
      errors.push({
        path: file.path,
        line: at >= 0 ? lineCounter.linePos(at).line : undefined,
        message: `Invalid YAML: ${firstLine(message)}`,
      });
    }
  }
  return {
    value,
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
