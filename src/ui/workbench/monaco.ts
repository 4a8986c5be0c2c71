// Loaded lazily (dynamic import) so the report never waits for the editor. The slim build: the editor
// core, SQL, YAML and markdown highlighting, find, suggest and hover. Monaco 0.57's slim "suggest" entry omits
// the suggest controller, so it is imported explicitly.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/languages/definitions/sql/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/markdown/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { EDITOR_THEMES } from './editor-themes.ts';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
for (const { name, data } of Object.values(EDITOR_THEMES)) monaco.editor.defineTheme(name, data);

export { monaco };
