import { describeIoError, readTextFile } from '@aver/host-io';
import * as messages from './messages.js';
import { RunError } from './run-error.js';

/**
 * Reads a scenario's entry program the way the reference does (`read_to_string`, bench spec:
 * "Running a scenario: `vm`" step 2). It runs on the calling thread, before a worker starts, so a missing file fails
 * fast and the worker does not load the manifest package.
 * @param entry The entry path, as resolved from the manifest.
 * @returns The source text; a byte-order mark is kept, as Rust keeps it.
 * @throws {RunError} `read`, `{entry}: {io_error}` in Rust's words (`No such file or directory (os error 2)`,
 *   `Is a directory (os error 21)`, `stream did not contain valid UTF-8`).
 */
export function readEntrySource(entry: string): string {
  try {
    return readTextFile(entry);
  } catch (error) {
    throw new RunError('read', messages.readEntry(entry, describeIoError(error)));
  }
}
