import { readFileSync } from 'node:fs';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file that is not valid UTF-8, worded like Rust's `io::Error` for `fs::read_to_string`. */
export class InvalidUtf8Error extends Error {
  override readonly name = 'InvalidUtf8Error';
  constructor() {
    super('stream did not contain valid UTF-8');
  }
}

/**
 * Reads a file as text the way the reference's `fs::read_to_string` does: invalid UTF-8 is an error
 * (`InvalidUtf8Error`), not replacement characters; a byte-order mark stays in the text. File-system errors are
 * thrown as Node reports them (`describeIoError` words them).
 * @param path The file.
 * @returns Its text.
 */
export function readTextFile(path: string): string {
  const bytes = readFileSync(path);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InvalidUtf8Error();
  }
}

/**
 * `readTextFile`, or `null` when there is no such file (`ENOENT`, or `ENOTDIR`: a parent is not a folder). Every
 * other failure (a folder, no permission, invalid UTF-8) is thrown, so the caller can say why.
 * @param path The file.
 * @returns Its text, or `null`.
 */
export function readTextFileIfExists(path: string): string | null {
  try {
    return readTextFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}
