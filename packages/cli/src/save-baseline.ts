import { describeIoError } from '@aver/host-io';
import { CliError } from './cli-errors.js';
import * as messages from './messages.js';
import { checkWritableTarget, writeFileAtomic } from './write-file-atomic.js';

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

/**
 * Refuses a `--save-baseline` target before anything runs when it could not be written: a folder, FIFO, device
 * or socket, or a missing folder.
 * @throws {CliError} `save-baseline write '{path}': {reason}`.
 */
export function checkBaselineTarget(path: string): void {
  try {
    checkWritableTarget(path);
  } catch (error) {
    throw new CliError(messages.saveBaselineWrite(path, describeIoError(error)));
  }
}
