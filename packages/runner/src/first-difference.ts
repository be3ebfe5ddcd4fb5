/** Where two rendered responses first differ, with the bytes from there on, escaped for a terminal. */
export interface ResponseDifference {
  /** Byte offset (UTF-8) of the first byte that differs, or where the shorter response ends. */
  readonly offset: number;
  /** The left response's bytes from `offset`, escaped and quoted (`"61\n…"`), or `none (Unit)`. */
  readonly left: string;
  /** The right response's bytes from `offset`, likewise. */
  readonly right: string;
}

/** How many bytes of each side an excerpt shows. */
export const EXCERPT_BYTES = 24;

/**
 * Compares two rendered responses byte by byte (UTF-8; `null` is a Unit result) and describes the first
 * difference.
 * @param left One response.
 * @param right The other.
 * @returns `null` when they are equal, otherwise the offset and an escaped excerpt of each side from there.
 */
export function firstDifference(left: string | null, right: string | null): ResponseDifference | null {
  if (left === right) return null;
  if (left === null || right === null) {
    const bytes = (text: string | null) => (text === null ? null : Buffer.from(text, 'utf8'));
    return { offset: 0, left: excerpt(bytes(left), 0), right: excerpt(bytes(right), 0) };
  }
  const a = Buffer.from(left, 'utf8');
  const b = Buffer.from(right, 'utf8');
  let offset = 0;
  const shorter = Math.min(a.length, b.length);
  while (offset < shorter && a[offset] === b[offset]) offset++;
  return { offset, left: excerpt(a, offset), right: excerpt(b, offset) };
}

function excerpt(text: Buffer | null, offset: number): string {
  if (text === null) return 'none (Unit)';
  const end = Math.min(text.length, offset + EXCERPT_BYTES);
  const more = end < text.length ? '…' : '';
  return `"${escapeBytes(text.subarray(offset, end))}"${more}`;
}

/**
 * Escapes bytes so they print safely on one line: printable ASCII as is (with `\"` and `\\`), `\n`, `\r`, `\t`,
 * and every other byte (controls, escape sequences, each byte of a multi-byte character) as `\xNN`.
 * @param bytes The bytes.
 * @returns The escaped text, without quotes.
 */
export function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x09) out += '\\t';
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}
