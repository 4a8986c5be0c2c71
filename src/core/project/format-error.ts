import type { ProjectError } from './types.ts';

/** `path:line: message`, the form editors and terminals turn into links. */
export function formatProjectError(error: ProjectError): string {
  return `${error.path}${error.line ? `:${error.line}` : ''}: ${error.message}`;
}
