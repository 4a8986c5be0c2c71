import type * as Monaco from 'monaco-editor/editor';
import { completionsAt, hoverAt, type Completion, type CompletionContext } from '../../core/workbench/completions.ts';

/**
 * Completions and hovers for SQL documents, from the project, the built catalog and DuckDB's vocabulary
 * (`context()` is read at each request, so a rebuild's catalog is offered without re-registering).
 * Returns what to dispose when the editor goes.
 */
export function registerSqlLanguage(monaco: typeof Monaco, context: () => CompletionContext): Monaco.IDisposable[] {
  const kinds: Record<Completion['kind'], Monaco.languages.CompletionItemKind> = {
    model: monaco.languages.CompletionItemKind.Module,
    source: monaco.languages.CompletionItemKind.Module,
    macro: monaco.languages.CompletionItemKind.Snippet,
    jinja: monaco.languages.CompletionItemKind.Snippet,
    table: monaco.languages.CompletionItemKind.Struct,
    column: monaco.languages.CompletionItemKind.Field,
    keyword: monaco.languages.CompletionItemKind.Keyword,
    function: monaco.languages.CompletionItemKind.Function,
  };
  const textAround = (model: Monaco.editor.ITextModel, position: Monaco.Position) => ({
    before: model.getValueInRange({
      startLineNumber: position.lineNumber,
      startColumn: 1,
      endLineNumber: position.lineNumber,
      endColumn: position.column,
    }),
    text: model.getValue(),
  });
  return [
    monaco.languages.registerCompletionItemProvider('sql', {
      triggerCharacters: ["'", '"', '.', '{', ' '],
      provideCompletionItems(model, position) {
        const word = model.getWordUntilPosition(position);
        const range = {
          startLineNumber: position.lineNumber,
          endLineNumber: position.lineNumber,
          startColumn: word.startColumn,
          endColumn: word.endColumn,
        };
        const suggestions = completionsAt({ ...textAround(model, position), context: context() }).map((item) => ({
          label: item.label,
          kind: kinds[item.kind],
          detail: item.detail,
          documentation: item.documentation ? { value: item.documentation } : undefined,
          insertText: item.insertText ?? item.label,
          // Project names first, then the catalog, then DuckDB's vocabulary.
          sortText: `${['model', 'source', 'jinja', 'macro', 'column', 'table', 'function', 'keyword'].indexOf(item.kind)}${item.label}`,
          range,
        }));
        return { suggestions };
      },
    }),
    monaco.languages.registerHoverProvider('sql', {
      provideHover(model, position) {
        const word = model.getWordAtPosition(position);
        if (!word) return undefined;
        const start = new monaco.Position(position.lineNumber, word.startColumn);
        const markdown = hoverAt({ word: word.word, ...textAround(model, start), context: context() });
        if (!markdown) return undefined;
        return {
          range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
          contents: [{ value: markdown }],
        };
      },
    }),
  ];
}
