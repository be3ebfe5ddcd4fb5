import { readFileSync } from 'node:fs';
import { describeIoError } from '@aver/bench-manifest';
import * as messages from './messages.js';
import { RunError } from './run-error.js';

/**
 * Reads a scenario's entry program the way the reference does (`read_to_string`, spec §8.1 step 2). It runs on
 * the calling thread, before a worker starts, so a missing file fails fast and the worker does not load the
 * manifest package.
 * @param entry The entry path, as resolved from the manifest.
 * @returns The source text; a byte-order mark is kept, as Rust keeps it.
 * @throws {RunError} `read`, `{entry}: {io_error}` in Rust's words (`No such file or directory (os error 2)`,
 *   `Is a directory (os error 21)`, `stream did not contain valid UTF-8`).
 */
export function readEntrySource(entry: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry);
  } catch (error) {
    throw new RunError('read', messages.readEntry(entry, describeIoError(error)));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RunError('read', messages.readEntry(entry, messages.invalidUtf8()));
  }
}
