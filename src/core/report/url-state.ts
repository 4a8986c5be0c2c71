import { strFromU8, strToU8, deflateSync, inflateSync } from 'fflate';
import { projectPathProblem } from '../workbench/project-archive.ts';
import type { InputValue } from './bind-inputs.ts';

/**
 * What a share link holds: the report page, the value of each of its inputs and, when the sender had edited
 * the project, those edits (a file's new text, or null for a file they deleted).
 */
export interface ShareState {
  /** The report's path, e.g. `reports/schools.md`. */
  page: string;
  /** Each input's value, by name. */
  inputs: Record<string, InputValue>;
  /** The sender's saved edits against the bundled project, by path; absent when they had none. */
  edits?: Record<string, string | null> | undefined;
}

/** Longest state a link may carry: longer URLs are cut short by chat apps, mail clients and some browsers. */
export const SHARE_LIMIT_CHARS = 8000;

/** The version written today. A link of any version listed in `DECODERS` keeps opening. */
export const SHARE_VERSION = 1;

export type EncodeOutcome = { ok: true; token: string } | { ok: false; message: string; length: number };
export type DecodeOutcome = { ok: true; state: ShareState } | { ok: false; message: string };

/**
 * `v1.<base64url of the deflated JSON>`; refused, with how long it would be, when it passes the limit
 * (the caller then offers a project export instead).
 */
export function encodeShareState(state: ShareState, limit = SHARE_LIMIT_CHARS): EncodeOutcome {
  const json = JSON.stringify({
    page: state.page,
    inputs: state.inputs,
    ...(state.edits ? { edits: state.edits } : {}),
  });
  const token = `v${SHARE_VERSION}.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
  if (token.length <= limit) return { ok: true, token };
  const files = Object.keys(state.edits ?? {}).length;
  return {
    ok: false,
    length: token.length,
    message:
      `This link would be ${token.length.toLocaleString('en-AU')} characters, over the ` +
      `${limit.toLocaleString('en-AU')} a link can safely carry` +
      (files > 0 ? ` with your edits to ${files} file${files === 1 ? '' : 's'}` : '') +
      '. Export the project as a zip and send that instead.',
  };
}

/** Reads a token back, checking it against the schema of its version; says what is wrong when it does not fit. */
export function decodeShareState(token: string): DecodeOutcome {
  const match = /^v(\d+)\.([A-Za-z0-9_-]*)$/.exec(token.trim());
  if (!match) return refuse('it is not a share link this app wrote (it should start with v1.)');
  const version = Number(match[1]);
  const decoder = DECODERS[version];
  if (!decoder) {
    return refuse(
      version > SHARE_VERSION
        ? `it was made by a newer version of this app (link version ${version}); reload the page to update`
        : `link version ${version} is not one this app has written`,
    );
  }
  if ((match[2] ?? '').length > SHARE_LIMIT_CHARS * 2) return refuse('it is far longer than any link this app writes');
  let json: unknown;
  try {
    const bytes = inflateSync(fromBase64Url(match[2] ?? ''));
    if (bytes.length > MAX_INFLATED_BYTES) return refuse('it unpacks to more than a link may carry');
    json = JSON.parse(strFromU8(bytes));
  } catch {
    return refuse('it is damaged (cut short or changed?) and cannot be unpacked');
  }
  return decoder(json);
}

/** A deflated link of 8,000 characters unpacks to far less than this; more is a crafted link. */
const MAX_INFLATED_BYTES = 2 * 1024 * 1024;

/** One schema check per link version: old versions keep their decoder and map onto today's state. */
const DECODERS: Record<number, (json: unknown) => DecodeOutcome> = {
  1: decodeV1,
};

function decodeV1(json: unknown): DecodeOutcome {
  if (!isRecord(json)) return refuse('its contents are not an object');
  const unknownKey = Object.keys(json).find((key) => !['page', 'inputs', 'edits'].includes(key));
  if (unknownKey) return refuse(`it holds an unknown field '${unknownKey}'`);
  const { page, inputs, edits } = json;
  if (typeof page !== 'string' || !/^reports\/[^]*\.md$/.test(page) || projectPathProblem(page)) {
    return refuse('its page is not a report of the project (reports/<name>.md)');
  }
  if (!isRecord(inputs)) return refuse("its 'inputs' are not an object of values");
  const checkedInputs: Record<string, InputValue> = {};
  for (const [name, value] of Object.entries(inputs)) {
    // `__proto__` fits the pattern, but assigning it swaps the object's prototype instead of adding a key.
    if (!/^[A-Za-z_]\w*$/.test(name) || name === '__proto__')
      return refuse(`input name '${name}' is not a name an input can have`);
    if (!isInputValue(value))
      return refuse(`input '${name}' holds a ${describe(value)}, not text, a number or true/false`);
    checkedInputs[name] = value;
  }
  if (edits === undefined) return { ok: true, state: { page, inputs: checkedInputs } };
  if (!isRecord(edits)) return refuse("its 'edits' are not an object of files");
  const checkedEdits: Record<string, string | null> = {};
  for (const [path, text] of Object.entries(edits)) {
    const problem = projectPathProblem(path);
    if (problem) return refuse(`edited file '${path}': ${problem}`);
    if (text !== null && typeof text !== 'string')
      return refuse(`edited file '${path}' holds a ${describe(text)}, not text`);
    checkedEdits[path] = text;
  }
  return { ok: true, state: { page, inputs: checkedInputs, edits: checkedEdits } };
}

function refuse(why: string): DecodeOutcome {
  return { ok: false, message: `This share link cannot be opened: ${why}.` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInputValue(value: unknown): value is InputValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 base64url without padding (written out: core runs where `btoa` is not declared). */
function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(chunk >> (18 - 6 * c)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new Error('not base64url');
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error('not base64url');
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
