/**
 * Telling a web page from data. Portals answer a moved file, an expired link or a maintenance window with
 * an HTML page and status 200; loading that as a CSV would fail later with a confusing parse error.
 */

/** What came back instead of data. */
export interface HtmlPage {
  /** The first non-blank line of the page's `<title>`, if it has one. */
  title?: string | undefined;
}

/**
 * The page, if the body is HTML: it starts with `<!DOCTYPE` or `<html`, or it is labelled `text/html` and
 * has markup near the start (a CSV that a misconfigured server labels `text/html` is still data).
 */
export function detectHtml(bytes: Uint8Array, contentType: string | undefined): HtmlPage | undefined {
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart();
  const sniffed = /^(?:<!doctype\s|<html[\s>])/i.test(head);
  const declared = contentType !== undefined && /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType);
  if (!sniffed && !(declared && /<[a-z!/]/i.test(head))) return undefined;
  return { title: findTitle(new TextDecoder().decode(bytes.subarray(0, 65_536))) };
}

function findTitle(html: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const line = match?.[1]
    ?.split(/\r?\n/)
    .map((part) => part.trim())
    .find((part) => part !== '');
  if (line === undefined) return undefined;
  const text = decodeEntities(line.replace(/\s+/g, ' '));
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? whole;
    const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
