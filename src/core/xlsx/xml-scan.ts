/**
 * Just enough XML for the parts of an XLSX file: find elements by local name, read their attributes and
 * text. Written here because core runs in workers, which have no DOMParser, and a SpreadsheetML part is
 * flat and machine-written. Namespace prefixes are ignored (the OpenXML SDK writes `<x:c>`, Excel `<c>`).
 */

/** One element found by `scanElements`. */
export interface XmlElement {
  /** Attributes by local name (`r:id` is under `id`), values with entities decoded. */
  attributes: Readonly<Record<string, string>>;
  /** The raw XML between the start and end tags; '' for an empty element. */
  inner: string;
}

/**
 * Every element named `localName` in `xml`, in document order, with any namespace prefix. Elements of the
 * same name must not nest (true of every element this reader asks for). Throws on a start tag without its
 * end tag, which means the part is cut short.
 */
export function scanElements(xml: string, localName: string): XmlElement[] {
  const elements: XmlElement[] = [];
  for (let found = nextElement(xml, localName, 0); found; found = nextElement(xml, localName, found.end)) {
    elements.push(found.element);
  }
  return elements;
}

/** The first element named `localName`, or undefined. */
export function firstElement(xml: string, localName: string): XmlElement | undefined {
  return nextElement(xml, localName, 0)?.element;
}

/**
 * The character data of an element's content: entities and character references decoded, CDATA sections
 * kept literally, whitespace kept exactly. Markup inside (there should be none) is dropped.
 */
export function decodeText(inner: string): string {
  let text = '';
  let from = 0;
  for (let open = inner.indexOf('<![CDATA['); open >= 0; open = inner.indexOf('<![CDATA[', from)) {
    const close = inner.indexOf(']]>', open);
    if (close < 0) throw new SyntaxError('a CDATA section has no end');
    text += decodeEntities(stripTags(inner.slice(from, open))) + inner.slice(open + 9, close);
    from = close + 3;
  }
  return text + decodeEntities(stripTags(inner.slice(from)));
}

/** Replace the five predefined entities and numeric character references; anything else is left as is. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** Text escaped for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${ESCAPES[char] ?? ''};`);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ESCAPES: Readonly<Record<string, string>> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' };

/** One compiled pattern per element name; `nextElement` sets `lastIndex` before each use. */
const startTagPatterns = new Map<string, RegExp>();

function startTagPattern(localName: string): RegExp {
  let pattern = startTagPatterns.get(localName);
  if (!pattern) {
    pattern = new RegExp(`<([\\w.-]+:)?${localName}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
    startTagPatterns.set(localName, pattern);
  }
  return pattern;
}

/** The next element named `localName` at or after `from`, and where it ends. */
function nextElement(xml: string, localName: string, from: number): { element: XmlElement; end: number } | undefined {
  const start = startTagPattern(localName);
  start.lastIndex = from;
  const match = start.exec(xml);
  if (!match) return undefined;
  const rawAttributes = match[2] ?? '';
  const attributes = parseAttributes(rawAttributes);
  if (rawAttributes.endsWith('/')) return { element: { attributes, inner: '' }, end: start.lastIndex };
  const endTag = `</${match[1] ?? ''}${localName}>`;
  const end = xml.indexOf(endTag, start.lastIndex);
  if (end < 0) throw new SyntaxError(`<${match[1] ?? ''}${localName}> has no end tag`);
  return { element: { attributes, inner: xml.slice(start.lastIndex, end) }, end: end + endTag.length };
}

const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(raw); match; match = ATTRIBUTE.exec(raw)) {
    const name = match[1] ?? '';
    attributes[name.slice(name.indexOf(':') + 1)] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

function stripTags(text: string): string {
  return text.includes('<') ? text.replace(/<[^>]*>/g, '') : text;
}
