import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

/**
 * Parse YAML keeping positions, so every later error can say "file:line" (dbt says less). The parsed document
 * of a file is kept while its text stays the same: a Workbench save loads the whole project again, and parsing
 * the unchanged YAML files was most of that load. The plain value is made afresh on every call, so no caller
 * can change what another one reads.
 */
export function readYaml(file: ProjectFile): YamlFile {
  const { document, lineCounter, parseErrors } = parsedDocument(file);
  const errors = [...parseErrors];
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

interface ParsedDocument {
  document: Document.Parsed;
  lineCounter: LineCounter;
  parseErrors: readonly ProjectError[];
}

/** How many files' parsed documents are kept (a project has a few dozen YAML files). */
const KEPT_DOCUMENTS = 256;
const parsed = new Map<string, ParsedDocument>();

/** The file's parsed document, from the cache when its path and text are those parsed before. */
function parsedDocument(file: ProjectFile): ParsedDocument {
  const key = `${file.path}\u0000${file.content}`;
  const known = parsed.get(key);
  if (known) {
    // Most recently used last, so the oldest entry is the first one dropped.
    parsed.delete(key);
    parsed.set(key, known);
    return known;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(file.content, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: true });
  const parseErrors = document.errors.map((error) => ({
    path: file.path,
    line: lineCounter.linePos(error.pos[0]).line,
    message: `Invalid YAML (${error.code}): ${firstLine(error.message)}`,
  }));
  parsed.set(key, { document, lineCounter, parseErrors });
  if (parsed.size > KEPT_DOCUMENTS) parsed.delete(parsed.keys().next().value as string);
  return { document, lineCounter, parseErrors };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
