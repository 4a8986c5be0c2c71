import { decodeText, scanElements } from './xml-scan.ts';

/**
 * The text of a shared string item (`<si>`) or an inline string (`<is>`): plain `<t>`, or rich text runs
 * (`<r><t>`) joined. Phonetic runs (`<rPh>`, Japanese reading aids) are not part of the text and are
 * dropped, as Excel does when it shows the cell. Whitespace is kept exactly, with or without
 * `xml:space="preserve"`.
 */
export function readStringItem(inner: string): string {
  const withoutPhonetics = inner.includes('rPh') ? inner.replace(/<([\w.-]+:)?rPh\b[\s\S]*?<\/\1rPh>/g, '') : inner;
  let text = '';
  for (const t of scanElements(withoutPhonetics, 't')) text += decodeText(t.inner);
  return unescapeXstring(text);
}

/**
 * Undo SpreadsheetML's escaping of characters XML cannot hold (ECMA-376 Part 1, §22.9.2.19 ST_Xstring):
 * `_x000D_` is a carriage return, and `_x005F_` escapes an underscore that would otherwise start an escape.
 */
export function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Escape for ST_Xstring: control characters XML 1.0 cannot hold (and a carriage return, which XML readers
 * would turn into a line feed) become `_xHHHH_`, and text that looks like such an escape has its underscore
 * escaped, so `unescapeXstring` gives back exactly the input.
 */
export function escapeXstring(text: string): string {
  return text.replace(
    /_(?=x[0-9A-Fa-f]{4}_)|[^\t\n\u0020-\ufffd]/g,
    (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}
