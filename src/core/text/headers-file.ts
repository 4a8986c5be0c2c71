/** One rule of a `_headers` file (Netlify and Cloudflare Pages): a path pattern and the headers it adds. */
export interface HeadersRule {
  /** `/assets/*`: `*` matches any rest of the path. */
  pattern: string;
  /** Header name → value, in the file's order. */
  headers: Array<[string, string]>;
}

/**
 * Parse a `_headers` file: a line starting with `/` opens a rule, indented `Name: value` lines add to it,
 * `#` lines are comments. Throws, naming the line, on anything else, as the hosts reject such a file.
 */
export function parseHeadersFile(text: string): HeadersRule[] {
  const rules: HeadersRule[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (line.startsWith('/')) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule) throw new Error(`_headers line ${index + 1}: expected a path or an indented "Name: value"`);
    rule.headers.push([header[1] as string, (header[2] as string).trim()]);
  }
  return rules;
}

/** The headers a path gets: every matching rule's, in order. */
export function headersFor(rules: readonly HeadersRule[], path: string): Array<[string, string]> {
  return rules.flatMap((rule) => (matches(rule.pattern, path) ? rule.headers : []));
}

function matches(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return pattern === path;
  const [head = '', ...rest] = pattern.split('*');
  return path.startsWith(head) && (rest.join('*') === '' || path.endsWith(rest.join('*')));
}
