import { describeIoError } from '@aver/bench-manifest';
import { CliError } from './cli-errors.js';
import * as messages from './messages.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * Writes a baseline file atomically.
 * @throws {CliError} `save-baseline write '{path}': {reason}` when it cannot be written.
 */
export function saveBaseline(path: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw new CliError(messages.saveBaselineWrite(path, describeIoError(error)));
  }
}
