/**
 * Addresses a report may link to: the site's own pages (`#/…`, `/…`, `./…`) and the web (`http(s):`,
 * `mailto:`); never `javascript:`, `data:`, `vbscript:` or a protocol-relative `//host` that only looks local.
 */
export function safeUrl(url: string): boolean {
  // Browsers drop tabs, newlines and leading control characters in a URL: `java\tscript:` is `javascript:`.
  // eslint-disable-next-line no-control-regex -- the control characters are what is being removed
  const cleaned = url.replace(/[\u0000-\u001F\u007F\s]+/g, '');
  if (/^(?:#|\/(?![/\\])|\.{1,2}\/)/.test(cleaned)) return true;
  return /^(?:https?:\/\/|mailto:)/i.test(cleaned);
}
